/** On a phone the forecasts-over-time chart is drawn at the screen's width: 11 px labels stay 11 px. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { drawnScale, onAPhone } from '../../../../test/phone-width';
import { TrendChart } from './TrendChart';

const ROOM = 350;

describe('TrendChart on a phone', () => {
  onAPhone(ROOM);

  it('draws at the screen width, so its labels are at least 11 px', () => {
    render(
      <TrendChart
        forecasts={[
          { id: 'a', kind: 'when', p50Weeks: 8, p85Weeks: 10, createdAt: '2026-01-05T10:00:00Z' },
          { id: 'b', kind: 'when', p50Weeks: 9, p85Weeks: 12, createdAt: '2026-02-02T10:00:00Z' },
        ]}
      />,
    );
    const { scale, fontSizes } = drawnScale(screen.getByTestId('project-trend'), ROOM);
    expect(fontSizes.length).toBeGreaterThan(2);
    for (const size of fontSizes) expect(size * scale).toBeGreaterThanOrEqual(11);
  });
});

describe('TrendChart axes', () => {
  const saved = (id: string, p85: number, createdAt: string) => ({
    id,
    kind: 'when' as const,
    p50Weeks: p85 - 2,
    p85Weeks: p85,
    createdAt,
  });

  it('ends the value axis on a round tick', () => {
    render(
      <TrendChart
        forecasts={[saved('a', 8, '2026-01-05T10:00:00Z'), saved('b', 9, '2026-02-02T10:00:00Z')]}
      />,
    );
    const labels = [...screen.getByTestId('project-trend').querySelectorAll('text')].map(
      (el) => el.textContent,
    );
    // P85 of 9 × 1.1 is 9.9: niced, the axis ends at 10.
    expect(labels).toContain('10');
    expect(labels).not.toContain('9.9');
  });

  it('writes a date once when every forecast was saved that day', () => {
    render(
      <TrendChart
        forecasts={[saved('a', 8, '2026-01-05T09:00:00Z'), saved('b', 9, '2026-01-05T15:00:00Z')]}
      />,
    );
    const labels = [...screen.getByTestId('project-trend').querySelectorAll('text')]
      .map((el) => el.textContent ?? '')
      .filter((text) => /2026/.test(text));
    expect(labels).toHaveLength(1);
  });
});
