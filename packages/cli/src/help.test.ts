import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';
import { commandHelp, globalHelp } from './help';
import { OPTIONS, optionsFor } from './options';

describe('help generated from the option table', () => {
  it('lists every command with its summary', () => {
    const text = globalHelp();
    const lines = text.split('\n');
    for (const c of COMMANDS) {
      const line = lines.find((l) => l.startsWith(`  ${c.name} `));
      expect(line, c.name).toBeDefined();
      expect(line?.trimEnd().endsWith(c.summary)).toBe(true);
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s --help shows exactly its options',
    (_n, c) => {
      const text = commandHelp(c);
      const mine = new Set(optionsFor(c).map((o) => o.flag));
      for (const o of OPTIONS) {
        const shown = new RegExp(`--${o.flag}\\b`).test(text.split('Example:')[0]);
        expect(shown, `--${o.flag}`).toBe(mine.has(o.flag));
      }
      expect(mine.has('seed')).toBe(c.seeded);
      expect(mine.has('runs')).toBe(c.runsField !== undefined);
      expect(mine.has('csv')).toBe(c.name === 'history' || c.name === 'flow');
      expect(text).toContain(c.example);
      for (const alias of c.aliases ?? []) expect(text).toContain(`ff ${alias}`);
    },
  );
});
