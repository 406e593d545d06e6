/**
 * Login attempts per key (client IP, username) in a fixed window, in memory: enough for one
 * dashboard process; a restart forgets, which only ever helps a legitimate user. Written by hand
 * because @fastify/rate-limit counts requests per route, not failures per username.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string): number {
    const w = this.current(key);
    return w && w.count >= this.max ? w.start + this.windowMs - this.now() : 0;
  }

  hit(key: string): void {
    const w = this.current(key) ?? { start: this.now(), count: 0 };
    w.count += 1;
    this.windows.set(key, w);
    // Bounded memory under a spray of usernames: drop the oldest windows.
    if (this.windows.size > 10_000) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): { start: number; count: number } | undefined {
    const w = this.windows.get(key);
    if (w && this.now() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }
}
