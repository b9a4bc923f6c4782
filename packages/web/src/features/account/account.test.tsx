import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { setCsrfToken } from '../../lib/api';
import { RunnerProvider } from '../../runner/context';
import { directRunner } from '../../../test/engine-runner';
import { registerAccountTranslations } from './i18n';
import { AccountProvider, registerAccountSlots } from './index';
import { readPending } from './pending';
import { startRealApi, type RealApi } from './testing/real-api';

registerAccountTranslations();
registerAccountSlots();

const PASSWORD = 'correct horse battery';
let api: RealApi;
let n = 0;
const email = (who: string) => `${who}-${++n}@example.com`;

beforeAll(async () => {
  api = await startRealApi();
  // The first account of a fresh install becomes admin: take it here so the users the tests
  // register are ordinary students.
  const res = await fetch('/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD, name: 'Ada Admin' }),
  });
  expect(res.status).toBe(201);
}, 90_000);

afterAll(async () => {
  await api?.close();
});

afterEach(() => {
  api.clearCookies();
  setCsrfToken(null);
  sessionStorage.clear();
});

/** The whole app (header menu, routes, Save slot) on a hash route, as the browser shows it. */
function renderApp(hash: string) {
  window.location.hash = hash;
  return render(
    <RunnerProvider runner={directRunner()}>
      <AccountProvider>
        <App />
      </AccountProvider>
    </RunnerProvider>,
  );
}

async function call<T>(path: string, body?: unknown, csrf?: string): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A logged-in user made through the API (cookie in the jar), for tests about other pages. */
async function loggedIn(who: string, password = PASSWORD) {
  const address = email(who);
  await call('/api/auth/register', { email: address, password });
  const { csrfToken } = await call<{ csrfToken: string }>('/api/auth/login', {
    email: address,
    password,
  });
  return { email: address, csrf: csrfToken };
}

const SIMULATE_INPUT = { tpSamples: [3, 5, 4, 6, 5, 4, 7, 5], numberOfTasks: 30, seed: 4242 };

describe('register and log in', () => {
  it('shows bad input beside each field and sends nothing', async () => {
    const user = userEvent.setup();
    renderApp('#/register');
    await screen.findByRole('heading', { name: 'Create an account' });
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Repeat the password'), 'short');
    const before = api.calls.length;
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const emailField = screen.getByLabelText('Email');
    expect(emailField.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('register-email-error')?.textContent).toBeTruthy();
    expect(document.getElementById('register-password-error')?.textContent).toBe(
      'At least 10 characters.',
    );
    expect(api.calls.slice(before)).toEqual([]);
  });

  it('catches two different passwords before sending', async () => {
    const user = userEvent.setup();
    renderApp('#/register');
    await screen.findByRole('heading', { name: 'Create an account' });
    await user.type(screen.getByLabelText('Email'), email('typo'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Repeat the password'), `${PASSWORD}!`);
    const before = api.calls.length;
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(document.getElementById('register-confirm-error')?.textContent).toBe(
      'The two passwords are different.',
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Repeat the password'));
    expect(api.calls.slice(before)).toEqual([]);
  });

  it('registers, is logged in at once and lands on the projects page', async () => {
    const user = userEvent.setup();
    const address = email('new');
    renderApp('#/register');
    await screen.findByRole('heading', { name: 'Create an account' });
    await user.type(screen.getByLabelText('Name'), 'Nina New');
    await user.type(screen.getByLabelText('Email'), address.toUpperCase());
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Repeat the password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await screen.findByRole('heading', { name: 'Projects' });
    expect(window.location.hash).toBe('#/projects');
    expect(screen.getByTestId('account-user').textContent).toBe('Nina New');
    // The server agrees: the cookie set at login is a working session.
    const me = await call<{ user: { email: string; role: string } }>('/api/auth/me');
    expect(me.user).toMatchObject({ email: address, role: 'student' });
  });

  it('says so when the password is wrong, and a taken email on register', async () => {
    const user = userEvent.setup();
    const taken = (await loggedIn('taken')).email;
    api.clearCookies();
    renderApp('#/login');
    await screen.findByRole('heading', { name: 'Log in' });
    await user.type(screen.getByLabelText('Email'), taken);
    await user.type(screen.getByLabelText('Password'), 'wrong password!');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(screen.queryByTestId('account-user')).toBeNull();
  });

  it('logs out from the header menu', async () => {
    const user = userEvent.setup();
    const me = await loggedIn('leaver');
    renderApp('#/projects');
    expect((await screen.findByTestId('account-user')).textContent).toBe(me.email);
    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('link', { name: 'Log in' });
    const after = await call<{ user: unknown }>('/api/auth/me');
    expect(after.user).toBeNull();
  });
});

describe('forgot and reset password', () => {
  it('answers the same for unknown addresses, and rejects a bad reset link', async () => {
    const user = userEvent.setup();
    renderApp('#/forgot-password');
    await screen.findByRole('heading', { name: 'Forgot your password?' });
    await user.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/a link to reset/);

    window.location.hash = '#/reset-password?token=forged-token';
    await screen.findByRole('heading', { name: 'Choose a new password' });
    await user.type(screen.getByLabelText('New password'), PASSWORD);
    await user.type(screen.getByLabelText('Repeat the password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This reset link is not valid or has expired. Ask for a new one.',
    );
  });
});

describe('saving a forecast', () => {
  it('keeps an anonymous forecast across login and saves it without retyping', async () => {
    const user = userEvent.setup();
    const address = email('anon');
    await call('/api/auth/register', { email: address, password: PASSWORD });
    api.clearCookies();

    renderApp('#/when');
    await screen.findByRole('heading', { name: 'When will it be done?', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Forecast' }));
    const save = await screen.findByRole('button', { name: 'Log in to save' });
    await user.click(save);

    const pending = readPending();
    expect(pending?.kind).toBe('simulate');
    // The seed the browser used travels with the input, so the saved numbers are these.
    expect(typeof pending?.input.seed).toBe('number');
    await screen.findByRole('heading', { name: 'Log in' });
    expect(window.location.hash).toBe('#/login?next=%2Fsave');
    expect(screen.getByText(/it will be waiting for you/)).toBeTruthy();

    await user.type(screen.getByLabelText('Email'), address);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await screen.findByRole('heading', { name: 'Save your forecast' });
    // No projects yet: the form offers a new one.
    await user.type(screen.getByLabelText('Project name'), 'Release 1');
    await user.type(screen.getByLabelText('Name of this forecast (optional)'), 'First look');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Forecast saved.');
    expect(readPending()).toBeNull();

    const { items } = await call<{ items: { name: string; seed: number; p85Weeks: number }[] }>(
      '/api/forecasts',
    );
    expect(items).toHaveLength(1);
    expect(items[0].name).toBe('First look');
    expect(items[0].seed).toBe(pending?.input.seed);
    expect(items[0].p85Weeks).toBeGreaterThan(0);
  });

  it('saves from the results into an existing project when logged in', async () => {
    const user = userEvent.setup();
    const me = await loggedIn('saver');
    const project = await call<{ id: string }>('/api/projects', { name: 'Mobile app' }, me.csrf);
    renderApp('#/when');
    await screen.findByTestId('account-user');
    await user.click(screen.getByRole('button', { name: 'Forecast' }));
    await user.click(await screen.findByRole('button', { name: 'Save to a project' }));
    const form = await screen.findByRole('form', { name: 'Save the forecast' });
    await waitFor(() =>
      expect((within(form).getByLabelText('Project') as HTMLSelectElement).value).toBe(project.id),
    );
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const link = await screen.findByRole('link', { name: 'Open it' });
    const { items } = await call<{ items: { id: string; projectId: string }[] }>(
      `/api/forecasts?projectId=${project.id}`,
    );
    expect(items).toHaveLength(1);
    expect(link.getAttribute('href')).toBe(`#/forecast?id=${items[0].id}`);
  });
});

describe('a session that ends while a result is on screen', () => {
  it('keeps the forecast and asks to log in again, then saves it', async () => {
    const user = userEvent.setup();
    const me = await loggedIn('expiring');
    renderApp('#/when');
    await screen.findByTestId('account-user');
    await user.click(screen.getByRole('button', { name: 'Forecast' }));
    await user.click(await screen.findByRole('button', { name: 'Save to a project' }));
    const form = await screen.findByRole('form', { name: 'Save the forecast' });
    await user.type(within(form).getByLabelText('Project name'), 'Late night');
    api.clearCookies(); // the server no longer knows this browser
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { name: 'Log in' });
    expect(window.location.hash).toBe('#/login?next=%2Fsave');
    expect(readPending()?.kind).toBe('simulate');
    await user.type(screen.getByLabelText('Email'), me.email);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Save your forecast' });
    // Nothing was written without a session: the project is made now, with the forecast.
    await user.type(await screen.findByLabelText('Project name'), 'Late night');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Forecast saved.');
    const { items } = await call<{ items: { name: string }[] }>('/api/projects');
    expect(items.map((p) => p.name)).toEqual(['Late night']);
  });
});

describe('projects, forecasts over time, compare, actuals', () => {
  it('creates, archives and restores projects; an empty name is refused beside the field', async () => {
    const user = userEvent.setup();
    await loggedIn('pm');
    renderApp('#/projects');
    await screen.findByText('No projects yet. Create one, or save a forecast into a new project.');
    const before = api.calls.length;
    await user.click(screen.getByRole('button', { name: 'Create project' }));
    expect(document.getElementById('project-name-error')?.textContent).toBe('Required.');
    expect(api.calls.slice(before)).toEqual([]);

    await user.type(screen.getByLabelText('Project name'), 'Checkout revamp');
    await user.click(screen.getByRole('button', { name: 'Create project' }));
    const list = screen.getByTestId('projects');
    await within(list).findByRole('link', { name: 'Checkout revamp' });

    await user.click(within(list).getByRole('button', { name: 'Archive: Checkout revamp' }));
    await waitFor(() => expect(within(list).queryByRole('link')).toBeNull());
    await user.click(screen.getByLabelText('Show archived projects (1)'));
    await user.click(within(list).getByRole('button', { name: 'Restore: Checkout revamp' }));
    await user.click(screen.getByLabelText('Show archived projects (1)'));
    await within(list).findByRole('link', { name: 'Checkout revamp' });
  });

  it('lists a project’s forecasts, re-runs one as a new version and compares two', async () => {
    const user = userEvent.setup();
    const me = await loggedIn('lead');
    const project = await call<{ id: string }>('/api/projects', { name: 'Platform' }, me.csrf);
    const first = await call<{ id: string; p85Weeks: number }>(
      '/api/forecasts',
      { projectId: project.id, kind: 'simulate', input: SIMULATE_INPUT, name: 'Before' },
      me.csrf,
    );
    const second = await call<{ id: string; p85Weeks: number }>(
      '/api/forecasts',
      {
        projectId: project.id,
        kind: 'simulate',
        input: { ...SIMULATE_INPUT, numberOfTasks: 60, startDate: '2026-03-04' },
        name: 'After scope growth',
      },
      me.csrf,
    );
    expect(second.p85Weeks).toBeGreaterThan(first.p85Weeks);

    renderApp(`#/project?id=${project.id}`);
    const table = await screen.findByTestId('project-forecasts');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('img', { name: /P50 and P85 weeks/ })).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Re-run: Before' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const { items } = await call<{
      items: { version: number; parentId: string; p85Weeks: number }[];
    }>(`/api/forecasts?projectId=${project.id}`);
    const rerun = items.find((f) => f.version === 2);
    expect(rerun?.parentId).toBe(first.id);
    // Same input, same seed: the new version reproduces the numbers.
    expect(rerun?.p85Weeks).toBe(first.p85Weeks);

    const compare = screen.getByRole('button', { name: 'Compare the two picked' });
    expect((compare as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByLabelText('Pick After scope growth for comparison'));
    // The list is newest first: the last "Before" is version 1, older than "After".
    const befores = screen.getAllByLabelText('Pick Before for comparison');
    await user.click(befores[befores.length - 1]);
    expect((compare as HTMLButtonElement).disabled).toBe(false);
    await user.click(compare);

    const grid = await screen.findByTestId('compare');
    const p85Row = within(grid).getByRole('row', { name: /^P85/ });
    const cells = within(p85Row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    const fmt = (v: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(v);
    expect(cells).toContain(fmt(first.p85Weeks));
    expect(cells).toContain(fmt(second.p85Weeks));
    // Picked newer first, the change still reads newer − older: longer is +.
    expect(cells[2]).toBe(`+${fmt(second.p85Weeks - first.p85Weeks)}`);
    expect(screen.getByRole('columnheader', { name: 'Change (newer − older)' })).toBeTruthy();
    // Field names as labels in the reader's language, not API names.
    expect(screen.getByRole('rowheader', { name: 'Items in the backlog' })).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'numberOfTasks' })).toBeNull();
    // Dates in the reader's format.
    const startRow = screen.getByRole('rowheader', { name: 'Start date' }).closest('tr');
    expect(startRow?.textContent).toContain(
      new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date('2026-03-04T00:00:00Z'),
      ),
    );
    expect(startRow?.textContent).not.toContain('2026-03-04');
  });

  it('records actuals (bad values refused beside the field) and shows saved accuracy', async () => {
    const user = userEvent.setup();
    const me = await loggedIn('coach');
    const f = await call<{ id: string; p85Weeks: number }>(
      '/api/forecasts',
      { kind: 'simulate', input: SIMULATE_INPUT },
      me.csrf,
    );
    renderApp(`#/forecast?id=${f.id}`);
    await screen.findByTestId('saved-kpis');

    const before = api.calls.length;
    await user.click(screen.getByRole('button', { name: 'Record actual' }));
    expect(document.getElementById('actual-actualWeeks-error')?.textContent).toMatch(/^Give /);
    await user.type(screen.getByLabelText('Weeks it took'), 'eleven');
    await user.click(screen.getByRole('button', { name: 'Record actual' }));
    expect(document.getElementById('actual-actualWeeks-error')?.textContent).toBe(
      '“eleven” is not a number.',
    );
    expect(api.calls.slice(before)).toEqual([]);

    const actual = Math.round(f.p85Weeks * 1.1 * 10) / 10;
    await user.clear(screen.getByLabelText('Weeks it took'));
    await user.type(screen.getByLabelText('Weeks it took'), String(actual));
    await user.click(screen.getByRole('button', { name: 'Record actual' }));
    const rows = await screen.findByTestId('actuals');
    const expected = Math.round(((actual - f.p85Weeks) / f.p85Weeks) * 1000) / 10;
    expect(within(rows).getByText(`+${expected.toFixed(1).replace(/\.0$/, '')}%`)).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Accuracy of saved forecasts' }));
    const kpis = await screen.findByTestId('saved-accuracy');
    expect(within(kpis).getByText('Forecasts with actuals').nextSibling?.textContent).toBe('1');
    // The trust rules: judged by P85 with the number of pairs, one missed pair is not
    // "Excellent", and the pair's error reads as on the actuals list (same sign and base).
    expect(screen.getByTestId('headline').textContent).toBe(
      '0 of 1 actuals on or before the forecast (0%)',
    );
    expect(screen.getByTestId('quality').textContent).toBe(
      'Quality: Too few to judge (under 5 pairs)',
    );
    const pairs = screen.getByTestId('accuracy-pairs');
    expect(within(pairs).getByText(`+${expected.toFixed(1).replace(/\.0$/, '')}%`)).toBeTruthy();
  });

  it('imports another account’s export as new forecasts, listed until filed in a project', async () => {
    const user = userEvent.setup();
    const a = await loggedIn('exporter');
    await call(
      '/api/forecasts',
      { kind: 'simulate', input: SIMULATE_INPUT, name: 'Shared plan' },
      a.csrf,
    );
    const exported = await call<{ forecasts: unknown[] }>('/api/forecasts/export');
    expect(exported.forecasts).toHaveLength(1);
    api.clearCookies();
    const b = await loggedIn('importer');
    const project = await call<{ id: string }>('/api/projects', { name: 'Imported work' }, b.csrf);

    renderApp('#/projects');
    await screen.findByRole('link', { name: 'Imported work' });
    const file = new File([JSON.stringify(exported)], 'forecasts.json', {
      type: 'application/json',
    });
    await user.upload(screen.getByLabelText('JSON file to import'), file);
    await screen.findByText('Forecasts imported: 1.');
    const unfiled = await screen.findByTestId('unfiled');
    await user.click(within(unfiled).getByRole('link', { name: 'Shared plan' }));

    await screen.findByTestId('saved-kpis');
    await screen.findByRole('option', { name: 'Imported work' });
    await user.selectOptions(screen.getByLabelText('Project'), 'Imported work');
    await screen.findByText('Moved.');
    const { items } = await call<{ items: { name: string }[] }>(
      `/api/forecasts?projectId=${project.id}`,
    );
    expect(items.map((f) => f.name)).toEqual(['Shared plan']);

    // A file that is not an export is refused before anything is sent.
    window.location.hash = '#/projects';
    const input = await screen.findByLabelText('JSON file to import');
    const before = api.calls.length;
    await user.upload(input, new File(['{"hello": 1}'], 'x.json', { type: 'application/json' }));
    await screen.findByText('This file is not JSON exported by Flow Forecaster.');
    expect(api.calls.slice(before).filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('shows another user’s forecast to nobody else', async () => {
    const owner = await loggedIn('owner');
    const f = await call<{ id: string }>(
      '/api/forecasts',
      { kind: 'simulate', input: SIMULATE_INPUT, name: 'Secret plan' },
      owner.csrf,
    );
    api.clearCookies();
    await loggedIn('snoop');
    renderApp(`#/forecast?id=${f.id}`);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not found/);
    expect(screen.queryByText('Secret plan')).toBeNull();
  });
});

describe('tokens and admin', () => {
  it('shows a new token once, lists it by name and revokes it', async () => {
    const user = userEvent.setup();
    await loggedIn('scripter');
    const { unmount } = renderApp('#/tokens');
    await screen.findByText('No tokens yet.');
    await user.type(screen.getByLabelText('Token name'), 'CI pipeline');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const secret = (await screen.findByTestId('new-token')) as HTMLInputElement;
    expect(secret.value.length).toBeGreaterThan(20);

    // The token works as a bearer token for scripts, without cookie or CSRF token.
    const res = await fetch(`${api.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${secret.value}` },
    });
    expect(((await res.json()) as { user: { email: string } }).user.email).toMatch(/^scripter-/);

    unmount();
    renderApp('#/tokens');
    const table = await screen.findByTestId('tokens');
    expect(within(table).getByText('CI pipeline')).toBeTruthy();
    expect(screen.queryByTestId('new-token')).toBeNull();
    expect(document.body.textContent).not.toContain(secret.value);

    await user.click(within(table).getByRole('button', { name: 'Revoke: CI pipeline' }));
    await screen.findByText('No tokens yet.');
  });

  it('shows each token’s scopes and creates a token with only the scopes picked', async () => {
    const user = userEvent.setup();
    await loggedIn('scoped');
    renderApp('#/tokens');
    await screen.findByText('No tokens yet.');
    const scopes = screen.getByTestId('token-scopes');
    const box = (name: RegExp) => within(scopes).getByRole('checkbox', { name });
    // Everything by default, as the API does.
    for (const name of [/^Read/, /^Run forecasts/, /^Change saved data/]) {
      expect((box(name) as HTMLInputElement).checked).toBe(true);
    }
    // None at all is refused beside the choices, before anything is sent.
    await user.click(box(/^Read/));
    await user.click(box(/^Run forecasts/));
    await user.click(box(/^Change saved data/));
    await user.type(screen.getByLabelText('Token name'), 'Nothing');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await within(scopes).findByRole('alert')).textContent).toBe(
      'Pick at least one thing the token may do.',
    );
    expect(screen.queryByTestId('new-token')).toBeNull();

    await user.click(box(/^Read/));
    await user.clear(screen.getByLabelText('Token name'));
    await user.type(screen.getByLabelText('Token name'), 'Dashboard');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const secret = (await screen.findByTestId('new-token')) as HTMLInputElement;
    expect(screen.getByTestId('new-token-scopes').textContent).toBe('What it may do: Read');
    const table = await screen.findByTestId('tokens');
    const row = within(table).getByText('Dashboard').closest('tr')!;
    expect(within(row).getByText('Read')).toBeTruthy();

    // The server holds the token to its scope: it reads but cannot run a forecast.
    const bearer = { authorization: `Bearer ${secret.value}` };
    expect((await fetch(`${api.url}/api/projects`, { headers: bearer })).status).toBe(200);
    const run = await fetch(`${api.url}/api/simulate`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify(SIMULATE_INPUT),
    });
    expect(run.status).toBe(403);
  });

  it('lets the admin make an instructor and assign them a student', async () => {
    const user = userEvent.setup();
    const student = await loggedIn('student');
    await call(
      '/api/forecasts',
      { kind: 'simulate', input: SIMULATE_INPUT, name: 'Homework 1' },
      student.csrf,
    );
    api.clearCookies();
    const teacher = await loggedIn('teacher');
    api.clearCookies();
    await call('/api/auth/login', { email: 'admin@example.com', password: PASSWORD });

    renderApp('#/admin');
    const table = await screen.findByTestId('admin-users');
    const teacherRole = within(table).getByLabelText(`Role: ${teacher.email}`);
    await user.selectOptions(teacherRole, 'instructor');
    await screen.findByText(`Saved the changes to ${teacher.email}.`);
    const studentsInstructor = within(table).getByLabelText(`Instructor: ${student.email}`);
    await user.selectOptions(
      studentsInstructor,
      within(studentsInstructor).getByRole('option', { name: teacher.email }),
    );
    await screen.findByText(`Saved the changes to ${student.email}.`);
    // A student account cannot be made anyone's instructor: the list offers only instructors.
    expect(
      within(within(table).getByLabelText(`Instructor: ${teacher.email}`)).queryByRole('option', {
        name: student.email,
      }),
    ).toBeNull();
    // The admin's own role and active flag are locked, so they cannot lock themselves out.
    expect(
      (within(table).getByLabelText('Role: admin@example.com') as HTMLSelectElement).disabled,
    ).toBe(true);
    const { items } = await call<{
      items: { id: string; email: string; role: string; instructorId: string | null }[];
    }>('/api/admin/users');
    const t = items.find((u) => u.email === teacher.email)!;
    expect(t.role).toBe('instructor');
    expect(items.find((u) => u.email === student.email)?.instructorId).toBe(t.id);
  });

  it('shows an instructor their students’ work and a student no admin page', async () => {
    // Continues from the previous test's accounts through the API alone.
    const admin = await call<{ csrfToken: string }>('/api/auth/login', {
      email: 'admin@example.com',
      password: PASSWORD,
    });
    const teacher = await loggedIn('teacher2');
    const student = await loggedIn('student2');
    await call(
      '/api/forecasts',
      { kind: 'simulate', input: SIMULATE_INPUT, name: 'Homework 2' },
      student.csrf,
    );
    await call('/api/projects', { name: 'Class project' }, student.csrf);
    api.clearCookies();
    await call('/api/auth/login', { email: 'admin@example.com', password: PASSWORD });
    const { items } = await call<{ items: { id: string; email: string }[] }>('/api/admin/users');
    const id = (address: string) => items.find((u) => u.email === address)!.id;
    const patch = (uid: string, body: unknown) =>
      fetch(`/api/admin/users/${uid}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken },
        body: JSON.stringify(body),
      });
    // The admin's fresh login replaced the csrf token of the earlier one.
    const fresh = await call<{ csrfToken: string }>('/api/auth/me');
    admin.csrfToken = fresh.csrfToken;
    expect((await patch(id(teacher.email), { role: 'instructor' })).status).toBe(200);
    expect((await patch(id(student.email), { instructorId: id(teacher.email) })).status).toBe(200);

    api.clearCookies();
    await call('/api/auth/login', { email: teacher.email, password: PASSWORD });
    const first = renderApp('#/admin');
    await screen.findByRole('heading', { name: 'My students', level: 1 });
    const work = await screen.findByTestId('students-work');
    expect(within(work).getByText('Homework 2')).toBeTruthy();
    // Whose work it is, by the student's account, not a short id.
    expect(await within(work).findByText(student.email)).toBeTruthy();
    expect(screen.queryByTestId('admin-users')).toBeNull();
    first.unmount();
    // Their students' projects are listed apart, to read, without the owner's buttons.
    const projects = renderApp('#/projects');
    const others = await screen.findByTestId('others-projects');
    expect(within(others).getByRole('link', { name: 'Class project' })).toBeTruthy();
    expect(within(screen.getByTestId('projects')).queryByText('Class project')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive: Class project' })).toBeNull();
    projects.unmount();

    api.clearCookies();
    await call('/api/auth/login', { email: student.email, password: PASSWORD });
    renderApp('#/admin');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You do not have permission to see this.',
    );
  });
});
