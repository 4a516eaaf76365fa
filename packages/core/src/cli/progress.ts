/**
 * A one-line spinner on a terminal for work that takes more than a moment. Silent when stderr is
 * not a terminal (pipes, CI, --json), so machine output stays clean.
 */
export class Progress {
  private timer: ReturnType<typeof setInterval> | null = null;
  private frame = 0;
  private label = '';
  private readonly started = Date.now();

  constructor(private readonly out: { write(text: string): unknown; readonly isTTY?: boolean }) {}

  /** Shows or updates the line. The first frame waits 150 ms so instant work draws nothing. */
  update(label: string): void {
    this.label = label;
    if (!this.out.isTTY || this.timer) return;
    this.timer = setInterval(() => this.draw(), 100);
  }

  /** Clears the line. */
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    const elapsed = Date.now() - this.started;
    if (elapsed < 150) return;
    const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
    this.out.write(`\r\x1b[2K${frames[this.frame++ % frames.length]} ${this.label} ${(elapsed / 1000).toFixed(1)}s`);
  }
}
