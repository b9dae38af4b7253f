#!/usr/bin/env node
// The `engagement-forecast` command: the main help, dispatch to the commands
// (one file each under commands/), and exit codes.
import { DataError, EngineError, isArgumentError, ModelError, WriteError } from '../errors.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { isClosedPipe, UsageError, type CommandContext, type Io } from './flags.js';

const MAIN_HELP = `engagement-forecast ${VERSION} — forecast Instagram engagement per post 7, 14, 21 and 28 days ahead

Usage: engagement-forecast <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'engagement-forecast <command> --help' (or 'engagement-forecast help <command>')
for a command's options.
  -v, --version         print the version

Results go to stdout or to the files named; notes go to stderr (none with
--quiet), progress bars too when stderr is a terminal. Exit codes: 0 success,
1 bad data, a bad model file, or arguments that do not fit the data, 2 a usage
error (nothing was read), 70 an internal error (a bug: the trace is printed).`;

/**
 * Runs the command line; returns the exit code: 0 success, 1 a data, model or
 * argument problem found while running, 2 a usage error (found before any
 * data is read), 70 a bug (with its stack).
 */
export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [first, ...afterFirst] = argv;
  // `help train` is `train --help`.
  const [command, ...rest] = first === 'help' && afterFirst.length > 0 ? [afterFirst[0]!, '--help'] : argv;
  const context: CommandContext = {
    io,
    quiet: false,
    note: (text: string) => {
      if (!context.quiet) io.stderr.write(`${text}\n`);
    },
  };
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${MAIN_HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const known = COMMANDS.find((c) => c.name === command);
    if (!known) throw new UsageError(`unknown command '${command}' (try --help)`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${known.help}\n`);
      return 0;
    }

    const found = COMMANDS.find((c) => c.name === command)!;
    return await found.run(rest, context);
  } catch (error) {
    if (isClosedPipe(error)) return 0;
    if (error instanceof UsageError) {
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DataError || error instanceof ModelError || error instanceof WriteError || error instanceof EngineError || isArgumentError(error)) {
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`engagement-forecast: internal error (a bug; please report it with this trace):\n${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}

const isMain = process.argv[1] !== undefined && /(?:cli\.js|main\.ts|engagement-forecast)$/.test(process.argv[1]);
if (isMain) {
  // A reader that closes the pipe early (`… | head`) ends the command quietly.
  process.stdout.on('error', (error) => {
    if (isClosedPipe(error)) process.exit(0);
    throw error;
  });
  void run(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exitCode = code; // -1: a service that runs until a signal
  });
}
