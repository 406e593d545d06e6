import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Store } from '../store/store.js';
import { loadOrCreateQuarantineKey } from './key.js';
import { Quarantine } from './quarantine.js';

/** `<data-dir>/quarantine`: the sealed originals. */
export function quarantineDirOf(dataDir: string): string {
  return path.join(dataDir, 'quarantine');
}

/** The quarantine as configured: key from config or the data dir, retention from config. */
export async function openQuarantine(config: Pick<Config, 'dataDir' | 'quarantineKey' | 'quarantineRetentionDays'>, store: Store): Promise<Quarantine> {
  const key = await loadOrCreateQuarantineKey({ configured: config.quarantineKey, dataDir: config.dataDir });
  return new Quarantine({ store, dir: quarantineDirOf(config.dataDir), key, retentionDays: config.quarantineRetentionDays });
}
