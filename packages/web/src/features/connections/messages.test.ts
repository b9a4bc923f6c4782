import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { changeLanguage, i18next } from '../../i18n';
import { formatterFor } from '../../i18n/format';
import { formErrors, serverFieldError, syncErrorText } from './messages';
import { registerConnectionsTranslations } from './i18n';

registerConnectionsTranslations();

afterEach(async () => {
  await changeLanguage('en');
});

const body = (token: string, repo: string) => ({
  name: 'gh',
  settings: { tracker: 'github', repo },
  token,
  syncEveryMinutes: null,
});

describe('connection problems in the reader’s language', () => {
  it('puts each bad field of the form beside it, translated, before anything is sent', async () => {
    await changeLanguage('pt-BR');
    const errors = await formErrors(body('abc', 'not a repo'), i18next.t, formatterFor('pt-BR'));
    expect(Object.keys(errors).sort()).toEqual(['settings.repo', 'token']);
    for (const message of Object.values(errors)) {
      expect(message).not.toMatch(/must|token|settings/);
      expect(message.length).toBeGreaterThan(0);
    }
    expect(await formErrors(body('abcd', 'acme/app'), i18next.t, formatterFor('pt-BR'))).toEqual(
      {},
    );
  });

  it('puts the server’s refusal of a private address beside the field it names', async () => {
    await changeLanguage('pt-BR');
    const err = new ApiError(400, {
      code: 'FF_ERR_VALIDATION',
      field: 'settings.url',
      message: 'settings.url: 10.0.0.5 is a private, loopback or link-local address',
    });
    expect(serverFieldError(err, i18next.t)).toEqual({
      'settings.url':
        'Este endereço fica na rede interna do servidor; as conexões não podem acessá-lo.',
    });
    const other = new ApiError(400, {
      code: 'FF_ERR_VALIDATION',
      field: 'name',
      message: 'name: x',
    });
    expect(serverFieldError(other, i18next.t)).toEqual({ name: 'x' });
    expect(
      serverFieldError(new ApiError(409, { code: 'FF_ERR_CONFLICT', message: 'y' }), i18next.t),
    ).toBeNull();
  });

  it('says why a sync failed by its kind, keeping the tracker’s words as the detail', async () => {
    await changeLanguage('pt-BR');
    const detail = 'could not resolve jira.example: getaddrinfo ENOTFOUND';
    expect(syncErrorText(i18next.t, 'unreachable', detail)).toEqual({
      message: 'Não foi possível acessar o site do rastreador: confira o endereço.',
      detail,
    });
    // An unknown or missing kind shows the message as it came.
    expect(syncErrorText(i18next.t, 'new_kind', 'x')).toEqual({ message: 'x', detail: null });
    expect(syncErrorText(i18next.t, null, 'y')).toEqual({ message: 'y', detail: null });
  });
});
