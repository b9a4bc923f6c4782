import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runForecast, type EngineWarning } from '@flow-forecaster/engine';
import { changeLanguage } from '../../i18n';
import { Warnings } from './PageLayout';

afterEach(async () => {
  await changeLanguage('en');
});

describe('Warnings', () => {
  it('says the engine’s warnings in the reader’s language, numbers formatted', async () => {
    const r = runForecast('when', {
      tpSamples: [0, 0, 1],
      backlog: 400,
      maxWeeks: 10,
      seed: 1,
    }) as {
      warnings: string[];
      warningCodes: EngineWarning[];
    };
    await changeLanguage('pt-BR');
    render(<Warnings items={r.warnings} codes={r.warningCodes} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Só 3 semanas de histórico de vazão: previsões com menos de 6 semanas não são confiáveis.',
      'Menos de 2 semanas com vazão acima de zero: não dá para ajustar uma Weibull, então as semanas são sorteadas do próprio histórico.',
      '10.000 de 10.000 simulações não terminaram em 10 semanas e pararam ali: os percentis altos são no mínimo esse prazo.',
    ]);
  });

  it('keeps the English sentence, marked as English, when a warning has no known code', async () => {
    await changeLanguage('es');
    render(<Warnings items={['Something new from a newer engine.']} />);
    const li = screen.getByRole('listitem');
    expect(li.textContent).toBe('Something new from a newer engine.');
    expect(li.getAttribute('lang')).toBe('en');
  });
});

describe('Warnings: plurals through Intl.PluralRules', () => {
  it('says "1 fold" and "3 folds", "1 janela" and "3 janelas", never "(s)"', async () => {
    const codes = (folds: number): EngineWarning[] => [
      { code: 'calibrationSkippedFolds', params: { folds, backlog: 40 } },
    ];
    const { unmount } = render(<Warnings items={['x']} codes={codes(1)} />);
    expect(screen.getByRole('listitem').textContent).toMatch(/^1 fold left out/);
    unmount();
    render(<Warnings items={['x']} codes={codes(3)} />);
    expect(screen.getByRole('listitem').textContent).toMatch(/^3 folds left out/);
    await changeLanguage('pt-BR');
    expect(screen.getByRole('listitem').textContent).toMatch(/^3 rodadas ficaram/);
    expect(screen.getByRole('listitem').textContent).not.toContain('(s)');
  });
});
