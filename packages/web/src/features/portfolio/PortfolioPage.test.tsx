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
});
