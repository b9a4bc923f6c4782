/**
 * One percent style (issue 14): the CLI speaks English only, so every percent it prints is
 * the English "25%", as the web's `fmt.pct` writes it in en, never "25 %" typed by hand.
 * Tables, the engine's warnings they repeat, the API summary and the help all go through it.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_EXAMPLES } from './helpers';
import { ffInProcess } from './run-in-process';

/** A digit, then white space (a plain or no-break space), then a percent sign. */
const SPACED_PERCENT = /\d[\s\u00a0\u202f]%/;

const EXAMPLES: [string, string][] = [...COMMAND_EXAMPLES, ['delivery', 'delivery.json']];

describe('percent style in the CLI', () => {
  it.each(EXAMPLES)('ff %s --format table on examples/%s writes "25%"', async (kind, file) => {
    const r = await ffInProcess([kind, '--input', `examples/${file}`, '--format', 'table'], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/%/);
    expect(r.stdout).not.toMatch(SPACED_PERCENT);
  });

  it('repeats the engine warnings in the same style (a noisy history)', async () => {
    const body = { tpSamples: [1, 10, 1, 10, 1, 10], numberOfTasks: 60, seed: 1 };
    const table = await ffInProcess(['simulate', '--format', 'table'], body);
    expect(table.stdout).toMatch(/warning: The throughput history disagrees with itself/);
    expect(table.stdout).not.toMatch(SPACED_PERCENT);
    const json = await ffInProcess(['simulate'], body);
    expect(json.stdout).toMatch(/error rate \d+(\.\d+)?% > 25%/);
    expect(json.stdout).not.toMatch(SPACED_PERCENT);
  });
});

describe('a share short of every run', () => {
  it('reads "> 99%" at whole percents (not a "100%" that reads as certainty), as on the web', async () => {
    const { percent } = await import('../src/text-layout');
    expect(percent(0.996, 0)).toBe('> 99%');
    expect(percent(0.9996, 1)).toBe('> 99.9%');
    expect(percent(0.994, 0)).toBe('99%');
    // Every run is a true count; a tiny nonzero share is not 0.
    expect(percent(1, 0)).toBe('100%');
    expect(percent(0.002, 0)).toBe('< 1%');
    expect(percent(0, 0)).toBe('0%');
  });
});
