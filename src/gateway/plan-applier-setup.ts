import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import type { AutonomySettings } from '../core/autonomy.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { loadLinkSecret } from '../mail/rewrite/link-secret.js';
import { PlanApplier } from './plan-applier.js';

/** The gateway's PlanApplier from the organisation config (autonomy, link settings, ARC key). */
/** The autonomy part of the config, as the plan applier reads it. */
export function autonomyOf(config: Pick<Config, 'autonomy' | 'autonomyByGroup' | 'groups'>): AutonomySettings {
  return { autonomy: config.autonomy, autonomyByGroup: config.autonomyByGroup, groups: config.groups };
}

export async function planApplierFor(config: Config, hostname: string): Promise<PlanApplier> {
  let arc = null;
  if (config.arcSeal) {
    const { signingDomain, selector, privateKeyFile } = config.arcSeal;
    try {
      arc = { signingDomain, selector, privateKey: await readFile(privateKeyFile) };
    } catch (error) {
      throw new BelongError(ERROR_CODES.CONFIG, `cannot read the ARC private key (${(error as NodeJS.ErrnoException).code ?? 'error'})`, privateKeyFile);
    }
  }
  return new PlanApplier({
    autonomy: autonomyOf(config),
    linkBaseUrl: config.linkBaseUrl,
    linkSecret: await loadLinkSecret(config),
    arc,
    hostname,
  });
}
