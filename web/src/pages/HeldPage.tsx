/** Placeholder until its page lands. */
export function HeldPage() {
  return <h1>Held</h1>;
}
