/**
 * A table wider than the phone scrolls sideways; the columns out of view are announced by a
 * line above it and a fade at the right edge, both gone once the last column is in view.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TableWrap } from './TableWrap';

function tableOf(width: { content: number; box: number }) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(width.content);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width.box);
  render(
    <TableWrap label="Probability table">
      <table>
        <tbody>
          <tr>
            <td>95%</td>
            <td>Weeks (one person)</td>
          </tr>
        </tbody>
      </table>
    </TableWrap>,
  );
  return screen.getByRole('region', { name: 'Probability table' });
}

describe('TableWrap', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says there is more to the right, and fades that edge, while columns are out of view', () => {
    const region = tableOf({ content: 420, box: 350 });
    expect(screen.getByTestId('table-scroll-hint').textContent).toBe('Scroll sideways for more →');
    const frame = region.parentElement as HTMLElement;
    expect(frame.dataset.more).toBe('right');
    // Scrolled to the last column: no fade (the hint stays, the table still scrolls).
    act(() => {
      region.scrollLeft = 70;
      fireEvent.scroll(region);
    });
    expect(frame.dataset.more).toBeUndefined();
    expect(screen.getByTestId('table-scroll-hint')).toBeTruthy();
  });

  it('says nothing when the table fits', () => {
    const region = tableOf({ content: 350, box: 350 });
    expect(screen.queryByTestId('table-scroll-hint')).toBeNull();
    expect((region.parentElement as HTMLElement).dataset.more).toBeUndefined();
  });
});
