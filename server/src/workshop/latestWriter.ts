/**
 * Runs saves one at a time: a save asked for while another runs is done once
 * after it, with the data of that moment, so saves never overlap and the
 * newest state always lands. A failed save is reported and the next one runs.
 */
export class LatestWriter {
  private running: Promise<void> | null = null;
  private again = false;

  /** `write` takes the data to save at the moment it is called; null means nothing to save. */
  constructor(
    private readonly write: () => Promise<void> | null,
    private readonly what: string,
  ) {}

  /** Saves now, or once more after the save under way. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const write = this.write();
    if (!write) return;
    this.running = write
      .catch((e: unknown) => console.error(`saving ${this.what} failed`, e))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
  }

  /** Resolves when no save is under way or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
