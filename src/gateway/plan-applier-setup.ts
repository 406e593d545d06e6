import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { loadLinkSecret } from '../mail/rewrite/link-secret.js';
import { PlanApplier } from './plan-applier.js';

/** The gateway's PlanApplier from the organisation config (autonomy, link settings, ARC key). */
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
    autonomy: { autonomy: config.autonomy, autonomyByGroup: config.autonomyByGroup, groups: config.groups },
    linkBaseUrl: config.linkBaseUrl,
    linkSecret: await loadLinkSecret(config),
    arc,
    hostname,
  });
}
