/**
 * A saved custom dashboard: a list of widgets (each a filter plus a view), kept per user and
 * optionally shared with everyone. The store keeps widgets as opaque JSON; the API validates
 * their shape (src/api/routes/dashboard-schemas.ts) so the store never has to change with them.
 */
export interface DashboardRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  /** Visible (read-only) to every user, not just the owner. */
  readonly shared: boolean;
  readonly widgets: readonly unknown[];
  readonly createdAt: number;
  readonly updatedAt: number;
}
