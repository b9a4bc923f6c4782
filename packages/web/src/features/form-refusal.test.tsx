import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directRunner } from '../../test/engine-runner';
import { renderPage } from '../../test/render';
import WhenPage from './when/WhenPage';
import RisksPage from './risks/RisksPage';
import type * as Validate from '../lib/validate';
import type { Validation } from '../lib/validate';

/** What the request check answers next; `null` lets the real schemas decide. */
const answer = vi.hoisted(() => ({ next: null as Validation | null }));

vi.mock('../lib/validate', async (original) => {
  const real = await original<typeof Validate>();
  return {
    validateRequest: (kind: string, body: unknown) =>
      answer.next ?? real.validateRequest(kind, body),
  };
});

afterEach(() => {
  answer.next = null;
});

const refuse = (field: string): Validation => ({
  ok: false,
  issues: [{ field, code: 'invalid', params: { reason: 'it could not be read as JSON data' } }],
});

// A refusal with no field on the page to stand beside used to leave the Forecast button doing
// nothing with nothing said (Spain and the United States as the calendar country).
describe('a refusal no field shows', () => {
  it('is said beside the When page Forecast button, and nothing runs', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    answer.next = refuse('');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    const notice = await screen.findByTestId('form-refusal', {}, { timeout: 10_000 });
    expect(notice.textContent).toMatch(/did not run: Not valid\. it could not be read as JSON/);
    expect(runner.calls).toHaveLength(0);
  });

  it('also for a field the form has no box for, on a page without run settings', async () => {
    const runner = directRunner();
    renderPage(RisksPage, runner);
    answer.next = refuse('calendar.region');
    await userEvent.click(screen.getByRole('button', { name: 'Rank risks' }));
    expect(
      (await screen.findByTestId('form-refusal', {}, { timeout: 10_000 })).textContent,
    ).toMatch(/did not run/);
    expect(runner.calls).toHaveLength(0);
  });

  it('is not repeated for a refusal shown beside its field', async () => {
    const runner = directRunner();
    renderPage(WhenPage, runner);
    answer.next = refuse('tpSamples');
    await userEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    await screen.findByText(/Not valid\. it could not be read/, {}, { timeout: 10_000 });
    expect(screen.queryByTestId('form-refusal')).toBeNull();
    expect(runner.calls).toHaveLength(0);
  });
});
