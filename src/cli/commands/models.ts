// `engagement-forecast models`.
import { loadBuiltinModel } from '../../model/builtin.js';
import { loadModel } from '../../model/model-file.js';
import { modelSummary } from '../tables.js';
import { COMMON, parse, toJson, UsageError, type Command } from '../flags.js';

export const modelsCommand: Command = {
  name: 'models',
  summary: 'inspect a model file',
  help: `Usage: engagement-forecast models inspect model.json | --builtin

Shows what a model file holds: preset, training range and rows, metrics and
coefficients.
${COMMON}`,
  async run(rest, context) {
    const command = 'models';
    const { io } = context;
    const { values, positionals } = parse(command, rest, { builtin: { type: 'boolean' } });
    context.quiet = values.quiet === true;
    const [sub, file] = positionals;
    if (sub !== 'inspect') throw new UsageError(`models: unknown subcommand ${sub ? `'${sub}'` : '(none)'}; use 'models inspect model.json'`);
    if (!file && !values.builtin) throw new UsageError('models inspect: name a model file, or --builtin');
    if (file && values.builtin) throw new UsageError('models inspect: name a model file or --builtin, not both');
    const model = file ? await loadModel(file) : loadBuiltinModel();
    io.stdout.write(values.json ? `${toJson(model, 1)}\n` : `${modelSummary(model, file ?? 'built-in model')}\n`);
    return 0;
  },
};
