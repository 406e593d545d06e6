import { describe, expect, it } from 'vitest';
import { missingContentSentence } from './missing-content';

describe('missingContentSentence', () => {
  it('says the content was removed by retention, after how many days, and that the verdict remains', () => {
    expect(missingContentSentence(30)).toBe('The message content was removed after 30 days (retention); the verdict remains.');
    expect(missingContentSentence(1)).toBe('The message content was removed after 1 day (retention); the verdict remains.');
  });

  it('says the content was not kept when retention did not remove it', () => {
    expect(missingContentSentence(null)).toBe("The message's content (headers, links, attachments, body) was not kept for this email.");
    expect(missingContentSentence(undefined)).toMatch(/was not kept/u);
  });
});
