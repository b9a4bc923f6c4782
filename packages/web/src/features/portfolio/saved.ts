/**
 * Portfolios saved without an account: the form as typed and its seed, in this browser's
 * IndexedDB (as the team workspace keeps its teams), so they survive a reload and work offline.
 * Saving under a name that is already there replaces that portfolio. Without IndexedDB (old
 * browsers, jsdom) they live in memory for the visit only.
 */
import { browserState, hasIdb, newId, request, transact } from '../../lib/browser-store';
import type { PortfolioForm } from './form';

export interface SavedPortfolio {
  id: string;
  name: string;
  form: PortfolioForm;
  /** The seed its numbers came from; absent when it was saved before any run. */
  seed: number | null;
  savedAt: string;
}

export interface SavedState {
  loaded: boolean;
  /** Newest first. */
  items: SavedPortfolio[];
}

const DB = { name: 'flow-forecaster-portfolios', stores: [{ name: 'portfolios', keyPath: 'id' }] };

const newestFirst = (a: SavedPortfolio, b: SavedPortfolio) =>
  b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name);

const saved = browserState<SavedState>(
  { loaded: false, items: [] },
  async () => {
    const items = (await transact(DB, 'readonly', (tx) =>
      request(tx.objectStore('portfolios').getAll()),
    )) as unknown[];
    return { loaded: true, items: items.filter(isSaved).sort(newestFirst) };
  },
  'Saved portfolios',
);

/** Reads the saved portfolios once per visit; the hook calls it, tests may await it. */
export const loadSaved = saved.load;

/** Rows written by an older version, or by hand, are skipped rather than breaking the page. */
function isSaved(x: unknown): x is SavedPortfolio {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Partial<SavedPortfolio>;
  return (
    typeof s.id === 'string' &&
    typeof s.name === 'string' &&
    typeof s.savedAt === 'string' &&
    typeof s.form === 'object' &&
    s.form !== null &&
    Array.isArray(s.form.features) &&
    Array.isArray(s.form.teams)
  );
}

/** Saves the form under `name` (trimmed), replacing a portfolio of the same name. */
export async function savePortfolio(
  name: string,
  form: PortfolioForm,
  seed: number | null,
  now: Date = new Date(),
): Promise<SavedPortfolio> {
  await loadSaved();
  const trimmed = name.trim();
  const state = saved.get();
  const same = state.items.find((p) => p.name === trimmed);
  const portfolio: SavedPortfolio = {
    id: same?.id ?? newId(),
    name: trimmed,
    // A copy: later edits of the page's form never reach the saved one.
    form: JSON.parse(JSON.stringify(form)) as PortfolioForm,
    seed,
    savedAt: now.toISOString(),
  };
  saved.set({ ...state, items: [portfolio, ...state.items.filter((p) => p.id !== portfolio.id)] });
  if (hasIdb())
    await transact(DB, 'readwrite', (tx) => tx.objectStore('portfolios').put(portfolio));
  return portfolio;
}

export async function deletePortfolio(id: string): Promise<void> {
  await loadSaved();
  const state = saved.get();
  saved.set({ ...state, items: state.items.filter((p) => p.id !== id) });
  if (hasIdb()) await transact(DB, 'readwrite', (tx) => tx.objectStore('portfolios').delete(id));
}

export function useSavedPortfolios(): SavedState {
  return saved.use();
}
