import { Link } from 'react-router';
import { refTarget } from '../narrative-links';
import type { Span } from '../types';

/**
 * A verdict's narrative, span by span: a span that carries a reference becomes a jump-off link
 * (to a profile, or to the part of the email page it talks about). The sentences read as one paragraph.
 */
export function NarrativeText({ sentences, sender }: { sentences: readonly (readonly Span[])[]; sender: string | null }) {
  return (
    <p className="narrative">
      {sentences.map((sentence, s) => (
        <span key={s} className="sentence">
          {s > 0 && ' '}
          {sentence.map((span, i) => {
            const target = span.ref ? refTarget(span.ref, sender) : null;
            if (!target) return <span key={i}>{span.text}</span>;
            const kind = span.ref?.kind ?? '';
            return target.startsWith('#') ? (
              <a key={i} href={target} className={`ref ref-${kind}`}>
                {span.text}
              </a>
            ) : (
              <Link key={i} to={target} className={`ref ref-${kind}`}>
                {span.text}
              </Link>
            );
          })}
        </span>
      ))}
    </p>
  );
}
