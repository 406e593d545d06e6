/** Bands for reading a 0..100 "how far from the learned patterns" score at a glance. */
export function scoreBand(score: number): 'low' | 'medium' | 'high' {
  if (score >= 60) return 'high';
  if (score >= 30) return 'medium';
  return 'low';
}

/** A verdict score (0..100) with its band as colour; the number is the accessible text. */
export function ScoreBadge({ score }: { score: number }) {
  return (
    <span className={`score score-${scoreBand(score)}`} title="Score: how far this email is from the organisation's patterns (0–100)">
      {Math.round(score)}
    </span>
  );
}
