/** Every forecast kind a request can ask for; the same names as the engine's `ForecastKind`. */
export const REQUEST_KINDS = [
  'simulate',
  'when',
  'how-many',
  'deadline',
  'cost',
  'risks',
  'dependencies',
  'backtest',
  'accuracy',
  'pbc',
  'history',
] as const;

export type RequestKind = (typeof REQUEST_KINDS)[number];

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}
