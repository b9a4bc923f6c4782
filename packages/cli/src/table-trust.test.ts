/** `--format table` tells the same truths as the API result (the spec's trust rules). */
import { describe, expect, it } from 'vitest';
import {
  backtest,
  deadlineAnalysis,
  dependencyAnalysis,
  forecastHowMany,
  forecastPortfolio,
  forecastWhen,
  simulate,
} from '@flow-forecaster/engine';
import { formatTable } from './table';
import { SOME_STOPPED } from '../../engine/test/fixtures';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('table output and the trust rules', () => {
  it('gives every weeks percentile its 95 % interval, and offers more runs when it is wide', () => {
    const input = { tpSamples: T12, backlog: 200, startDate: '2026-01-05', seed: 3 };
    const many = forecastWhen({ ...input, numberOfSimulations: 20_000 });
    const iv = many.percentileIntervals.p85;
    const text = formatTable('when', many);
    expect(text).toContain('95% interval');
    const shown = iv.low === iv.high ? String(iv.low) : `${iv.low}–${iv.high}`;
    expect(text).toMatch(new RegExp(`P85\\s+${many.percentile_stats.p85}\\s+${shown}`));
    expect(text).not.toContain('run more');
    const few = forecastWhen({
      ...input,
      tpSamples: [0, 1, 10, 2, 15, 0, 3],
      numberOfSimulations: 100,
    });
    expect(few.percentileIntervals.p85.high - few.percentileIntervals.p85.low).toBeGreaterThan(1);
    expect(formatTable('when', few)).toContain('P85 could move by more than one week');
    const sim = formatTable('simulate', simulate({ tpSamples: T12, numberOfTasks: 200, seed: 3 }));
    expect(sim).toContain('95% interval');
  });

  it('shows no likelihood row or effort at the cap as a forecast (issue 14)', () => {
    const r = simulate({
      tpSamples: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      numberOfTasks: 500,
      numberOfSimulations: 1000,
      seed: 1,
    });
    expect(r.finishedShare).toBe(0);
    const text = formatTable('simulate', r);
    const rows = text.split('\n').filter((l) => /^\s*\d+\s/.test(l));
    // Every row reads the same cap, so repeated rows fold to one; it must still say "> 520".
    expect(rows.length).toBeGreaterThan(0);
    // Likelihood, weeks, items, effort, lead time: weeks and effort read "> …", never bare 520.
    for (const row of rows) expect(row).toMatch(/^\s*\d+\s+> 520\s+\S+\s+> \S+/);
    // The percentile grid: weeks, its interval (none at a cap) and effort; every percentile is
    // the cap, so one row says so for P10 to P95.
    expect(text).toMatch(/^P10 to P95\s+> 520\s+—\s+> 520\s/m);
    expect(text).not.toMatch(/^P\d\d\s+520\s/m);
  });

  it('gives no share of the time used when P85 is at the cap (issue 14)', () => {
    const r = deadlineAnalysis({
      tpSamples: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      backlog: 500,
      startDate: '2026-01-05',
      deadlineDate: '2026-03-23',
      numberOfSimulations: 1000,
      seed: 1,
    });
    expect(r.beyondMaxWeeks.p85).toBe(true);
    const text = formatTable('deadline', r);
    // A share of the cap ("> 6,500%") would read as a forecast.
    expect(text).toContain('time used at P85: beyond the 520-week limit');
    expect(text).not.toMatch(/time used at P85: [^\n]*%/);
  });

  it('says "more than 10 years" instead of showing the cap as weeks', () => {
    const r = forecastWhen({
      tpSamples: [0, 0, 0, 0, 1],
      throughputModel: 'bootstrap',
      backlog: 1000,
      numberOfSimulations: 1000,
      startDate: '2026-01-05',
      seed: 1,
    });
    const text = formatTable('when', r);
    expect(text).toContain('more than 10 years (none of the 1,000 runs finished)');
    // Every percentile is the cap, so one row says so for all of them.
    expect(text).toMatch(/^P10 to P95\s+> 520\s+—\s+–/m);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('headlines the deadline with the chance to finish by the date, and the curve', () => {
    const r = deadlineAnalysis({
      tpSamples: T12,
      backlog: 50,
      startDate: '2026-01-05',
      deadlineDate: '2026-03-02',
      minContributors: 3,
      maxContributors: 3,
      seed: 3,
    });
    const text = formatTable('deadline', r);
    const first = text.split('\n')[0];
    expect(first).toBe(
      `${(r.probabilityByDeadline * 100).toFixed(1)}% chance to finish 50 items by 2026-03-02 (from 2026-01-05, 8 weeks away).`,
    );
    const atDeadline = r.probabilityByDate.find((p) => p.date === '2026-03-02');
    expect(text).toMatch(
      new RegExp(`2026-03-02\\s+8\\s+${((atDeadline?.probability ?? -1) * 100).toFixed(1)}%`),
    );
    // Raw share of the time used, never capped at 100.
    expect(r.deadlineCompletionPctRaw).toBeGreaterThan(100);
    expect(text).toContain(`time used at P85: ${r.deadlineCompletionPctRaw}%`);
    expect(text).toContain(
      `scope that fits by the deadline (items): ${r.whatItWouldTake.scopeThatFits}`,
    );
    expect(text).toContain(`team that would make the deadline:`);
    expect(text).toMatch(
      new RegExp(`latest start to make the deadline:\\s+${r.whatItWouldTake.latestStart}`),
    );
    expect(text).toContain('person-weeks (team of 3)');
  });

  it('labels effort for one person when no team size was given', () => {
    const r = simulate({ tpSamples: T12, numberOfTasks: 30, seed: 1 });
    const text = formatTable('simulate', r);
    expect(text).toContain('weeks of effort for one person');
    expect(text).not.toContain('person-weeks');
    expect(text).toContain(
      `items of this backlog done within 5 weeks, the whole weeks covering 30 days (85% sure): ${r.items_forecast_30_days.itemsAtConfidence['85']}`,
    );
  });

  it('gives how-many, portfolio and dependency percentiles their 95 % intervals', () => {
    const hm = forecastHowMany({ tpSamples: T12, days: 70, numberOfSimulations: 300, seed: 4 });
    const hmText = formatTable('how-many', hm);
    const iv = hm.itemsIntervals['85'];
    const shown = iv.low === iv.high ? String(iv.low) : `${iv.low}–${iv.high}`;
    expect(hmText).toMatch(new RegExp(`85\\s+${hm.itemsAtConfidence['85']}\\s+${shown}`));
    expect(hmText.includes('The 85% figure could move')).toBe(iv.high - iv.low > 1);

    const pf = forecastPortfolio({
      teams: [{ name: 'A', tpSamples: [0, 2, 3, 5, 9], featureWip: 1 }],
      features: [{ name: 'F1', size: 20, team: 'A' }],
      numberOfSimulations: 200,
      seed: 2,
    });
    const piv = pf.features[0].percentileIntervals.p85;
    const pfText = formatTable('portfolio', pf);
    expect(pfText).toContain('P85 95% (wk)');
    expect(pfText).toContain(`${piv?.low}–${piv?.high}`);

    const dep = dependencyAnalysis({
      dependencies: [{ name: 'API', onTimeProbability: 0.6, expectedDelayDays: 10 }],
      nSimulations: 1000,
      seed: 5,
    });
    const depText = formatTable('dependencies', dep);
    expect(depText).toContain('95% interval (weeks)');
  });

  it('keeps likelihood rows that carry information: no 0 % or 100 % row, no repeats', () => {
    const r = simulate({ tpSamples: T12, numberOfTasks: 30, seed: 1 });
    const text = formatTable('simulate', r);
    const table = text.split('Likelihood table')[1]?.split('\n\n')[0] ?? '';
    const rows = table
      .split('\n')
      .filter((l) => /^\s+\d+\s/.test(l))
      .map((l) => l.trim().split(/\s+/));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(r.resultsTable.length - 2);
    expect(rows.map((cells) => Number(cells[0]))).not.toContain(100);
    expect(rows.map((cells) => Number(cells[0]))).not.toContain(0);
    const rest = rows.map((cells) => cells.slice(1).join(' '));
    rest.forEach((row, i) => expect(row).not.toBe(rest[i - 1]));
    // The backlog never changes (no split rate): one line above the table, not a column.
    expect(table).toContain('items: 30 in every row');
    expect(table).not.toMatch(/likelihood %.*items/);
  });

  it('shows measured extremes as "> 99.9%" and "< 0.1%", never a certain 100 % or 0 %', () => {
    const sure = deadlineAnalysis({
      tpSamples: [10, 10, 10],
      backlog: 10,
      startDate: '2026-01-05',
      deadlineDate: '2026-06-01',
      seed: 1,
    });
    expect(sure.probabilityByDeadline).toBe(1);
    const text = formatTable('deadline', sure);
    expect(text.split('\n')[0]).toMatch(/^> 99\.9% chance/);
    expect(text).not.toMatch(/100(\.0)?%/);
    const pf = forecastPortfolio({
      teams: [{ name: 'A', tpSamples: [4], throughputModel: 'bootstrap' }],
      features: [
        { name: 'F1', size: 4, team: 'A', targetDate: '2026-01-19' },
        { name: 'F2', size: 40, team: 'A', targetDate: '2026-01-19' },
      ],
      startDate: '2026-01-05',
      numberOfSimulations: 200,
      seed: 2,
    });
    const pfText = formatTable('portfolio', pf);
    expect(pfText).toMatch(/F1 .*> 99\.9%/);
    expect(pfText).toMatch(/F2 .*< 0\.1%/);
    expect(pfText).not.toMatch(/\b(100|0)\.0%/);
    // The shared target is folded above the cut-line table.
    expect(pfText).toContain('target: 2026-01-19 in every row');
  });

  it('counts the folds of a backtest once, in the headline and the tables', () => {
    const r = backtest({
      tpSamples: [6, 5, 4, 5, 3, 4, 1, 6, 0, 1, 10, 6, 0, 5, 7, 9, 6, 6, 3, 8, 8, 0, 8, 4, 4, 5],
      backlog: 10,
      method: 'walk-forward',
      minTrainSize: 8,
      confidenceLevels: [50, 85, 95],
      numberOfSimulations: 500,
      seed: 7,
    });
    const text = formatTable('backtest', r);
    const n = r.calibration.folds;
    // The example's counts differ (windows, scored folds, metric folds): only one is shown.
    expect(new Set([r.foldCount, n, r.metrics[0]?.folds]).size).toBeGreaterThan(1);
    const counts = [...text.matchAll(/(\d+) folds|folds: (\d+)/g)].map((m) => Number(m[1] ?? m[2]));
    expect(counts.length).toBeGreaterThan(0);
    expect(new Set(counts)).toEqual(new Set([n]));
    expect(text).not.toMatch(/^confidence %.*folds/m);
    // The errors table scores those same folds: its hit rate at each level is the calibration's.
    const rows = (re: RegExp) => [...text.matchAll(re)].map((m) => [m[1], m[2]]);
    const errors = rows(/^ *(50|85|95)(?: +\S+){4} +(\S+)$/gm);
    const calibration = rows(/^ *(50|85|95) +(\S+) +\S+$/gm);
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(calibration);
  });
});

describe('table output: empty backlog and mean over finished runs (issue 14)', () => {
  it('says "nothing left to do" for an empty backlog, never "within 0 weeks"', () => {
    const when = formatTable('when', forecastWhen({ tpSamples: T12, backlog: 0, seed: 1 }));
    const sim = formatTable('simulate', simulate({ tpSamples: T12, numberOfTasks: 0, seed: 1 }));
    const dl = formatTable(
      'deadline',
      deadlineAnalysis({
        tpSamples: T12,
        backlog: 0,
        startDate: '2026-01-05',
        deadlineDate: '2026-03-02',
        seed: 1,
      }),
    );
    for (const text of [when, sim, dl]) {
      expect(text.split('\n')[0]).toBe(
        'Nothing left to do: the backlog is empty, so there is nothing to forecast.',
      );
      expect(text).not.toMatch(/within 0 weeks|chance to finish 0 items/);
    }
  });

  it('gives the mean over the finished runs, saying how many, not "at least"', () => {
    const r = simulate(SOME_STOPPED);
    expect(r.finishedShare).toBeLessThan(1);
    const text = formatTable('simulate', r);
    const share = `${(r.finishedShare * 100).toFixed(1)}%`;
    expect(text).toMatch(
      new RegExp(`mean weeks \\(over the ${share.replace('.', '\\.')} of runs that finished\\):`),
    );
    expect(text).not.toContain('at least; stopped runs');
  });
});
