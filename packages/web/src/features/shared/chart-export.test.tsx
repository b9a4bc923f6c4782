/**
 * A downloaded chart stands alone on a slide: its title, legend, the key inputs (backlog,
 * history window, runs, seed) and the date made are in the SVG file itself.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DeadlineResult } from '@flow-forecaster/engine';
import { directRunner } from '../../../test/engine-runner';
import { renderPage } from '../../../test/render';
import { blobBytes, downloadsInEachTest } from '../../../test/downloads';
import { fill } from '../../../test/form';
import DeadlinePage from '../deadline/DeadlinePage';

const downloads = downloadsInEachTest();

describe('chart downloads', () => {
  it('carry title, legend, key inputs and the date made (Deadline, in English)', async () => {
    const runner = directRunner();
    renderPage(DeadlinePage, runner);
    await fill('Items finished per week', '5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7');
    await fill('Start date', '2026-01-05');
    await fill('Deadline', '2026-03-02');
    await userEvent.click(screen.getByRole('button', { name: /^(Forecast|Run forecast)$/ }));
    await screen.findByTestId('deadline-results');
    const figure = document.querySelector<HTMLElement>('figure[data-chart="deadline-probability"]');
    expect(figure).not.toBeNull();
    await within(figure!).findByRole('img');
    await userEvent.click(within(figure!).getByRole('button', { name: 'SVG' }));
    // The exporter is loaded on the click (kept out of the first page).
    await vi.waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const text = new TextDecoder().decode(await blobBytes(downloads.blobs[0]));
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const outer = doc.documentElement;
    expect(outer.tagName).toBe('svg');
    expect(outer.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    // The chart itself is inside, below its title.
    expect(outer.querySelector('svg svg')).not.toBeNull();
    expect(outer.querySelector('[data-part="title"]')?.textContent).toBe(
      'Chance to be done by each date',
    );
    const legend = [...outer.querySelectorAll('[data-part="legend"] text')].map(
      (el) => el.textContent,
    );
    expect(legend).toEqual(['Chance to be done', 'Deadline', 'Chosen confidence (85%)']);
    const notes = [...outer.querySelectorAll('[data-part="note"]')].map((el) => el.textContent);
    const r = runner.calls[0].result as DeadlineResult;
    expect(notes[0]).toBe(
      `Backlog: ${r.backlog} items · Deadline: March 2, 2026 · History: 12 weeks · Runs: 10,000 · Seed: ${r.seed}`,
    );
    expect(notes[1]).toMatch(/^Made with Flow Forecaster on \w+ \d+, \d{4}$/);
    // Every text of the frame is at least 11 px.
    for (const el of outer.querySelectorAll('[data-part] text, text[data-part]')) {
      expect(Number(el.getAttribute('font-size'))).toBeGreaterThanOrEqual(11);
    }
  });
});
