/** A token bucket: `perSecond` sustained, up to `burst` at once; used for a connection's updates and awareness. */
export class TokenBucket {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(private readonly rate: { perSecond: number; burst: number }) {
    this.tokens = rate.burst;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(
      this.rate.burst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.rate.perSecond,
    );
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
