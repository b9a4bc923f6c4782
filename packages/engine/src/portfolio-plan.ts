/**
 * A validated portfolio, flattened into typed arrays for the run loop: features in priority
 * order, their parts (one per team working on the feature), and the teams' samplers.
 */
import type { DiscreteTable } from './discrete-sampler';
import {
  compileCalendar,
  epochDay,
  thinnedLevelTables,
  weekWorkingDays,
  type CalendarInput,
  type CompiledCalendar,
} from './calendar';
import { EngineInputError } from './errors';
import { mix32, requestSeed } from './prng';
import { parseDate, daysBetween } from './dates';
import { planSimulation, DEFAULT_MAX_WEEKS, DEFAULT_SIMULATIONS } from './simulation-plan';
import type { EngineWarning } from './warnings';
import { resolveDependencies } from './portfolio-graph';
import type { PortfolioFeatureInput, PortfolioInput, PortfolioTeamInput } from './portfolio-input';

export const PORTFOLIO_MAX_FEATURES = 200;
export const PORTFOLIO_MAX_TEAMS = 20;
export const PORTFOLIO_MAX_PARTS = 20;
export const PORTFOLIO_MAX_PART_SIZE = 100_000;
export const PORTFOLIO_MAX_SIMULATIONS = 100_000;
export const PORTFOLIO_MAX_WEEKS = 1040;
export const PORTFOLIO_MAX_WIP = 50;

export interface PortfolioTeamPlan {
  name: string;
  wip: number;
  table: DiscreteTable;
  /** S-curve segments (start percent, week factor), as in the single forecast. */
  segStart: Int32Array;
  segFactor: Float64Array;
  /** Seed of this team's streams; derived from its name, so listing order changes nothing. */
  streamSeed: number;
  /** Its parts (global part indexes) in priority order. */
  parts: Int32Array;
  /**
   * On a calendar: its weekly throughput thinned to k working days (index k < perWeek), one
   * draw per short week as per full week; null without a calendar or when too large (then
   * short weeks thin item by item).
   */
  thinned: DiscreteTable[] | null;
}

/** The calendar laid over maxWeeks weeks from the start, read by the runs and the dates. */
export interface PortfolioCalendar {
  input: CalendarInput;
  compiled: CompiledCalendar;
  /** Working days of week w + 1 (index w); perWeek in a usual week. */
  weekDays: Uint8Array;
  perWeek: number;
}

export interface PortfolioFeaturePlan {
  name: string;
  /** Own target, else the portfolio's; null when neither. */
  targetDate: string | null;
  ownTarget: boolean;
  /** Weeks from the start to the target (fractional), or null. */
  targetWeeks: number | null;
  costOfDelayPerWeek: number;
  streamSeed: number;
  splitRates: Float64Array;
  riskP: Float64Array;
  riskLow: Float64Array;
  riskMode: Float64Array;
  riskHigh: Float64Array;
}

export interface PortfolioPlan {
  seed: number;
  runs: number;
  maxWeeks: number;
  startDate: string | null;
  targetDate: string | null;
  confidence: number;
  suggestOrder: boolean;
  currency: string;
  features: PortfolioFeaturePlan[];
  teams: PortfolioTeamPlan[];
  /** Per part: its feature, team, and size range (before split rates and risks). */
  partFeature: Int32Array;
  partTeam: Int32Array;
  partLow: Int32Array;
  partHigh: Int32Array;
  /** Feature f's parts are [featurePartStart[f], featurePartStart[f + 1]). */
  featurePartStart: Int32Array;
  /** Feature f's dependencies are depList[depStart[f] .. depStart[f + 1]). */
  depStart: Int32Array;
  depList: Int32Array;
  deps: number[][];
  warnings: EngineWarning[];
  calendar: PortfolioCalendar | null;
}

/** FNV-1a over UTF-16 code units: a name's stream id, the same wherever it is listed. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Salts keep a team and a feature of the same name on different streams. */
const TEAM_SALT = 0x7e4d2a11;
const FEATURE_SALT = 0x2c9b61f3;

function fail(message: string, field: string): never {
  throw new EngineInputError(message, field);
}

function intIn(v: unknown, field: string, min: number, max: number, fallback?: number): number {
  if (v === undefined || v === null) {
    if (fallback === undefined) fail(`${field} is required`, field);
    return fallback;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(`${field} must be a whole number from ${min} to ${max}`, field);
  }
  return v;
}

/** Size or sizeLow–sizeHigh of a feature or part, as an integer range. */
function sizeRange(
  src: { size?: number; sizeLow?: number; sizeHigh?: number },
  field: string,
): [number, number] {
  if (src.sizeLow !== undefined || src.sizeHigh !== undefined) {
    const low = intIn(src.sizeLow, `${field}.sizeLow`, 1, PORTFOLIO_MAX_PART_SIZE);
    const high = intIn(src.sizeHigh, `${field}.sizeHigh`, 1, PORTFOLIO_MAX_PART_SIZE);
    if (low > high) fail(`${field}.sizeLow must not exceed sizeHigh`, `${field}.sizeLow`);
    return [low, high];
  }
  const size = intIn(src.size, `${field}.size`, 1, PORTFOLIO_MAX_PART_SIZE);
  return [size, size];
}

function planTeam(
  team: PortfolioTeamInput,
  t: number,
  seed: number,
): { plan: PortfolioTeamPlan; warnings: EngineWarning[] } {
  const field = `teams.${t}`;
  if (typeof team.name !== 'string' || team.name.trim() === '') {
    fail(`${field}.name must be a non-empty name`, `${field}.name`);
  }
  const wip = intIn(team.featureWip, `${field}.featureWip`, 1, PORTFOLIO_MAX_WIP, 1);
  let single;
  try {
    single = planSimulation({
      tpSamples: team.tpSamples,
      throughputModel: team.throughputModel,
      pBest: team.pBest,
      pLikely: team.pLikely,
      pWorst: team.pWorst,
      totalContributors: team.totalContributors,
      minContributors: team.minContributors,
      maxContributors: team.maxContributors,
      sCurveSize: team.sCurveSize,
      teamFocus: team.teamFocus,
      historicalTeamSize: team.historicalTeamSize,
      numberOfTasks: 0,
      numberOfSimulations: 1,
      seed: 0,
    });
  } catch (e) {
    if (e instanceof EngineInputError) {
      throw new EngineInputError(e.message, e.field ? `${field}.${e.field}` : field);
    }
    throw e;
  }
  const plan: PortfolioTeamPlan = {
    name: team.name,
    wip,
    table: single.throughput,
    segStart: single.segments.start,
    segFactor: single.segments.factor,
    streamSeed: mix32(seed ^ nameHash(team.name) ^ TEAM_SALT),
    parts: new Int32Array(0),
    thinned: null,
  };
  return { plan, warnings: single.warnings };
}

function planFeatureRisks(
  f: PortfolioFeatureInput,
  field: string,
): Pick<PortfolioFeaturePlan, 'riskP' | 'riskLow' | 'riskMode' | 'riskHigh' | 'splitRates'> {
  const risks = f.risks ?? [];
  if (risks.length > 100) fail('at most 100 risks per feature', `${field}.risks`);
  const splits = f.splitRateSamples ?? [];
  if (splits.length > 10_000) fail('at most 10,000 split rates', `${field}.splitRateSamples`);
  splits.forEach((s, i) => {
    if (typeof s !== 'number' || !(s >= 0.2 && s <= 10)) {
      fail('split rates must be between 0.2 and 10', `${field}.splitRateSamples.${i}`);
    }
  });
  const out = {
    splitRates: Float64Array.from(splits),
    riskP: new Float64Array(risks.length),
    riskLow: new Float64Array(risks.length),
    riskMode: new Float64Array(risks.length),
    riskHigh: new Float64Array(risks.length),
  };
  risks.forEach((r, i) => {
    const rf = `${field}.risks.${i}`;
    const nums = [r.likelihood, r.lowImpact, r.highImpact, r.mediumImpact ?? 0];
    if (nums.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      fail('a risk needs finite, non-negative likelihood and impacts', rf);
    }
    const p = r.likelihood >= 1 ? r.likelihood / 100 : r.likelihood;
    if (p > 1) fail('likelihood must be at most 100%', `${rf}.likelihood`);
    const low = Math.min(r.lowImpact, r.highImpact);
    const high = Math.max(r.lowImpact, r.highImpact);
    if (high > PORTFOLIO_MAX_PART_SIZE) fail('impact must be at most 100,000', `${rf}.highImpact`);
    out.riskP[i] = p;
    out.riskLow[i] = low;
    out.riskHigh[i] = high;
    out.riskMode[i] = Math.min(high, Math.max(low, r.mediumImpact ?? (low + high) / 2));
  });
  return out;
}

function dateField(v: string | undefined, field: string): string | null {
  if (v === undefined || v === null) return null;
  const d = typeof v === 'string' ? parseDate(v) : null;
  if (d === null) fail(`${field} is not a date`, field);
  return d;
}

function checkPortfolioSize(input: PortfolioInput): void {
  if (!Array.isArray(input.teams) || input.teams.length === 0) {
    fail('a portfolio needs at least one team', 'teams');
  }
  if (input.teams.length > PORTFOLIO_MAX_TEAMS) {
    fail(`at most ${PORTFOLIO_MAX_TEAMS} teams`, 'teams');
  }
  if (!Array.isArray(input.features) || input.features.length === 0) {
    fail('a portfolio needs at least one feature', 'features');
  }
  if (input.features.length > PORTFOLIO_MAX_FEATURES) {
    fail(`at most ${PORTFOLIO_MAX_FEATURES} features`, 'features');
  }
}

/** Each part of a feature as parallel arrays, in feature order. */
export interface FlatParts {
  partFeature: number[];
  partTeam: number[];
  partLow: number[];
  partHigh: number[];
}

/**
 * The plan's typed arrays from the flat parts, feature starts and dependency lists (the
 * dependency lists also packed as depStart/depList), and each team's part indexes. Shared by
 * planPortfolio and the reordered plans of the CD3 suggestion (portfolio-cd3.ts).
 */
export function packParts<T extends { parts: Int32Array }>(
  flat: FlatParts,
  featurePartStart: readonly number[],
  deps: number[][],
  teams: readonly T[],
) {
  const depStart = [0];
  const depList: number[] = [];
  for (const d of deps) {
    depList.push(...d);
    depStart.push(depList.length);
  }
  return {
    teams: teams.map((team, t) => ({
      ...team,
      parts: Int32Array.from(flat.partTeam.flatMap((pt, p) => (pt === t ? [p] : []))),
    })),
    partFeature: Int32Array.from(flat.partFeature),
    partTeam: Int32Array.from(flat.partTeam),
    partLow: Int32Array.from(flat.partLow),
    partHigh: Int32Array.from(flat.partHigh),
    featurePartStart: Int32Array.from(featurePartStart),
    depStart: Int32Array.from(depStart),
    depList: Int32Array.from(depList),
    deps,
  };
}

/** Validates feature i's parts (or its single team) and appends them to `flat`. */
function flattenParts(
  f: PortfolioInput['features'][number],
  i: number,
  teamIndex: Map<string, number>,
  flat: FlatParts,
): void {
  const field = `features.${i}`;
  const parts =
    f.parts ??
    (f.team === undefined
      ? fail(`feature "${f.name}" needs a team or parts`, `${field}.team`)
      : [{ team: f.team, size: f.size, sizeLow: f.sizeLow, sizeHigh: f.sizeHigh }]);
  const partsField = f.parts ? `${field}.parts` : field;
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > PORTFOLIO_MAX_PARTS) {
    fail(`a feature has 1 to ${PORTFOLIO_MAX_PARTS} parts`, `${field}.parts`);
  }
  const seen = new Set<number>();
  parts.forEach((p, j) => {
    const pf = f.parts ? `${partsField}.${j}` : field;
    const t = teamIndex.get(p.team);
    if (t === undefined) fail(`"${p.team}" is not one of the portfolio's teams`, `${pf}.team`);
    if (seen.has(t)) fail(`team "${p.team}" has two parts of this feature`, `${pf}.team`);
    seen.add(t);
    const [low, high] = sizeRange(p, pf);
    flat.partFeature.push(i);
    flat.partTeam.push(t);
    flat.partLow.push(low);
    flat.partHigh.push(high);
  });
}

/** Validates a portfolio request (fields named as `features.3.parts.1.team`) and flattens it. */
export function planPortfolio(input: PortfolioInput): PortfolioPlan {
  const seed = requestSeed(input);
  checkPortfolioSize(input);
  const runs = intIn(
    input.numberOfSimulations,
    'numberOfSimulations',
    1,
    PORTFOLIO_MAX_SIMULATIONS,
    DEFAULT_SIMULATIONS,
  );
  const maxWeeks = intIn(input.maxWeeks, 'maxWeeks', 1, PORTFOLIO_MAX_WEEKS, DEFAULT_MAX_WEEKS);
  const confidence = input.confidence ?? 0.85;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence <= 1)) {
    fail('confidence must be in (0, 1]', 'confidence');
  }
  const startDate = dateField(input.startDate, 'startDate');
  const targetDate = dateField(input.targetDate, 'targetDate');

  const warnings: EngineWarning[] = [];
  const teamIndex = new Map<string, number>();
  const teams = input.teams.map((team, t) => {
    const { plan, warnings: teamWarnings } = planTeam(team, t, seed);
    if (teamIndex.has(plan.name)) fail(`two teams are named "${plan.name}"`, `teams.${t}.name`);
    teamIndex.set(plan.name, t);
    warnings.push(...teamWarnings);
    return plan;
  });

  const names = new Set<string>();
  const flat: FlatParts = { partFeature: [], partTeam: [], partLow: [], partHigh: [] };
  const { partFeature } = flat;
  const featurePartStart = [0];
  const features = input.features.map((f, i): PortfolioFeaturePlan => {
    const field = `features.${i}`;
    if (typeof f.name !== 'string' || f.name.trim() === '') {
      fail('a feature needs a name', `${field}.name`);
    }
    if (names.has(f.name)) fail(`two features are named "${f.name}"`, `${field}.name`);
    names.add(f.name);
    flattenParts(f, i, teamIndex, flat);
    featurePartStart.push(partFeature.length);
    if (
      f.costOfDelayPerWeek !== undefined &&
      f.costOfDelayPerWeek !== null &&
      !(Number.isFinite(f.costOfDelayPerWeek) && f.costOfDelayPerWeek >= 0)
    ) {
      fail('costOfDelayPerWeek must be ≥ 0', `${field}.costOfDelayPerWeek`);
    }
    const own = dateField(f.targetDate, `${field}.targetDate`);
    const target = own ?? targetDate;
    if (target !== null && startDate === null) {
      fail('a target date needs the portfolio startDate', 'startDate');
    }
    return {
      name: f.name,
      targetDate: target,
      ownTarget: own !== null,
      targetWeeks:
        target !== null && startDate !== null ? daysBetween(startDate, target) / 7 : null,
      costOfDelayPerWeek: f.costOfDelayPerWeek ?? 0,
      streamSeed: mix32(seed ^ nameHash(f.name) ^ FEATURE_SALT),
      ...planFeatureRisks(f, field),
    };
  });

  const deps = resolveDependencies(
    features.map((f) => f.name),
    input.features.map((f) => f.dependsOn),
  );
  const packed = packParts(flat, featurePartStart, deps, teams);
  const calendar = planCalendar(input.calendar, startDate, maxWeeks);
  if (calendar !== null) {
    for (const team of packed.teams) {
      team.thinned = thinnedLevelTables(team.table, calendar.perWeek);
    }
    // A week's date is its last working day, so a target is met by every week whose last
    // working day is on or before it (a Friday target counts the week that ends that Friday).
    for (const f of features) {
      if (f.targetDate !== null) f.targetWeeks = weeksByDate(calendar, f.targetDate);
    }
  }

  return {
    seed,
    runs,
    maxWeeks,
    startDate,
    targetDate,
    confidence,
    suggestOrder: input.suggestOrder !== false,
    currency: input.currency ?? 'USD',
    features,
    ...packed,
    warnings,
    calendar,
  };
}

/** The number of whole weeks whose last working day is on or before `iso`. */
function weeksByDate(cal: PortfolioCalendar, iso: string): number {
  const last = epochDay(iso) - cal.compiled.start;
  let weeks = 0;
  for (let w = 0; w < cal.weekDays.length && w * 7 <= last; w++) {
    let lastWorking = w * 7 + 6;
    while (lastWorking > w * 7 && cal.compiled.working[lastWorking] === 0) lastWorking--;
    if (lastWorking <= last) weeks = w + 1;
  }
  return weeks;
}

function planCalendar(
  input: CalendarInput | undefined,
  startDate: string | null,
  maxWeeks: number,
): PortfolioCalendar | null {
  if (input === undefined || input === null) return null;
  if (startDate === null) fail('a calendar needs the portfolio startDate', 'startDate');
  const compiled = compileCalendar(input, startDate, maxWeeks * 7);
  return {
    input,
    compiled,
    weekDays: weekWorkingDays(compiled, maxWeeks),
    perWeek: compiled.perWeek,
  };
}
