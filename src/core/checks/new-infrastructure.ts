import { infrastructureFindings } from '../behaviour/sender-deviations.js';
import { listPhrase } from '../text.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** How telling a never-seen value is, per dimension: a different DKIM signer or sending host says more than a new mail client. */
const DIMENSION_WEIGHT = { dkim: 0.9, host: 0.8, network: 0.7, mailer: 0.5 } as const;
/** History (sender's own messages, plus half of their domain's) at which "never seen" is half-trusted. */
const HISTORY_HALF = 8;

const LABEL = { network: 'network', host: 'sending host', dkim: 'DKIM signer', mailer: 'mailer' } as const;

export const newInfrastructure: Check = {
  id: 'NEW_INFRASTRUCTURE',
  description: 'The sending network, host, DKIM signing domain or mailer was never seen for this sender, nor usually for their domain.',
  run(context) {
    const findings = infrastructureFindings(context);
    // A new mail client alone is ordinary life (a phone, an upgrade); it only adds to a new network, host or signer.
    if (!findings.some((f) => f.dimension !== 'mailer')) return null;
    const first = findings[0];
    if (!first) return null;
    const depth = first.senderMessages + first.domainMessages / 2;
    const unexplained = findings.reduce((acc, f) => acc * (1 - DIMENSION_WEIGHT[f.dimension]), 1);
    const strength = round2(confidenceFrom(depth, HISTORY_HALF) * (1 - unexplained));
    if (strength === 0) return null;
    const newToDomain = findings.filter((f) => f.domainSightings === 0);
    return {
      id: this.id,
      strength,
      evidence: {
        sender: context.who.sender,
        senderDomain: context.who.senderDomain,
        newDimensions: findings.map((f) => f.dimension),
        newValues: findings.map((f) => `${f.dimension}=${f.value}`),
        newToDomainToo: newToDomain.map((f) => f.dimension),
        senderMessages: first.senderMessages,
        domainMessages: first.domainMessages,
        basis: first.basis,
        probability: round2(Math.min(...findings.map((f) => f.probability))),
      },
      summary: `${context.who.sender} sent over ${listPhrase(findings.map((f) => `a ${LABEL[f.dimension]} (${f.value})`))} never seen for them in ${first.senderMessages} messages`,
    };
  },
};
