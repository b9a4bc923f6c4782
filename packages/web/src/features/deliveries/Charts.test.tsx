/**
 * On a phone the delivery charts are drawn at the screen's width, so their 11-unit labels are
 * 11 px there, not shrunk with a 640-wide drawing scaled down to fit.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CheckInForecast } from '@flow-forecaster/engine';
import { drawnScale, onAPhone } from '../../../test/phone-width';
import { BurnUpChart, JournalChart, ProbabilityChart } from './Charts';

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
