import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ModelError } from '../errors.js';
import { loadBuiltinModel } from '../model/builtin.js';
import { validateModel, type EngagementModel } from '../model/model-file.js';

/** A model as the service holds it: validated, with where it came from and a content hash. */
export interface LoadedModel {
  model: EngagementModel;
  /** SHA-256 of the file's bytes (of the built-in model's JSON). */
  sha256: string;
  /** The first 16 hex digits of `sha256`: the id responses carry. */
  id: string;
  /** The file path, or `builtin`. */
  source: string;
  loadedAt: string;
}

/** Where the service's model comes from. */
export type ModelSource = { file: string } | { builtin: true };

/**
 * Reads and validates a model completely before anything uses it, so a bad
 * file never replaces a good model.
 * @throws {@link ModelError} naming the file and what is wrong.
 */
export async function loadModelFrom(source: ModelSource, maxBytes = Number.POSITIVE_INFINITY): Promise<LoadedModel> {
  let text: string;
  let model: EngagementModel;
  if ('file' in source) {
    try {
      // Parsing blocks the event loop: a file past the limit is refused before it is read.
      const { size } = await stat(source.file);
      if (size > maxBytes)
        throw new ModelError(`${source.file}: the model file is ${size} bytes, more than the service reads (limits.maxModelBytes = ${maxBytes})`);
      text = await readFile(source.file, 'utf8');
    } catch (error) {
      if (error instanceof ModelError) throw error;
      throw new ModelError(`${source.file}: cannot read the model file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ModelError(`${source.file}: not valid JSON, the file may be truncated or corrupted (${(error as Error).message})`);
    }
    model = validateModel(value, source.file);
  } else {
    model = loadBuiltinModel();
    text = JSON.stringify(model);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { model, sha256, id: sha256.slice(0, 16), source: 'file' in source ? source.file : 'builtin', loadedAt: new Date().toISOString() };
}

/**
 * The one loaded model, swapped atomically: a request reads `current` once
 * and uses that model to the end, so a reload never mixes two models in one
 * answer.
 */
export class ModelSlot {
  constructor(
    public current: LoadedModel,
    readonly source: ModelSource,
    readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  /** Loads the source again; swaps only when the new model is valid. */
  async reload(): Promise<{ ok: true; model: LoadedModel; changed: boolean } | { ok: false; error: string }> {
    try {
      const next = await loadModelFrom(this.source, this.maxBytes);
      const changed = next.sha256 !== this.current.sha256;
      this.current = next;
      return { ok: true, model: next, changed };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
}
