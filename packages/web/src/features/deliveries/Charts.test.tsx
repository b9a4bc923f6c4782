/**
 * On a phone the delivery charts are drawn at the screen's width, so their 11-unit labels are
 * 11 px there, not shrunk with a 640-wide drawing scaled down to fit.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInForecast } from '@flow-forecaster/engine';
import { drawnScale, onAPhone } from '../../../test/phone-width';
import { changeLanguage } from '../../i18n';
import { BurnUpChart, JournalChart, ProbabilityChart } from './Charts';
import { registerDeliveriesTranslations } from './i18n';

registerDeliveriesTranslations();

const ROOM = 350;

function checkIn(date: string, done: number, p50: string, p85: string, p95: string) {
  return {
    date,
    done,
    remaining: 40 - done,
    totalScope: 40,
    completionDates: { p50, p85, p95 },
    probabilityByTarget: 0.6,
  } as unknown as CheckInForecast;
}

const checkIns = [
  checkIn('2025-04-07', 5, '2025-06-30', '2025-07-14', '2025-07-28'),
  checkIn('2025-05-05', 15, '2025-07-07', '2025-07-21', '2025-08-04'),
  checkIn('2025-06-02', 25, '2025-07-14', '2025-07-28', '2025-08-11'),
];

describe('delivery charts on a phone', () => {
  onAPhone(ROOM);

  it('draw at the screen width, so every label is at least 11 px', () => {
    render(
      <>
        <JournalChart checkIns={checkIns} targetDate="2025-07-31" />
        <BurnUpChart checkIns={checkIns} />
        <ProbabilityChart checkIns={checkIns} />
      </>,
    );
    for (const id of ['journal-chart', 'burnup-chart', 'probability-chart']) {
      const { scale, fontSizes } = drawnScale(screen.getByTestId(id), ROOM);
      expect(fontSizes.length).toBeGreaterThan(2);
      for (const size of fontSizes) expect(size * scale).toBeGreaterThanOrEqual(11);
    }
  });
});

describe('delivery charts read without the code', () => {
  afterEach(async () => {
    await changeLanguage('en');
  });

  it('name their lines in a legend', () => {
    const { container } = render(
      <>
        <JournalChart checkIns={checkIns} targetDate="2025-07-31" />
        <BurnUpChart checkIns={checkIns} />
      </>,
    );
    const legends = [...container.querySelectorAll('.legend')].map((l) => l.textContent);
    expect(legends).toEqual(['P50P85P50–P95Target', 'DoneTotal scopeP50P85']);
  });

  it('write axis dates in the chosen language, not ISO', async () => {
    await changeLanguage('pt-BR');
    render(<JournalChart checkIns={checkIns} targetDate="2025-07-31" />);
    const text = screen.getByTestId('journal-chart').textContent ?? '';
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\b\d{2}-\d{2}\b/);
    expect(text).toContain('7 de abr.');
  });
});
