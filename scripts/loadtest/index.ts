/**
 * `npm run loadtest -- <scenario> [options]` (or `npx tsx scripts/loadtest/index.ts …`).
 * Each scenario module exports `run(args)` resolving to true when its assertions held; the
 * process exits non-zero otherwise, so CI or a release checklist can gate on it.
 */
type Scenario = (args: string[]) => Promise<boolean>;

const scenarios: Record<string, () => Promise<Scenario>> = {
  async: async () => (await import('./async')).run,
  baseline: async () => (await import('./baseline')).run,
  workshop: async () => (await import('./workshop')).run,
  mixed: async () => (await import('./mixed')).run,
  stress: async () => (await import('./stress')).run,
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name ? scenarios[name] : undefined;
  if (!load) {
    process.stderr.write(
      `usage: loadtest <scenario> [options]\nscenarios: ${Object.keys(scenarios).join(', ')}\n`,
    );
    process.exit(2);
  }
  const ok = await (await load())(rest);
  process.exit(ok ? 0 : 1);
}

void main();
