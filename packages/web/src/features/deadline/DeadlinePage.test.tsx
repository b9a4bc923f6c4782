/** The deadline page never shows a measured chance as a certain 100 % or 0 %. */
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import DeadlinePage from './DeadlinePage';

async function runWith(backlog: string) {
  renderPage(DeadlinePage, directRunner());
  fireEvent.change(screen.getByLabelText('Items in the backlog'), { target: { value: backlog } });
  await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
  return screen.findByTestId('headline');
}

describe('deadline page: chances at the extremes', () => {
  it('reads "> 99.9%" in the headline, the curve and its table when every run makes it', async () => {
    const headline = await runWith('1');
    expect(headline.textContent).toMatch(/^> 99\.9% chance to finish by/);
    const curve = await screen.findByTestId('deadline-curve');
    const titles = [...curve.querySelectorAll('circle title')].map((t) => t.textContent ?? '');
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => t.endsWith('> 99.9%'))).toBe(true);
    const table = screen.getByTestId('deadline-curve-table');
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent ?? '');
    for (const text of [headline.textContent ?? '', ...titles, ...cells]) {
      expect(text).not.toMatch(/(^|[^.\d])(100|0)(\.0)?\s?%/);
    }
  });

  it('reads "< 0.1%" when no run makes it', async () => {
    const headline = await runWith('100000');
    expect(headline.textContent).toMatch(/^< 0\.1% chance to finish by/);
  });
});
