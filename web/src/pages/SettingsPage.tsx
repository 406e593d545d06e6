/** Placeholder until its page lands. */
export function SettingsPage() {
  return <h1>Settings</h1>;
}
