import { describe, expect, it } from 'vitest';
import { settingsOf } from './fields';

describe('connection settings from the form', () => {
  it('sends a GitHub board as its number, with its status field', () => {
    expect(
      settingsOf('github', { repo: 'acme/pay', project: ' 5 ', statusField: 'Stage', apiUrl: '' }),
    ).toEqual({ tracker: 'github', repo: 'acme/pay', project: 5, statusField: 'Stage' });
  });

  it('leaves empty optional fields out, and keeps ADO’s project as text', () => {
    expect(settingsOf('github', { repo: 'acme/pay' })).toEqual({
      tracker: 'github',
      repo: 'acme/pay',
    });
    expect(
      settingsOf('ado', { org: 'https://dev.azure.com/acme', project: 'Pay', wiql: 'x' }),
    ).toMatchObject({ project: 'Pay' });
  });
});
