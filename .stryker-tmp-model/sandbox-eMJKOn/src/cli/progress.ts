// @ts-nocheck
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

/** A stream the bar writes to: a terminal when `isTTY`, with `columns` when it knows its width. */
export type TerminalLike = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

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
    private readonly stream: TerminalLike,
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
    const width = this.width();
    this.stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    this.shown = true;
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.shown) this.stream.write(`\r${' '.repeat(this.width())}\r`);
    this.shown = false;
  }

  /** The line's width: the terminal's less one, at most 80; 80 when the terminal reports no width (or 0 columns). */
  private width(): number {
    const columns = this.stream.columns;
    return columns !== undefined && columns > 1 ? Math.min(columns - 1, 80) : 80;
  }
}
