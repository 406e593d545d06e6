import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { generatePassword, hashPassword } from './password.js';

export const FIRST_ADMIN = 'admin';

/**
 * First start: with no users at all, create `admin` with BELONG_ADMIN_PASSWORD, or a random
 * password printed once to stderr (never logged, never stored in clear). Returns whether it did.
 */
export async function ensureFirstAdmin(store: Store, options: { password?: string | undefined; now: () => number; write: (line: string) => void }): Promise<boolean> {
  if ((await store.listUsers()).length > 0) return false;
  const password = options.password && options.password.length > 0 ? options.password : null;
  const chosen = password ?? generatePassword();
  const at = options.now();
  const created = await store.createUser({ id: randomUUID(), username: FIRST_ADMIN, role: 'admin', passwordHash: await hashPassword(chosen), disabled: false, createdAt: at, updatedAt: at });
  if (!created) return false;
  await store.appendAudit({ at, actor: 'belong', action: 'user.create', subject: FIRST_ADMIN, detail: { role: 'admin', firstStart: true } });
  if (password === null) options.write(`belong: created user "${FIRST_ADMIN}" with one-time password: ${chosen}\n`);
  else options.write(`belong: created user "${FIRST_ADMIN}" with the password from BELONG_ADMIN_PASSWORD\n`);
  return true;
}
