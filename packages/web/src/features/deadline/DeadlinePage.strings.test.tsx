/** The Deadline page's sentences and headers as a stakeholder's slide would quote them. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeadlineResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import i18next from 'i18next';
import { changeLanguage } from '../../i18n';
import DeadlinePage from './DeadlinePage';

async function fill(label: string | RegExp, value: string) {
  const el = screen.getByLabelText(label);
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
}

async function forecast(throughput: string, backlog: string, deadline = '2027-01-25') {
  const runner = directRunner();
  renderPage(DeadlinePage, runner);
  await fill('Items finished per week', throughput);
  await fill('Items in the backlog', backlog);
  await fill('Start date', '2027-01-04');
  await fill('Deadline', deadline);
  await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
  const results = await screen.findByTestId('deadline-results');
  return { results, r: runner.calls[0].result as DeadlineResult };
}

describe('deadline page wording', () => {
  it('says "1 week" of the weeks available for a P85 of one week', async () => {
    const { r } = await forecast('10', '5');
    expect(r.p85Weeks).toBe(1);
    expect(screen.getByTestId('can-meet').textContent).toMatch(/P85 is 1 week of the 3 available/);
  });

  it('says "2 weeks" for a P85 of two, and capitalises every header of the curve table', async () => {
    const { results, r } = await forecast('10', '15');
    expect(r.p85Weeks).toBe(2);
    expect(screen.getByTestId('can-meet').textContent).toMatch(/P85 is 2 weeks of the 3 available/);
    const table = within(results).getByTestId('deadline-curve-table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent ?? '');
    expect(headers.length).toBeGreaterThan(2);
    for (const h of headers) expect(h[0], h).toBe(h[0].toUpperCase());
  });

  describe('the weeks available take their own singular', () => {
    afterEach(() => changeLanguage('en'));
    it.each([
      ['pt-BR', 'o P85 é 1 semana da 1 disponível', 'o P85 é 1 semana das 3 disponíveis'],
      ['es', 'el P85 es 1 semana de la 1 disponible', 'el P85 es 1 semana de las 3 disponibles'],
    ] as const)('%s: one week left, then three', async (lng, one, three) => {
      const { r } = await forecast('10', '5', '2027-01-11');
      expect(r.p85Weeks).toBe(1);
      expect(r.weeksToDeadline).toBe(1);
      await act(() => changeLanguage(lng));
      expect(screen.getByTestId('can-meet').textContent).toContain(one);
      await act(() => changeLanguage('en'));
      await fill('Deadline', '2027-01-25');
      await userEvent.click(screen.getByRole('button', { name: 'Run forecast' }));
      await act(() => changeLanguage(lng));
      await waitFor(() => expect(screen.getByTestId('can-meet').textContent).toContain(three));
    });
  });

  it('says "no later than" for a finish or start date, not "strictly before"', () => {
    const date = '8 de fevereiro';
    expect(i18next.t('deadline.latestStart', { date, lng: 'pt-BR' })).toMatch(/No mais tardar em/);
    for (const count of [1, 2]) {
      const es = i18next.t('when.headline', { count, pct: '85 %', weeks: count, date, lng: 'es' });
      expect(es).toContain('a más tardar el 8 de fevereiro');
      expect(es).not.toContain('antes del');
    }
  });
});
