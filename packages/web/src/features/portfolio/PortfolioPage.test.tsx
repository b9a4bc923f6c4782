import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { changeLanguage } from '../../i18n';
import PortfolioPage from './PortfolioPage';
import { registerPortfolioTranslations } from './i18n';

registerPortfolioTranslations();

afterEach(async () => {
  await changeLanguage('en');
});

describe('portfolio page', () => {
  it('names the example’s teams and features in the reader’s language (issue 14)', async () => {
    for (const [lang, team, feature, gone] of [
      ['pt-BR', 'Pagamentos', 'Finalização de compra', /Payments|Platform|Checkout|Dark mode/],
      ['es', 'Pagos', 'Finalizar compra', /Payments|Platform|Checkout|Dark mode/],
    ] as const) {
      await changeLanguage(lang);
      const runner = directRunner();
      const { unmount } = renderPage(PortfolioPage, runner);
      const values = [...document.querySelectorAll('input, textarea')].map(
        (el) => (el as HTMLInputElement).value,
      );
      expect(values).toContain(team);
      expect(values).toContain(feature);
      expect(values.join('\n')).not.toMatch(gone);
      unmount();
    }
  });

  it('starts the cost of delay in the reader’s currency (pt-BR → BRL) and shows it in R$', async () => {
    await changeLanguage('pt-BR');
    const runner = directRunner();
    renderPage(PortfolioPage, runner);
    expect((screen.getByLabelText('Moeda (custo do atraso)') as HTMLInputElement).value).toBe(
      'BRL',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Prever o portfólio' }));
    await screen.findByTestId('pf-results');
    expect((runner.calls[0].input as { currency?: string }).currency).toBe('BRL');
    await waitFor(() => expect(screen.getByTestId('pf-cut-table').textContent).toMatch(/R\$/));
    expect(screen.getByTestId('pf-cut-table').textContent).not.toMatch(/US\$/);
  });

  it('says in the out-of-date banner which field to fix when a team’s throughput is bad', async () => {
    renderPage(PortfolioPage, directRunner());
    await userEvent.click(screen.getByRole('button', { name: 'Forecast the portfolio' }));
    await screen.findByTestId('pf-results');
    await userEvent.click(screen.getByLabelText('Rerun as I edit (same seed)'));
    const samples = screen.getByLabelText('Weekly throughput (items per week) (Payments)');
    await userEvent.clear(samples);
    await userEvent.type(samples, '3, -4, 5');
    const banner = await screen.findByTestId('pf-stale');
    await waitFor(() => expect(banner.textContent).toMatch(/cannot rerun until you fix/));
    // Under load the banner may still name the cleared field ('Required') for a moment.
    await waitFor(() =>
      expect(banner.textContent).toContain(
        'Weekly throughput (items per week) (Payments): Value 2:',
      ),
    );
    expect(banner.textContent).not.toMatch(/run again/);
    await userEvent.click(screen.getByRole('button', { name: 'Go to the field' }));
    expect(document.activeElement).toBe(samples);
  });

  it('lets no out-of-date result leave the page: downloads, share and save are off', async () => {
    renderPage(PortfolioPage, directRunner());
    await userEvent.click(screen.getByRole('button', { name: 'Forecast the portfolio' }));
    await screen.findByTestId('pf-results');
    // The actions sit in one fieldset: disabling it disables every button in it.
    const actions = () => screen.getByTestId('result-actions') as HTMLFieldSetElement;
    expect(actions().disabled).toBe(false);
    const samples = screen.getByLabelText('Weekly throughput (items per week) (Payments)');
    await userEvent.type(samples, ', 7');
    await screen.findByTestId('pf-stale');
    expect(actions().disabled).toBe(true);
    expect(actions().title).toMatch(/out of date/i);
  });
});

describe('a field the portfolio run refused', () => {
  it('loses its message as soon as it is corrected, the result marked out of date', async () => {
    renderPage(PortfolioPage, directRunner());
    await userEvent.click(screen.getByRole('button', { name: 'Forecast the portfolio' }));
    await screen.findByTestId('pf-results');
    const confidence = screen.getByLabelText('Confidence (%)');
    await userEvent.clear(confidence);
    await userEvent.type(confidence, 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast the portfolio' }));
    await waitFor(() => expect(confidence.getAttribute('aria-invalid')).toBe('true'));
    await userEvent.clear(confidence);
    await userEvent.type(confidence, '80');
    await waitFor(() => expect(confidence.getAttribute('aria-invalid')).toBeNull());
    expect(document.querySelector('[data-field-error="pf-confidence"]')).toBeNull();
    expect(screen.getByTestId('pf-stale')).toBeTruthy();
  });
});
