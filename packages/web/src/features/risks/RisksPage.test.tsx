import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import RisksPage from './RisksPage';

describe('RisksPage', () => {
  it('ranks the spec reference risks with the real engine', async () => {
    const runner = directRunner();
    renderPage(RisksPage, runner);
    await userEvent.click(screen.getByRole('button', { name: 'Rank risks' }));
    const table = await screen.findByTestId('risk-table');
    const rows = within(table).getAllByRole('row').slice(1);
    // Reference risk-summary-3: A (30 %) HIGH first, then C (20 %) MEDIUM, then B (15 %) LOW.
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual([
      'API redesign',
      'Vendor migration',
      'New compliance rule',
    ]);
    expect(rows.map((r) => within(r).getAllByRole('cell')[5].textContent)).toEqual([
      'High',
      'Medium',
      'Low',
    ]);
    expect(runner.calls).toHaveLength(1);
    // Expected impact is explained, with its unit, where it is shown.
    const expected = screen.getAllByText('Expected impact', { selector: '.kpi__label' })[0];
    expect(expected.parentElement?.querySelector('.kpi__help')?.textContent).toMatch(
      /likelihood × its mean impact.*in work items/,
    );
  });

  it('shows a translated error in the cell and runs nothing', async () => {
    const runner = directRunner();
    renderPage(RisksPage, runner);
    const likelihood = screen.getByLabelText('Chance (%) (1)');
    await userEvent.clear(likelihood);
    await userEvent.type(likelihood, 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Rank risks' }));
    const error = await screen.findByText('“abc” is not a number.');
    expect(likelihood.getAttribute('aria-describedby')).toBe(error.id);
    expect(likelihood.getAttribute('aria-invalid')).toBe('true');
    expect(runner.calls).toHaveLength(0);
  });
});
