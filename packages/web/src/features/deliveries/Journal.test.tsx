/**
 * The forecast journal on a phone scrolls inside the shared wrapper (it widened the page), and
 * its dates read in the chosen language, not as ISO.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInForecast } from '@flow-forecaster/engine';
import { changeLanguage } from '../../i18n';
import type { Delivery } from './api';
import { JournalSection } from './DeliveriesPage';
import { registerDeliveriesTranslations } from './i18n';

registerDeliveriesTranslations();

const checkIn = (date: string, p50: string, p85: string, p95: string) =>
  ({
    date,
    done: 5,
    remaining: 35,
    totalScope: 40,
    completionDates: { p50, p85, p95 },
    probabilityByTarget: 0.6,
    input: {},
  }) as unknown as CheckInForecast;

const delivery: Delivery = {
  id: 'd1',
  projectId: 'p1',
  name: 'Release',
  start: '2026-10-05',
  targetDate: '2026-12-21',
  history: [],
  actualDate: null,
  closeNote: null,
  closed: false,
  checkIns: [
    checkIn('2026-10-19', '2026-12-07', '2026-12-21', '2027-01-04'),
    checkIn('2026-11-02', '2026-12-14', '2026-12-28', '2027-01-11'),
  ],
  version: 1,
};

describe('forecast journal', () => {
  afterEach(async () => {
    await changeLanguage('en');
  });

  it('sits in the sideways-scrolling wrapper', () => {
    render(<JournalSection delivery={delivery} />);
    const table = screen.getByTestId('delivery-journal');
    expect(table.closest('.table-scroll .table-wrap')).not.toBeNull();
  });

  it('writes dates in the chosen language, no ISO date left', async () => {
    await changeLanguage('pt-BR');
    render(<JournalSection delivery={delivery} />);
    const text = screen.getByTestId('delivery-journal').textContent ?? '';
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('19 de out. de 2026');
  });
});
