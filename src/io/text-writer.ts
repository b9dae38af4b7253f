import { createWriteStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WriteError } from '../errors.js';

const BLOCK = 1 << 20;

/**
 * Buffered text output with backpressure, where every error reaches the
 * caller. Given a path, it writes to a temporary file in the same folder and
 * renames it into place only after a successful close, so a failed write
 * never leaves a partial file under the final name. Given a stream (stdout,
 * say), it writes there and leaves the stream open.
 *
 * All of the library's text writers (CSV, model files, generated data) go
 * through this one.
 */
export class TextWriter {
  private buffer = '';
  private error: Error | null = null;
  private readonly stream: NodeJS.WritableStream;
  private readonly temporary: string | null;
  /** Bytes handed to the stream so far. */
  bytes = 0;

  /**
   * @param target a file path, or a writable stream.
   */
  constructor(private readonly target: string | NodeJS.WritableStream) {
    if (typeof target === 'string' && isRegularOrAbsent(target)) {
      this.temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      this.stream = createWriteStream(this.temporary);
    } else if (typeof target === 'string') {
      // A device or a pipe (/dev/stdout, a FIFO): written in place, nothing to rename.
      this.temporary = null;
      this.stream = createWriteStream(target);
    } else {
      this.temporary = null;
      this.stream = target;
    }
    this.stream.on('error', this.onError);
  }

  private readonly onError = (error: Error): void => {
    this.error ??= error;
  };

  /** Adds text; once a block has built up, flushes and returns the promise to await (undefined otherwise, so a loop of small writes costs no promise each). */
  write(text: string): Promise<void> | undefined {
    this.buffer += text;
    return this.buffer.length >= BLOCK ? this.flush() : undefined;
  }

  /** Hands the buffered text to the stream, waiting for it to drain when it asks to. */
  async flush(): Promise<void> {
    this.check();
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await this.drained();
    this.check();
  }

  /** Flushes and finishes: for a path, closes the file and renames it into place. Rejects on any write error (a `WriteError`), leaving no file behind. */
  async close(): Promise<void> {
    try {
      await this.flush();
      if (typeof this.target === 'string') {
        await new Promise<void>((resolve, reject) => {
          this.stream.once('error', reject);
          (this.stream as NodeJS.WritableStream & { end(cb: (error?: Error | null) => void): void }).end((error?: Error | null) =>
            error ? reject(error) : resolve(),
          );
        });
        this.check();
        if (this.temporary !== null) await rename(this.temporary, this.target);
      }
    } catch (error) {
      await this.abort();
      throw this.wrap(error);
    } finally {
      this.stream.off('error', this.onError);
    }
  }

  /** Gives up: for a path, destroys the stream and removes the temporary file. */
  async abort(): Promise<void> {
    this.buffer = '';
    if (typeof this.target === 'string') (this.stream as NodeJS.WritableStream & { destroy(): void }).destroy();
    if (this.temporary !== null) await rm(this.temporary, { force: true });
  }

  private drained(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }

  private check(): void {
    if (this.error) throw this.wrap(this.error);
  }

  /** An error as a `WriteError` naming the output (a closed pipe stays as it is: the reader left). */
  private wrap(error: unknown): unknown {
    if (error instanceof WriteError || (error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return error;
    return new WriteError(typeof this.target === 'string' ? this.target : '<stream>', error);
  }
}

/** Whether a path is a regular file or does not exist yet (a folder is refused by the rename, with its own error). */
function isRegularOrAbsent(path: string): boolean {
  try {
    const info = statSync(path);
    return info.isFile() || info.isDirectory();
  } catch {
    return true;
  }
}

/** Writes lines through a `TextWriter`, closing it at the end (or aborting it on error). */
export async function writeText(target: string | NodeJS.WritableStream, lines: Iterable<string>): Promise<void> {
  const writer = new TextWriter(target);
  try {
    for (const line of lines) {
      const flushing = writer.write(line);
      if (flushing) await flushing;
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
}
