// Messages in users' words: the help of every command and the errors a user
// meets name no internal step of the spec (N1–N8, T1–T5, "step P").
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { PRESETS } from '../../src/schema.js';
import { presetOf } from '../../src/model/presets.js';

const STEP = /\b(steps? [NTP]\d?|[NT]\d(–[NT]?\d)?|\([PNT]\))\b|\(P\)/;

describe('user-facing text', () => {
  it('names no internal step: every command’s help', () => {
    for (const command of COMMANDS) expect(command.help, command.name).not.toMatch(STEP);
  });

  it('names no internal step: the presets’ messages', () => {
    for (const name of PRESETS) {
      const preset = presetOf(name);
      for (const text of [preset.evaluation, preset.noIntervals, preset.metricsCaveat]) if (typeof text === 'string') expect(text, name).not.toMatch(STEP);
    }
  });
});
