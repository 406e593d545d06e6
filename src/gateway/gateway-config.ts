import path from 'node:path';
import { z } from 'zod';
import { BelongError, ERROR_CODES } from '../errors.js';

/**
 * Gateway settings. Kept apart from src/config/config.ts (whose schema is strict and shared by
 * every command): the gateway reads these from its own flags, BELONG_GATEWAY_* variables, or a
 * `gateway` file given with --gateway-config.
 */
const hostPort = z
  .string()
  .trim()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[^:\s]+):\d{1,5}$/u, 'must be HOST:PORT')
  .transform((value) => {
    const at = value.lastIndexOf(':');
    return { host: value.slice(0, at).replace(/^\[|\]$/gu, ''), port: Number(value.slice(at + 1)) };
  });

export const GatewayConfigSchema = z
  .object({
    listen: hostPort.default({ host: '127.0.0.1', port: 2525 }),
    /** Downstream MTA; required unless journal mode. */
    relay: hostPort.optional(),
    /** Journal mode: receive, analyse, record; never relay. */
    journal: z.boolean().default(false),
    /** Operations HTTP listener (/metrics, /healthz, /readyz); null = off. */
    ops: hostPort.nullable().default(null),
    /** Name in the banner and EHLO reply (and in DSNs). */
    hostname: z.string().min(1).default('belong-gateway'),
    spoolDir: z.string().min(1).optional(),
    /** TLS certificate and key (PEM files); a self-signed pair is made in the data dir when absent. */
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
    maxMessageBytes: z.number().int().positive().default(25 * 1024 * 1024),
    maxRecipients: z.number().int().positive().default(100),
    maxClients: z.number().int().positive().default(200),
    maxSessionsPerIp: z.number().int().positive().default(20),
    /** Idle timeout per SMTP command/read. */
    socketTimeoutMs: z.number().int().positive().default(60_000),
    /** Hard cap on one session's length: a slow-loris that trickles bytes still ends. */
    sessionTimeoutMs: z.number().int().positive().default(10 * 60_000),
    /** Trust XCLIENT/XFORWARD/PROXY from these peers only (a fronting MTA). */
    trustXclientFrom: z.array(z.string().min(1)).default([]),
    trustProxyFrom: z.array(z.string().min(1)).default([]),
    /** Peers (the organisation's own mail server) allowed to submit outbound mail to any domain. */
    submitFrom: z.array(z.string().min(1)).default([]),
    /** Relay retries: exponential backoff from initial to max, bounce after the window. */
    retryInitialMs: z.number().int().positive().default(30_000),
    retryMaxMs: z.number().int().positive().default(30 * 60_000),
    retryWindowMs: z.number().int().positive().default(5 * 24 * 3_600_000),
    relayConnections: z.number().int().positive().default(4),
    /** Verify the downstream certificate on STARTTLS (opportunistic TLS does not by default). */
    relayVerifyTls: z.boolean().default(false),
    /** What to do when analysis throws: deliver with X-Belong-Analysis: failed, or hold. */
    onAnalysisFailure: z.enum(['deliver', 'hold']).default('deliver'),
    /** Messages processed at once after spooling. */
    workers: z.number().int().positive().default(4),
    /** Use the system resolver for SPF/DKIM/DMARC (off: upstream Authentication-Results only). */
    dns: z.boolean().default(false),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof GatewayConfigSchema>;

/** Validates once at start-up, listing every problem; relay is required unless journaling. */
export function parseGatewayConfig(input: unknown): GatewayConfig {
  const result = GatewayConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(gateway)'}: ${issue.message}`);
    throw new BelongError(ERROR_CODES.CONFIG, `invalid gateway configuration:\n${problems.join('\n')}`);
  }
  if (!result.data.journal && !result.data.relay) {
    throw new BelongError(ERROR_CODES.CONFIG, 'gateway needs --relay HOST:PORT (or --journal)');
  }
  return result.data;
}

export function spoolDirOf(config: GatewayConfig, dataDir: string): string {
  return config.spoolDir ?? path.join(dataDir, 'spool');
}
