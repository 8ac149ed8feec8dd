// Equal timing whatever the hash family. A username nobody holds costs one argon2 check (a
// dummy, password-check.ts), and so does a user whose hash is Roster's own; but an imported
// bcrypt, scrypt or PBKDF2 hash takes its own time, longer or shorter, until its owner's first
// login replaces it. While any such hash is stored, every password check is padded to a floor:
// the slowest of the argon2 check and of each family and cost present, measured on this machine.
// Without legacy hashes the floor is zero and nothing waits.
import type { PasswordHasher } from './password.ts';

const CALIBRATION_PASSWORD = 'roster-calibration-password';

export class CheckFloor {
  private floorMs = 0;

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  get ms(): number {
    return this.floorMs;
  }

  /** Waits until `startedAt` (a clock reading) plus the floor. */
  async pad(startedAt: number): Promise<void> {
    const wait = startedAt + this.floorMs - this.clock();
    if (wait > 0) await this.sleep(wait);
  }

  /**
   * Sets the floor from one stored hash per family and cost (a wrong password costs what a right
   * one does), beside the argon2 check every unknown username pays.
   */
  async calibrate(samples: string[], passwords: PasswordHasher): Promise<void> {
    if (samples.length === 0) {
      this.floorMs = 0;
      return;
    }
    const time = async (work: () => Promise<unknown>) => {
      const started = this.clock();
      await work();
      return this.clock() - started;
    };
    let slowest = await time(() => passwords.burn(CALIBRATION_PASSWORD));
    for (const sample of samples) slowest = Math.max(slowest, await time(() => passwords.verify(sample, CALIBRATION_PASSWORD)));
    // Headroom for the jitter of a busy machine: a floor a little high costs a little latency,
    // one too low lets the slowest family show.
    this.floorMs = slowest * 1.25;
  }
}
