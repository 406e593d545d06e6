/** Placeholder until its page lands. */
export function EmailsPage() {
  return <h1>Emails</h1>;
}
