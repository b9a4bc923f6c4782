import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import CsvImport, { guessColumn, parseCsv } from './CsvImport';

// A Brazilian spreadsheet: ';' separator, accented headers, day-first date-times.
const PLANILHA = [
  'Chave;Resumo;Situação;Data de início;Data de conclusão',
  'A-1;Um;Concluído;03/03/2025 09:00;04/03/2025 17:00',
  'A-2;Dois;Concluído;01/03/2025 10:00;06/03/2025 10:00',
  'A-3;Três;Concluído;10/03/2025 08:00;20/03/2025 08:00',
  'A-4;Quatro;Concluído;12/03/2025 08:00;21/03/2025 12:00',
  'A-5;Cinco;Concluído;13/03/2025 08:00;22/03/2025 12:00',
  'A-6;Seis;Em andamento;14/03/2025 08:00;',
  'A-7;Sete;A fazer;;',
].join('\n');

describe('parseCsv / guessColumn', () => {
  it('reads ; separated files and finds the done and start columns by name', () => {
    const table = parseCsv(PLANILHA);
    expect(table.columns).toContain('Data de conclusão');
    expect(table.rows).toHaveLength(7);
    expect(guessColumn(table.columns, /conclus/i)).toBe('Data de conclusão');
  });
});

describe('CsvImport', () => {
  it('derives weekly throughput (zero weeks included) and lead times through the engine', async () => {
    const onApply = vi.fn();
    render(<CsvImport onApply={onApply} onClose={() => undefined} />);
    const file = new File([PLANILHA], 'planilha.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText(/CSV file/), file);
    const summary = await screen.findByTestId('csv-summary');
    // Weeks from Monday: 3–9 March: 2 done; 10–16 March: 0; 17–23 March: 3.
    expect(summary.textContent).toContain(
      '5 finished items over 3 weeks; 1 in progress, 1 not started.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Use this history' }));
    expect(onApply).toHaveBeenCalledTimes(1);
    const [tp, lt] = onApply.mock.calls[0] as [number[], number[]];
    expect(tp).toEqual([2, 0, 3]);
    expect(lt).toHaveLength(5);
    expect(lt[0]).toBeCloseTo(1 + 8 / 24, 5);
  });
});

describe('CsvImport on the page’s calendar', () => {
  const offsite = {
    calendarOn: true,
    country: '',
    region: '',
    includeOptional: false,
    optionalNames: [],
    blackoutText: '2025-03-18..2025-03-19 offsite',
    workingDays: [1, 2, 3, 4, 5],
  };

  it('names the short weeks and leaves them out of the samples when asked', async () => {
    const onApply = vi.fn();
    render(<CsvImport onApply={onApply} onClose={() => undefined} calendar={offsite} />);
    const file = new File([PLANILHA], 'planilha.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText(/CSV file/), file);
    // The offsite takes two days out of the week of 17 March: a short week, named.
    const short = await screen.findByTestId('csv-short-weeks');
    expect(short.textContent).toContain('1 short week on this calendar');
    expect(short.textContent).toContain('2025-03-17');
    await userEvent.click(screen.getByLabelText(/Leave the short weeks out/));
    const summary = await screen.findByText(/finished items over 2 weeks/);
    expect(summary).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Use this history' }));
    expect((onApply.mock.calls[0] as [number[]])[0]).toEqual([2, 0]);
  });

  it('keeps every week, and says there is no short one, when the calendar takes no day', async () => {
    const onApply = vi.fn();
    const calm = { ...offsite, blackoutText: '' };
    render(<CsvImport onApply={onApply} onClose={() => undefined} calendar={calm} />);
    const file = new File([PLANILHA], 'planilha.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText(/CSV file/), file);
    const short = await screen.findByTestId('csv-short-weeks');
    expect(short.textContent).toContain('No short weeks');
    await userEvent.click(screen.getByRole('button', { name: 'Use this history' }));
    expect((onApply.mock.calls[0] as [number[]])[0]).toEqual([2, 0, 3]);
  });
});
