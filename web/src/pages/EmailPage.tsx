/** Placeholder until its page lands. */
export function EmailPage() {
  return <h1>Email</h1>;
}
