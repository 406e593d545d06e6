import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Where a generated link-token secret lives when config has no `linkSecret`. */
export function linkSecretFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'link.key');
}

/**
 * The HMAC secret for link tokens: the configured one, else one generated at first use into
 * `<data-dir>/keys/link.key` (mode 0600, O_EXCL so concurrent starts agree on one secret).
 * The gateway (which signs) and the link page (which verifies) must read the same one.
 */
export async function loadOrCreateLinkSecret(options: { configured?: string | undefined; dataDir: string }): Promise<string> {
  if (options.configured) return options.configured;
  const file = linkSecretFile(options.dataDir);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const handle = await fs.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(`${randomBytes(32).toString('base64url')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (await fs.readFile(file, 'utf8')).trim();
}
