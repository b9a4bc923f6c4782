import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenSchema } from '@flow-forecaster/schemas';
import { Field } from '../../../components/Field';
import { tokensApi } from '../api';
import { FormAlert } from '../auth/common';
import { useAccountForm } from '../form';
import { ErrorNotice, RequireLogin, useDateTime, useLoad, TableWrap } from '../ui';

export default function TokensPage() {
  return (
    <RequireLogin>
      <Tokens />
    </RequireLogin>
  );
}

/** Personal API tokens for scripts and the `ff` CLI; the secret is shown once, at creation. */
function Tokens() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const list = useLoad(() => tokensApi.list(), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const form = useAccountForm(tokenSchema, 'token');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit({ name }, async (v) => {
      const reply = await tokensApi.create(v);
      setCreated({ name: v.name, token: reply.token });
      setCopied(false);
      setName('');
      await list.reload();
    });
  };

  const revoke = async (id: string) => {
    setRevokeError(null);
    try {
      await tokensApi.revoke(id);
      await list.reload();
    } catch (err) {
      setRevokeError(err);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch (_e) {
      // Without clipboard access the field stays selected for a manual copy.
      setCopied(false);
    }
  };

  const rows = list.data ?? [];
  return (
    <div>
      <h1>{t('account.tokens.title')}</h1>
      <p className="lead">{t('account.tokens.lead')}</p>
      <div className="layout">
        <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="token-new-title">
          <h2 id="token-new-title">{t('account.tokens.new')}</h2>
          <FormAlert message={form.formError} />
          <Field
            id={form.id('name')}
            label={t('account.tokens.name')}
            hint={t('account.tokens.nameHint')}
            error={form.errors.name}
          >
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <button type="submit" className="btn btn--primary" disabled={form.busy}>
            {t('account.tokens.create')}
          </button>
          {created && (
            <div className="notice notice--warn" role="status">
              <p>
                <strong>{t('account.tokens.once', { name: created.name })}</strong>
              </p>
              <input
                className="token-once"
                readOnly
                value={created.token}
                aria-label={t('account.tokens.secret')}
                data-testid="new-token"
                onFocus={(e) => e.currentTarget.select()}
              />
              <p className="account-actions">
                <button type="button" className="btn btn--small" onClick={() => void copy()}>
                  {t('account.tokens.copy')}
                </button>
                {copied && <span>{t('common.linkCopied')}</span>}
              </p>
              <p className="field__hint">{t('account.tokens.usage')}</p>
            </div>
          )}
        </form>
        <section className="card" aria-labelledby="tokens-list-title">
          <h2 id="tokens-list-title">{t('account.tokens.list')}</h2>
          <ErrorNotice error={list.error ?? revokeError} />
          {list.data && rows.length === 0 && <p className="empty">{t('account.tokens.none')}</p>}
          {rows.length > 0 && (
            <TableWrap label={t('account.tokens.list')}>
              <table data-testid="tokens">
                <thead>
                  <tr>
                    <th scope="col">{t('account.tokens.name')}</th>
                    <th scope="col">{t('account.fields.created')}</th>
                    <th scope="col">{t('account.tokens.lastUsed')}</th>
                    <th scope="col">{t('account.fields.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((tok) => (
                    <tr key={tok.id}>
                      <td>{tok.name}</td>
                      <td>{dateTime(tok.createdAt)}</td>
                      <td>
                        {tok.lastUsedAt ? dateTime(tok.lastUsedAt) : t('account.tokens.never')}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--small btn--danger"
                          onClick={() => void revoke(tok.id)}
                          aria-label={`${t('account.tokens.revoke')}: ${tok.name}`}
                        >
                          {t('account.tokens.revoke')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      </div>
    </div>
  );
}
