import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics, one registry per gateway (tests run several in one process). */
export class GatewayMetrics {
  readonly registry = new Registry();
  /** Messages by outcome: accepted, rejected (refused at SMTP), relayed, held, bounced, journaled, analysis_failed. */
  readonly messages = new Counter({ name: 'belong_gateway_messages_total', help: 'Messages by result', labelNames: ['result'] as const, registers: [this.registry] });
  /** DATA end → 250: what the gateway adds to the sender's transaction (spool write). */
  readonly acceptLatency = new Histogram({
    name: 'belong_gateway_accept_seconds',
    help: 'Time from end of DATA to the 250 reply',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly analysisLatency = new Histogram({
    name: 'belong_gateway_analysis_seconds',
    help: 'Time to analyse one message',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({ name: 'belong_gateway_queue_depth', help: 'Spooled messages not yet finished', registers: [this.registry] });
  readonly relayFailures = new Counter({ name: 'belong_gateway_relay_failures_total', help: 'Relay attempts that did not deliver every recipient', labelNames: ['kind'] as const, registers: [this.registry] });
  readonly sessions = new Gauge({ name: 'belong_gateway_sessions', help: 'Open SMTP sessions', registers: [this.registry] });
}
