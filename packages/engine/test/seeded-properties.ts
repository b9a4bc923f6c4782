/**
 * Vitest setup for every package with property tests: fast-check explores a fixed sequence of
 * cases, so a failure reproduces on every machine and every CI run (it prints the seed and the
 * shrunk case). Set FF_PROPERTY_SEED to explore another sequence, e.g. in a soak run.
 */
import fc from 'fast-check';

const seed = Number(process.env.FF_PROPERTY_SEED ?? 20_261_205);
fc.configureGlobal({ seed: Number.isInteger(seed) ? seed : 20_261_205 });
