// `engagement-forecast generate`.
import { generateDaily } from '../../generate.js';
import { formatBytes, ProgressBar } from '../progress.js';
import { COMMON, dateFlag, parse, required, toJson, UsageError, type Command } from '../flags.js';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write realistic synthetic daily CSVs',
  help: `Usage: engagement-forecast generate --profiles N --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--seed S] [--dynamics]

Writes realistic synthetic daily CSVs in the real layout, one file a month
(see docs/data-model.md). The same seed gives byte-identical files.

  --profiles N          number of profiles (~182 rows each over two years)
  --from, --to          the first and last day
  --seed S              seed (default 1)
  --dynamics            engagement rates that drift and change regime, viral
                        posts, changing posting habits (default: stationary)
  --out DIR             the folder to write into
${COMMON}`,
  async run(rest, context) {
    const command = 'generate';
    const { io } = context;
    const { values } = parse(command, rest, {
      profiles: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      dynamics: { type: 'boolean' },
    });
    context.quiet = values.quiet === true;
    const profiles = Number(required(values, 'profiles', command));
    if (!Number.isInteger(profiles) || profiles < 1) throw new UsageError('generate: --profiles must be a positive integer');
    const seed = Number(values.seed ?? 1);
    if (!Number.isInteger(seed)) throw new UsageError('generate: --seed must be an integer');
    const from = dateFlag(values, 'from', command);
    const to = dateFlag(values, 'to', command);
    if (!from || !to) throw new UsageError('generate: --from and --to are required');
    const out = required(values, 'out', command);
    const bar = new ProgressBar(io.stderr, context.quiet);
    const result = await generateDaily({ profiles, from, to, seed, dynamics: values.dynamics === true, onProgress: bar.callback }, out);
    bar.done();
    if (values.json) io.stdout.write(`${toJson(result)}\n`);
    else io.stdout.write(`wrote ${result.rows} rows of ${profiles} profiles in ${result.files.length} files (${formatBytes(result.bytes)}) under ${out}\n`);
    return 0;
  },
};
