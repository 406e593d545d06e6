import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf } from './link-facts.js';

const MIN_STRENGTH = 0.2;

export const linkShortener: Check = {
  id: 'LINK_SHORTENER',
  description: 'A link goes through a URL shortener, hiding where it leads.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const short = linkFactsOf(context).filter((f) => f.traits.shortener);
    if (short.length === 0) return null;
    // A sender that always shortens its links (social posts, newsletters) is keeping a habit.
    const habit = Math.min(...short.map((f) => f.senderCount));
    const strength = round2(0.7 * (1 - confidenceFrom(habit, 2)));
    if (strength < MIN_STRENGTH) return null;
    return {
      id: this.id,
      strength,
      evidence: { shorteners: firstDistinct(short.map((f) => f.link.host ?? f.domain)), links: short.length, timesSenderUsedIt: habit },
      summary: `hides a link behind a URL shortener (${short[0]!.link.host})`,
    };
  },
};
