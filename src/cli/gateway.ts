import type { Command } from 'commander';
import { pino } from 'pino';
import { configuredOrg } from '../config/config.js';
import { loadEffectiveConfig } from '../config/settings-overrides.js';
import { openQuarantine } from '../quarantine/open-quarantine.js';
import { resolveOrg } from '../engine/org-setup.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { gatewayConfigFromFlags, withGatewayOptions, type GatewayFlags } from './gateway-options.js';
import { gatewayEngine, startGatewayService } from './gateway-runtime.js';
import { untilStopSignal } from './until-signal.js';

type GatewayCommandFlags = CommonFlags & Omit<GatewayFlags, 'smtpListen'> & { listen?: string };

export function registerGateway(program: Command): void {
  withCommonOptions(
    withGatewayOptions(
      program.command('gateway').description('run the SMTP gateway: receive, spool, analyse, relay with X-Belong headers (or journal: never relay)'),
      '--listen',
    ).option('--spool-dir <dir>', 'spool directory (default <data-dir>/spool)'),
  ).action(async (flags: GatewayCommandFlags) => {
    process.exitCode = await gatewayCommand(flags);
  });
}

/** Runs until SIGTERM/SIGINT, then shuts down gracefully (unfinished mail stays spooled). */
export async function gatewayCommand(flags: GatewayCommandFlags): Promise<number> {
  const config = gatewayConfigFromFlags({ ...flags, smtpListen: flags.listen });
  const logger = pino({ level: config.logLevel, base: { service: 'belong-gateway' } });
  const context = await openContext(flags);
  try {
    // Settings changed from the dashboard (kept in the store) lie over the file/environment/flags.
    const effective = await loadEffectiveConfig(context.config, context.store);
    const resolved = await resolveOrg(configuredOrg(effective), context.store, async () => []);
    const engine = gatewayEngine({ store: context.store, org: resolved.org, policy: context.policy, config: effective, gateway: config });
    // Held mail is sealed into <data-dir>/quarantine; `belong quarantine release` hands it back via the spool.
    const quarantine = await openQuarantine(effective, context.store);
    const service = await startGatewayService({ config: effective, gateway: config, engine, quarantine, logger });
    await untilStopSignal();
    await service.stop();
    return 0;
  } finally {
    await context.store.close();
  }
}
