import type { ProgressCallback, ProgressEvent } from '../schema.js';

/** Human-readable bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`;
  return `${bytes} B`;
}

function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)}K`;
  return String(n);
}

/**
 * A progress bar on a terminal stream, redrawn at most 10 times a second; a
 * no-op when the stream is not a terminal (pipes, files, CI) or when quiet.
 */
export class ProgressBar {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    quiet: boolean,
  ) {
    this.enabled = !quiet && stream.isTTY === true;
  }

  /** The callback to hand to `onProgress`. */
  get callback(): ProgressCallback | undefined {
    return this.enabled ? (event) => this.update(event) : undefined;
  }

  update(event: ProgressEvent): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const seconds = ((now - this.started) / 1000).toFixed(0);
    let line: string;
    if (event.totalBytes && event.bytes !== undefined) {
      const share = Math.min(1, event.bytes / event.totalBytes);
      const width = 20;
      const filled = Math.round(share * width);
      line = `${event.stage} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${formatBytes(event.bytes)} / ${formatBytes(event.totalBytes)}`;
    } else {
      line = event.stage;
    }
    if (event.rows !== undefined) line += `  ${formatCount(event.rows)} rows`;
    line += `  ${seconds} s`;
    const columns = this.stream.columns ?? 100;
    this.stream.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, 80))}`);
    this.shown = true;
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.shown) this.stream.write(`\r${' '.repeat(Math.min((this.stream.columns ?? 100) - 1, 80))}\r`);
    this.shown = false;
  }
}
