/**
 * A small forecast kind that exists only for tests: it proves that one `defineForecastKind`
 * row and one registry line put a kind in the API, the async queue, the CLI and the docs.
 * Pool threads load this module by URL, so it exports the registry as `registry`.
 */
import { z } from 'zod';
import { createRng } from '@flow-forecaster/engine';
import { FORECAST_KIND_ROWS, createForecastRegistry, defineForecastKind } from '../src/registry';

export interface CoinFlipsInput {
  flips: number;
  seed?: number;
}

export interface CoinFlipsResult {
  flips: number;
  heads: number;
  seed: number;
}

/** The "engine function": heads in `flips` fair tosses, reproducible from the seed. */
export function coinFlips(input: CoinFlipsInput): CoinFlipsResult {
  const seed = input.seed ?? 1;
  const rng = createRng(seed);
  let heads = 0;
  for (let i = 0; i < input.flips; i++) heads += rng.nextUint32() & 1;
  return { flips: input.flips, heads, seed };
}

export const coinFlipsKind = defineForecastKind({
  kind: 'coin-flips',
  title: 'Coin flips',
  description: 'heads in N tosses of a fair coin',
  schema: z.object({
    flips: z.number().int().min(1).max(1_000_000),
    seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  }),
  run: (input) => coinFlips(input),
  paths: ['/api/coin-flips', '/api/toss'],
  cli: ['coin-flips', 'toss'],
  cliExample: 'ff coin-flips --input flips.json',
  seeded: true,
  queueable: true,
  workBound: (input) => input.flips,
  summarise: (_input, result) => ({
    headline: `${result.heads} heads in ${result.flips} tosses`,
    p50Weeks: null,
    p85Weeks: null,
    p95Weeks: null,
    canMeetDeadline: null,
    seed: result.seed,
  }),
  example: { flips: 100, seed: 3 },
});

export const registry = createForecastRegistry([...FORECAST_KIND_ROWS, coinFlipsKind]);
