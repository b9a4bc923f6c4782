/** Issue 14 leftovers on the When and Deadline pages: an empty backlog, the mean of finished runs. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { showWhenResults as show } from '../../../test/when-results';
import { SOME_STOPPED } from '../../../../schemas/test/stopped-runs';
import DeadlinePage from '../deadline/DeadlinePage';
import { formatterFor } from '../../i18n/format';

const fmt = formatterFor('en');

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('an empty backlog', () => {
  it('headlines "nothing left to do" on the When page, not "within 0 weeks"', () => {
    show({ tpSamples: T12, numberOfTasks: 0, seed: 1, startDate: '2026-01-05' });
    const headline = screen.getByTestId('headline');
    expect(headline.textContent).toBe('Nothing left to do: the backlog is empty.');
    expect(screen.getByTestId('when-results').textContent).not.toMatch(/within 0 weeks/);
  });

  it('leaves out the When charts, tables and history warnings that would all read 0 weeks', async () => {
    show({ tpSamples: [3, 5, 4, 6], numberOfTasks: 0, seed: 1, startDate: '2026-01-05' });
    const results = screen.getByTestId('when-results');
    // Lazy charts would have loaded by now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const id of ['histogram', 'probability-table', 'how-many-30', 'input-stats']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(results.textContent).not.toMatch(/±|0 weeks|Warnings/);
    expect(results.querySelector('.kpis')).toBeNull();
    // Saving and sharing the result stay.
    expect(screen.getByRole('button', { name: 'Download JSON' })).toBeTruthy();
  });

  it('headlines "nothing left to do" on the Deadline page, not a chance', async () => {
    renderPage(DeadlinePage, directRunner());
    const backlog = screen.getByLabelText('Items in the backlog');
    await userEvent.clear(backlog);
    await userEvent.type(backlog, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
    const headline = await screen.findByTestId('headline');
    expect(headline.textContent).toBe('Nothing left to do: the backlog is empty.');
    // No curve from −1 week, no "> 99.9 %" certainty, no 0-week table or warnings.
    const results = screen.getByTestId('deadline-results');
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const id of ['deadline-curve', 'deadline-curve-table', 'deadline-table', 'can-meet']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(results.textContent).not.toMatch(/99\.9|0 weeks|Warnings/);
    expect(results.querySelector('.kpis')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download JSON' })).toBeTruthy();
  });
});

describe('mean ± SD', () => {
  it('is shown over the finished runs, saying their share, when some runs stopped', () => {
    const r = show(SOME_STOPPED);
    expect(r.finishedShare).toBeLessThan(1);
    const label = screen.getAllByText('Mean').find((el) => el.className === 'kpi__label');
    const card = label?.parentElement;
    // The unit and the SD named, as the CLI's "mean weeks" and "sd weeks" (not "10.4 ± 1").
    expect(card?.querySelector('.kpi__value')?.textContent).toBe(
      `${fmt.number(r.meanWeeks!)} weeks (SD ${fmt.number(r.sdWeeks!)})`,
    );
    const share = new Intl.NumberFormat('en', {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(r.finishedShare);
    expect(card?.querySelector('.kpi__note')?.textContent).toBe(
      `over the ${share} of runs that finished`,
    );
  });
});
