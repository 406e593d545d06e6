/** Placeholder until its page lands. */
export function PeoplePage() {
  return <h1>People</h1>;
}
