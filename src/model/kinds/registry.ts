import { ArgumentTypeError } from '../../errors.js';
import type { CorrectedHead, ModelKind, ModelKindDefinition } from './kind.js';
import { linearKind } from './linear.js';
import { logLinearKind } from './log-linear.js';
import { mlpKind } from './mlp.js';
import { naiveKind } from './naive.js';
import { ridgeKind } from './ridge.js';
import { windowAverageKind } from './window-average.js';

/*
 * The registry of model kinds: one line per built-in kind. Training, model
 * files, prediction and backtests look a kind up here by name.
 */

const kinds = new Map<string, ModelKindDefinition>();
for (const kind of [linearKind, logLinearKind, ridgeKind, mlpKind, naiveKind, windowAverageKind]) kinds.set(kind.name, kind as unknown as ModelKindDefinition);

/** The names of the registered kinds, built-in ones first, in registration order. */
export function modelKindNames(): ModelKind[] {
  return [...kinds.keys()];
}

/** The kind of this name, or undefined when none is registered. */
export function findModelKind(name: unknown): ModelKindDefinition | undefined {
  return typeof name === 'string' ? kinds.get(name) : undefined;
}

/** The kind of a name known to be registered (a checked spec's or model's). */
export function modelKind(name: ModelKind): ModelKindDefinition {
  const kind = kinds.get(name);
  if (!kind) throw new ArgumentTypeError(`no model kind '${name}' is registered (${modelKindNames().join(', ')})`);
  return kind;
}

/**
 * Adds a model kind: `trainModels`, `backtest`, model files and `predict`
 * take it by name from then on (docs/models.md, "adding a kind"). A model
 * file of that kind loads only in a process that registered it.
 * @throws `TypeError` when the name is taken or the object lacks a method.
 * @example
 * registerModelKind({ name: 'zero', design: () => ({ features: ['last_engagement_per_post'], standardized: false }),
 *   fit: () => ({}), apply: () => 0, checkHead: () => {} });
 */
export function registerModelKind<H extends object>(kind: ModelKindDefinition<H>): void {
  if (kind === null || typeof kind !== 'object' || typeof kind.name !== 'string' || kind.name === '')
    throw new ArgumentTypeError('registerModelKind: a kind needs a name');
  if (kinds.has(kind.name)) throw new ArgumentTypeError(`registerModelKind: the kind '${kind.name}' is already registered`);
  for (const method of ['design', 'fit', 'apply', 'checkHead'] as const) {
    if (typeof kind[method] !== 'function') throw new ArgumentTypeError(`registerModelKind: the kind '${kind.name}' has no ${method}()`);
  }
  kinds.set(kind.name, kind as unknown as ModelKindDefinition<CorrectedHead>);
}
