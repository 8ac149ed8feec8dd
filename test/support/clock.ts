// The one fake clock: tests inject `clock.now` (AppDeps.now) and move time by hand, so nothing
// waits for real time and every timestamp can be asserted exactly.

export class Clock {
  private current: Date;

  /** Starts on a whole second by default, so JWT times (whole seconds) are exact. */
  constructor(start: Date | string = '2031-05-06T09:00:00.000Z') {
    this.current = new Date(start);
  }

  /** The injectable `now`: a bound function, pass it as it is. */
  now = (): Date => this.current;

  /** Now in whole seconds since the epoch (JWT `iat`/`exp`). */
  seconds(): number {
    return Math.floor(this.current.getTime() / 1000);
  }

  /** The current time as RFC 3339, as the API writes it. */
  iso(): string {
    return this.current.toISOString();
  }

  /** Jumps to a given time (forwards or back). */
  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(seconds: number): void {
    this.advanceMs(seconds * 1000);
  }

  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
