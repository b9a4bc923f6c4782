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
