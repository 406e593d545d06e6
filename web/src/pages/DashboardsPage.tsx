/** Placeholder until its page lands. */
export function DashboardsPage() {
  return <h1>Dashboards</h1>;
}
