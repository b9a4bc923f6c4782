import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Connection } from './api';
import { registerConnectionsTranslations } from './i18n';
import { ProjectConnections } from './ProjectConnections';

registerConnectionsTranslations();

/** Saved on the server, but its first pull could not reach the tracker. */
const failed: Connection = {
  id: 'c1',
  name: 'PAY board',
  tracker: 'jira',
  settings: { url: 'http://127.0.0.1:9', jql: 'project = PAY' },
  token: '****',
  syncEveryMinutes: null,
  lastSync: {
    at: '2026-12-06T10:00:00.000Z',
    status: 'failed',
    error: 'connect ECONNREFUSED 127.0.0.1:9',
    errorCode: 'unreachable',
    summary: null,
  },
  hasData: false,
};

vi.mock('./api', () => ({
  connectionsApi: {
    list: vi.fn(async () => ({ items: [], available: true })),
    create: vi.fn(async () => ({ ...failed, lastSync: null })),
    sync: vi.fn(async () => ({ connection: failed })),
  },
}));

/** Fills the new-connection form and sends it; the mocked server's first pull fails. */
async function connectFailing() {
  await userEvent.click(screen.getByRole('button', { name: 'Connect a tracker' }));
  await userEvent.type(screen.getByLabelText('Name', { exact: true }), 'PAY board');
  await userEvent.type(screen.getByLabelText('Site URL'), 'http://127.0.0.1:9');
  await userEvent.type(screen.getByLabelText('JQL query'), 'project = PAY');
  await userEvent.type(screen.getByLabelText('Token'), 'secret-token');
  await userEvent.click(screen.getByRole('button', { name: 'Connect and pull' }));
}

describe('a connection whose first pull failed', () => {
  it('is not announced as "no connection yet" while it is shown', async () => {
    render(<ProjectConnections projectId="p1" />);
    expect(await screen.findByText('No connection yet.')).toBeTruthy();
    await connectFailing();
    await screen.findByTestId('connection-first-pull-failed');
    expect(screen.queryByText('No connection yet.')).toBeNull();
  });
});

describe('the tracker’s own words after a failed pull', () => {
  it('are named as the tracker’s message, so English on a translated page says why', async () => {
    render(<ProjectConnections projectId="p1" />);
    await screen.findByText('No connection yet.');
    await connectFailing();
    const detail = await screen.findByTestId('connection-sync-detail');
    expect(detail.textContent).toBe('Message from Jira: connect ECONNREFUSED 127.0.0.1:9');
    const { i18next } = await import('../../i18n');
    for (const [lng, label] of [
      ['pt-BR', 'Mensagem original do Jira: x'],
      ['es', 'Mensaje original de Jira: x'],
    ] as const) {
      const tracker = i18next.t('connections.trackers.jira', { lng });
      expect(i18next.t('connections.detail', { detail: 'x', tracker, lng })).toBe(label);
    }
  });
});
