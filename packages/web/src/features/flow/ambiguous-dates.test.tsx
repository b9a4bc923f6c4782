/** Trust rules: a CSV whose dates fit two formats is never imported on a guess; the user picks. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { importCsv } from './import';
import TeamPage from './TeamPage';
import { registerFlowTranslations } from './i18n';

registerFlowTranslations();

const AMBIGUOUS = [
  'Issue key,Status,Custom field (Start date),Resolved',
  'A-1,Done,03/04/2026,05/04/2026',
  'A-2,Done,01/02/2026,02/03/2026',
].join('\n');

describe('ambiguous CSV dates', () => {
  it('reads the file in the format the user chose, and offers the first cells both ways', () => {
    const guessed = importCsv(AMBIGUOUS);
    expect(guessed.ambiguousFormats.length).toBeGreaterThan(0);
    expect(guessed.preview[0]).toEqual({
      column: 'Custom field (Start date)',
      value: '03/04/2026',
    });
    const formats = [guessed.dateFormat as string, ...guessed.ambiguousFormats];
    const dayFirst = formats.find((f) => f.startsWith('d')) as string;
    const monthFirst = formats.find((f) => f.startsWith('M')) as string;
    expect(importCsv(AMBIGUOUS, dayFirst).items[0]).toMatchObject({ started: '2026-04-03' });
    expect(importCsv(AMBIGUOUS, monthFirst).items[0]).toMatchObject({ started: '2026-03-04' });
    expect(importCsv(AMBIGUOUS, dayFirst).ambiguousFormats).toEqual([]);
  });

  it('asks which format, naming the column, imports nothing until answered', async () => {
    renderPage(TeamPage, directRunner());
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File([AMBIGUOUS], 'jira.csv', { type: 'text/csv' }));
    const ask = await screen.findByTestId('ambiguous-dates');
    expect(ask.textContent).toContain('Custom field (Start date)');
    expect(ask.textContent).toContain('Nothing was imported yet');
    expect(ask.textContent).toContain('03/04/2026 → April 3, 2026');
    expect(ask.textContent).toContain('03/04/2026 → March 4, 2026');
    const buttons = within(ask).getAllByRole('button');
    const dayFirst = buttons.find((b) => /Dates are d/.test(b.textContent ?? ''));
    expect(dayFirst).toBeTruthy();
    await userEvent.click(dayFirst as HTMLElement);
    await waitFor(() => expect(screen.queryByTestId('ambiguous-dates')).toBeNull());
  });
});
