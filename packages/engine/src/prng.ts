/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna), seeded through splitmix32.
 *
 * Why this generator: 32-bit state words fit JavaScript's `Math.imul` and bit operators, so a
 * draw costs a few integer instructions and no allocation, and the output is bit-identical in
 * Node, worker threads and browsers. The engine never calls `Math.random`.
 */

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** splitmix32 step: a good avalanche for turning (seed, stream) into generator state. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export interface RandomSource {
  /** Uniform integer in [0, 2³²). */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [0, n) for 0 < n ≤ 2³². */
  nextInt(n: number): number;
}

export class Xoshiro128 implements RandomSource {
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  constructor(seed: number, stream = 0) {
    this.s0 = this.s1 = this.s2 = this.s3 = 0;
    this.reseed(seed, stream);
  }

  /**
   * Puts the generator where `new Xoshiro128(seed, stream)` starts, without allocating: loops
   * that need a fresh stream per run (the portfolio's per-team streams) reuse one object.
   */
  reseed(seed: number, stream = 0): void {
    // Derive four state words from (seed, stream) so each parallel batch gets its own,
    // reproducible sequence no matter how many workers share the batches.
    let x = mix32((seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
    this.s0 = x;
    x = mix32(x + 1);
    this.s1 = x;
    x = mix32(x + 2);
    this.s2 = x;
    x = mix32(x + 3);
    this.s3 = x;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = rotl(n3, 11);
    return r >>> 0;
  }

  nextFloat(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  nextInt(n: number): number {
    // Multiply-shift: unbiased enough for n ≪ 2³² (bias < n / 2³²), and no modulo or loop.
    return Math.floor(this.nextUint32() * TWO_POW_MINUS_32 * n);
  }

  /** Saveable state, e.g. to resume a stream elsewhere. */
  getState(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  setState(state: readonly [number, number, number, number]): void {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  clone(): Xoshiro128 {
    const c = new Xoshiro128(0);
    c.setState(this.getState());
    return c;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A generator for stream `stream` of `seed`. */
export function createRng(seed: number, stream = 0): Xoshiro128 {
  return new Xoshiro128(seed, stream);
}

/** Stable text of a value with object keys sorted (undefined left out), for hashing. */
export function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v)}`).join(',')}}`;
  }
  // String(): a bare undefined hashes as "undefined", as the delivery seeds always have.
  return String(JSON.stringify(value));
}

/** FNV-1a (32 bits) of the canonical text of `input`. */
export function seedOfInput(input: unknown): number {
  const text = canonicalText(input);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The seed of a request: its own, else a hash of the request without it (trust rules: the same
 * inputs give the same numbers on every click, device and layer: API, CLI, web, worker).
 */
export function requestSeed(input: { seed?: number | null; calendar?: unknown }): number {
  if (input.seed !== undefined && input.seed !== null) return input.seed >>> 0;
  return seedOfInput({ ...input, seed: undefined, calendar: seedCalendar(input.calendar) });
}

/**
 * Holiday names are in the reader's language; the seed hashes their dates only, so readers in
 * every language draw the same numbers from the same calendar.
 */
function seedCalendar(calendar: unknown): unknown {
  if (typeof calendar !== 'object' || calendar === null || !('holidays' in calendar)) {
    return calendar;
  }
  const { holidays } = calendar;
  if (!Array.isArray(holidays)) return calendar;
  return {
    ...calendar,
    language: undefined,
    holidays: holidays.map((h: unknown) =>
      typeof h === 'object' && h !== null && 'date' in h ? h.date : h,
    ),
  };
}

/**
 * A fresh seed, for "draw again" only: a request without a seed gets `requestSeed`. The only
 * place the engine touches ambient randomness.
 */
export function randomSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } })
    .crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0];
  return Math.floor(Math.random() * 0x100000000) >>> 0;
}
