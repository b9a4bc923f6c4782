/** Issue 14: a cap (runs stopped at maxWeeks) is never shown as a forecast on the When page. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { blobBytes, captureDownloads } from '../../../test/downloads';
import { showWhenResults as show } from '../../../test/when-results';
import type { SimulateInput } from '@flow-forecaster/engine';
import { SOME_STOPPED } from '../../../../schemas/test/stopped-runs';

const allStopped: SimulateInput = {
  tpSamples: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  numberOfTasks: 500,
  numberOfSimulations: 1000,
  seed: 1,
};

describe('When results with runs stopped at maxWeeks', () => {
  it('shows no figure at the cap when every run stopped', async () => {
    const r = show(allStopped);
    expect(r.finishedShare).toBe(0);
    const results = screen.getByTestId('when-results');
    expect(results.textContent).toMatch(/Effort at 85%: > 520 weeks/);
    // Stopped runs counted at the cap would make the mean "520 ± 0".
    expect(results.textContent).not.toMatch(/520 ± 0/);
    const rows = within(screen.getByTestId('probability-table')).getAllByRole('row').slice(1);
    for (const tr of rows) {
      const cells = within(tr).getAllByRole('cell');
      expect(cells[1].textContent).toBe('> 520');
      expect(cells.at(-1)?.textContent).toMatch(/^> /);
    }
    const chart = await screen.findByTestId('histogram');
    const bar = within(chart).getByTestId('histogram-unfinished');
    expect(bar.querySelector('text')?.textContent).toBe('not finished (> 520)');
    expect(chart.textContent).not.toMatch(/P(50|85|95):/);
  });

  it('exports no row at the cap as a week count or a date in the CSV', async () => {
    const downloads = captureDownloads();
    try {
      show({ ...allStopped, startDate: '2026-01-05' });
      await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
      const bytes = await blobBytes(downloads.blobs[0]);
      const lines = new TextDecoder().decode(bytes.subarray(3)).trim().split('\r\n').slice(1);
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        expect(line).toMatch(/^\d+,> 520,,> /);
      }
    } finally {
      downloads.restore();
    }
  });

  it('draws no line at the cap and leaves stopped runs out of the finished bars', async () => {
    const r = show(SOME_STOPPED);
    expect(r.finishedShare).toBeGreaterThan(0);
    expect(r.beyondMaxWeeks.p95).toBe(true);
    expect(r.beyondMaxWeeks.p50).toBe(false);
    const finished = r.histogram.filter((h) => !h.unfinished).reduce((s, h) => s + h.count, 0);
    expect(finished).toBe(r.numberOfSimulations - r.unfinishedRuns);
    expect(r.histogram.at(-1)).toEqual({ weeks: 520, count: r.unfinishedRuns, unfinished: true });
    const chart = await screen.findByTestId('histogram');
    expect(chart.textContent).toMatch(/P50:/);
    expect(chart.textContent).not.toMatch(/P95:/);
    // The mean is over the finished runs only, and says so.
    expect(screen.getByTestId('when-results').textContent).toMatch(
      /weeks \(SD [\d.,]+\)over the [\d.]+% of runs that finished/,
    );
  });
});

describe('When dates at the cap', () => {
  it('shows "> 10 years" where a date would be, never a bare "10 years" that reads as a result', () => {
    show({ ...allStopped, startDate: '2026-01-05' });
    const dates = screen.getByTestId('completion-dates');
    expect(dates.textContent).toContain('> 10 years');
    expect(dates.textContent?.replace(/> 10 years/g, '')).not.toMatch(/10 years/);
  });
});

describe('When with some runs stopped', () => {
  it('says what share did not finish, not "More than 10 years" under a headline in weeks', () => {
    const r = show(SOME_STOPPED);
    expect(r.finishedShare).toBeGreaterThan(0);
    expect(r.finishedShare).toBeLessThan(1);
    const notice = screen.getByTestId('beyond-notice');
    expect(notice.textContent).toMatch(/^[\d.]+% of the 2,000 runs did not finish within 10 years/);
    expect(notice.textContent).not.toMatch(/^More than/);
  });
});
