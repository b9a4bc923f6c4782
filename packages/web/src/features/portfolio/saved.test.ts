import { describe, expect, it } from 'vitest';
import { exampleForm } from './form';
import { deletePortfolio, loadSaved, savePortfolio, useSavedPortfolios } from './saved';
import { renderHook, act } from '@testing-library/react';

// jsdom has no IndexedDB: this is the in-memory fallback; the e2e test covers IndexedDB,
// a reload and an offline reload in Chromium.
describe('portfolios saved in the browser', () => {
  it('lists them newest first, replaces by name, keeps a copy, and deletes', async () => {
    await loadSaved();
    const { result } = renderHook(() => useSavedPortfolios());
    const form = exampleForm('2026-01-05');
    let first!: Awaited<ReturnType<typeof savePortfolio>>;
    await act(async () => {
      first = await savePortfolio('  Q1 plan ', form, 7, new Date('2026-01-01T10:00:00Z'));
      await savePortfolio('Q2 plan', form, null, new Date('2026-01-02T10:00:00Z'));
    });
    expect(result.current.loaded).toBe(true);
    expect(result.current.items.map((p) => [p.name, p.seed])).toEqual([
      ['Q2 plan', null],
      ['Q1 plan', 7],
    ]);
    // Editing the page's form afterwards does not change what was saved.
    form.features[0].name = 'Changed';
    expect(result.current.items[1].form.features[0].name).toBe('Checkout');

    await act(async () => {
      await savePortfolio(
        'Q1 plan',
        exampleForm('2026-02-02'),
        8,
        new Date('2026-01-03T10:00:00Z'),
      );
    });
    expect(result.current.items.map((p) => [p.name, p.seed, p.form.startDate])).toEqual([
      ['Q1 plan', 8, '2026-02-02'],
      ['Q2 plan', null, '2026-01-05'],
    ]);
    expect(result.current.items[0].id).toBe(first.id);

    await act(async () => {
      await deletePortfolio(first.id);
    });
    expect(result.current.items.map((p) => p.name)).toEqual(['Q2 plan']);
  });
});
