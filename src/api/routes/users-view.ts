import type { UserRecord } from '../../store/accounts.js';

/** A user as the API shows it: never the password hash. */
export function publicUser(u: UserRecord) {
  return { id: u.id, username: u.username, role: u.role, disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt };
}
