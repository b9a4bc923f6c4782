import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChartFrame } from './ChartFrame';

let broken = true;
function Flaky() {
  if (broken) throw new Error('bad data');
  return <svg data-testid="flaky" />;
}

describe('ChartFrame', () => {
  it('keeps a failing chart to itself and lets the user retry', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <ChartFrame title="Broken" filename="broken">
          <Flaky />
        </ChartFrame>
        <ChartFrame title="Fine" filename="fine">
          <svg data-testid="fine" />
        </ChartFrame>
      </>,
    );
    expect(screen.getByText('This chart could not be drawn.')).toBeTruthy();
    expect(screen.getByTestId('fine')).toBeTruthy();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByTestId('flaky')).toBeTruthy();
    quiet.mockRestore();
  });
});
