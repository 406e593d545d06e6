/**
 * What the email page says in place of a message's content when there is none: removed by the
 * content retention (the API says after how many days), or never kept (a replay, a verdict from
 * before content was stored).
 */
export function missingContentSentence(removedAfterDays: number | null | undefined): string {
  if (typeof removedAfterDays !== 'number') return "The message's content (headers, links, attachments, body) was not kept for this email.";
  return `The message content was removed after ${removedAfterDays} day${removedAfterDays === 1 ? '' : 's'} (retention); the verdict remains.`;
}
