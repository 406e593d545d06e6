/**
 * What a check reports: a named observation with the facts behind it. Checks never decide an
 * action and carry no weights (DESIGN: "checks report, policy weighs").
 */

/** Facts behind a signal: small, JSON-serialisable, named so a narrative can quote them. */
export type Evidence = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface Signal {
  /** Stable SCREAMING_SNAKE id; public API, never reused with a new meaning. */
  readonly id: string;
  /** 0..1: how strongly the observation holds (e.g. less history behind it → weaker). */
  readonly strength: number;
  readonly evidence: Evidence;
  /** One plain-English clause, built from the evidence only. */
  readonly summary: string;
}
