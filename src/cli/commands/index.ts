// The commands, in the order the main help lists them: one file each; a new command is one more line here.
import { trainCommand } from './train.js';
import { predictCommand } from './predict.js';
import { backtestCommand } from './backtest.js';
import { serveCommand } from './serve.js';
import { weeklyCommand } from './weekly.js';
import { evaluateCommand } from './evaluate.js';
import { modelsCommand } from './models.js';
import { generateCommand } from './generate.js';
import type { Command } from '../flags.js';

export const COMMANDS: readonly Command[] = [
  trainCommand,
  predictCommand,
  backtestCommand,
  serveCommand,
  weeklyCommand,
  evaluateCommand,
  modelsCommand,
  generateCommand,
];
