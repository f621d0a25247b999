/** Progress on stderr for long runs: one line per stage, redrawn in place on a terminal. */
export class Progress {
  private started = Date.now();
  private lastDraw = 0;
  private tty = !!process.stderr.isTTY;
  constructor(
    private readonly err: (s: string) => void,
    private readonly quiet: boolean,
  ) {}

  stage(name: string): void {
    if (this.quiet) return;
    if (this.tty) process.stderr.write(`\r\u001b[K${name}...`);
  }

  step(label: string, i: number, n: number): void {
    if (this.quiet || !this.tty) return;
    const now = Date.now();
    if (now - this.lastDraw < 80 && i < n) return;
    this.lastDraw = now;
    const width = 20;
    const filled = Math.round((i / n) * width);
    process.stderr.write(`\r\u001b[K[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${i}/${n} ${label}`);
  }

  done(): void {
    if (this.quiet) return;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    if (this.tty) process.stderr.write(`\r\u001b[K`);
    if (Date.now() - this.started > 2000) this.err(`Done in ${secs} s.`);
  }
}
