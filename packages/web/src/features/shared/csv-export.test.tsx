/**
 * Exports a person can hand on: every page's CSV goes through one helper, in the reader's
 * language and conventions (pt-BR and es: `;` and decimal comma; en: `,` and `.`).
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeadlineResult, HowManyResult } from '@flow-forecaster/engine';
import { changeLanguage } from '../../i18n';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { blobBytes, downloadsInEachTest } from '../../../test/downloads';
import HowManyPage from '../how-many/HowManyPage';
import DeadlinePage from '../deadline/DeadlinePage';

const downloads = downloadsInEachTest();

async function csvLines(button: RegExp): Promise<string[]> {
  await userEvent.click(screen.getByRole('button', { name: button }));
  expect(downloads.blobs).toHaveLength(1);
  const bytes = await blobBytes(downloads.blobs[0]);
  // UTF-8 byte-order mark: spreadsheets then read the accents right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.subarray(3)).trim().split('\r\n');
}

describe('CSV exports in the reader’s language', () => {
  it('How many in Portuguese: translated headers, `;`, no 100 % row', async () => {
    await changeLanguage('pt-BR');
    const runner = directRunner();
    renderPage(HowManyPage, runner);
    await userEvent.click(screen.getByRole('button', { name: /^Rodar previsão$/ }));
    await screen.findByTestId('how-many-table');
    const r = runner.calls[0].result as HowManyResult;
    const lines = await csvLines(/^Baixar CSV$/);
    expect(lines[0]).toBe(
      'Confiança (%);Pelo menos (itens);Intervalo de 95%, mínimo;Intervalo de 95%, máximo',
    );
    expect(lines.some((l) => l.startsWith('100;'))).toBe(false);
    const iv = r.itemsIntervals['85'];
    expect(lines).toContain(`85;${r.itemsAtConfidence['85']};${iv.low};${iv.high}`);
  });

  it('Deadline in Spanish: day-first dates, weeks to one decimal, chances with a decimal comma', async () => {
    await changeLanguage('es');
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await userEvent.click(screen.getByRole('button', { name: /^Ejecutar pronóstico$/ }));
    await screen.findByTestId('deadline-results');
    const r = runner.calls[0].result as DeadlineResult;
    const lines = await csvLines(/^Descargar CSV$/);
    expect(lines[0].split(';')).toHaveLength(3);
    const [y, m, d] = r.deadlineDate.split('-');
    const row = lines.find((l) => l.startsWith(`${d}/${m}/${y};`));
    expect(row).toBeDefined();
    const [, weeks, chance] = (row ?? '').split(';');
    expect(weeks).toMatch(/^\d+,\d$/);
    expect(chance).toBe((r.probabilityByDeadline * 100).toFixed(1).replace('.', ','));
  });
});
