import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The HMAC key for link tokens: `linkSecret` from config when set, otherwise a random key made
 * at first use in `<dataDir>/link-secret` (mode 0600) so tokens survive restarts. The gateway
 * signs with it and the link page verifies with it: both must call this with the same config.
 */
export async function loadLinkSecret(config: { readonly linkSecret?: string; readonly dataDir: string }): Promise<string> {
  if (config.linkSecret) return config.linkSecret;
  const file = path.join(config.dataDir, 'link-secret');
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing.length >= 16) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await fs.readFile(file, 'utf8')).trim();
    throw error;
  }
}
