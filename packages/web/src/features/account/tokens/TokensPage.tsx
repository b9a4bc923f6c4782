import { useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_SCOPES, tokenSchema, type TokenScope } from '@flow-forecaster/schemas';
import { Field } from '../../../components/Field';
import { tokensApi, type ApiToken } from '../api';
import { FormAlert } from '../auth/common';
import { useAccountForm } from '../form';
import { ErrorNotice, RequireLogin, useDateTime, useLoad, TableWrap } from '../ui';
import { DataRows } from '../../shared/TableHead';

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
  const list = useLoad(() => tokensApi.list(), []);
  return (
    <div>
      <h1>{t('account.tokens.title')}</h1>
      <p className="lead">{t('account.tokens.lead')}</p>
      <div className="layout">
        <NewTokenForm reload={list.reload} />
        <TokenList rows={list.data} loadError={list.error} reload={list.reload} />
      </div>
    </div>
  );
}

interface CreatedToken {
  name: string;
  token: string;
  scopes: TokenScope[];
}

/** The scopes of a token, in words; tokens from before scopes existed may do everything. */
function useScopeText() {
  const { t } = useTranslation();
  return (list: TokenScope[] | undefined) =>
    (list ?? TOKEN_SCOPES).map((s) => t(`account.tokens.scope.${s}`)).join(', ');
}

/** The form that creates a token, then shows its secret until the next one is made. */
function NewTokenForm({ reload }: { reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([...TOKEN_SCOPES]);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useAccountForm(tokenSchema, 'token');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit({ name, scopes }, async (v) => {
      const reply = await tokensApi.create(v);
      setCreated({ name: v.name, token: reply.token, scopes: reply.scopes ?? v.scopes });
      setName('');
      setScopes([...TOKEN_SCOPES]);
      await reload();
    });
  };

  return (
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
      <ScopeChoice form={form} scopes={scopes} setScopes={setScopes} />
      <button type="submit" className="btn btn--primary" disabled={form.busy}>
        {t('account.tokens.create')}
      </button>
      {/* Keyed by the secret so a new token starts with "copied" cleared. */}
      {created && <CreatedNotice key={created.token} created={created} />}
    </form>
  );
}

type TokenForm = ReturnType<typeof useAccountForm<typeof tokenSchema>>;

/** One checkbox per scope, with its hint, and the error when none is ticked. */
function ScopeChoice({
  form,
  scopes,
  setScopes,
}: {
  form: TokenForm;
  scopes: TokenScope[];
  setScopes: Dispatch<SetStateAction<TokenScope[]>>;
}) {
  const { t } = useTranslation();
  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((now) => TOKEN_SCOPES.filter((s) => (s === scope ? on : now.includes(s))));
  return (
    <fieldset
      className="token-scopes"
      aria-describedby={form.errors.scopes ? form.id('scopes-error') : undefined}
      data-testid="token-scopes"
    >
      <legend>{t('account.tokens.scopes')}</legend>
      {TOKEN_SCOPES.map((scope) => (
        <label className="checkbox" key={scope}>
          <input
            type="checkbox"
            checked={scopes.includes(scope)}
            onChange={(e) => toggle(scope, e.target.checked)}
            aria-describedby={form.id(`scope-${scope}-hint`)}
          />
          <span>
            {t(`account.tokens.scope.${scope}`)}
            <span className="field__hint" id={form.id(`scope-${scope}-hint`)}>
              {' '}
              — {t(`account.tokens.scopeHint.${scope}`)}
            </span>
          </span>
        </label>
      ))}
      {form.errors.scopes && (
        <p className="field__error" id={form.id('scopes-error')} role="alert">
          {t('account.tokens.scopesNone')}
        </p>
      )}
    </fieldset>
  );
}

/** The new secret, shown this once, with a copy button. */
function CreatedNotice({ created }: { created: CreatedToken }) {
  const { t } = useTranslation();
  const scopeText = useScopeText();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch (_e) {
      // Without clipboard access the field stays selected for a manual copy.
      setCopied(false);
    }
  };

  return (
    <div className="notice notice--warn" role="status">
      <p>
        <strong>{t('account.tokens.once', { name: created.name })}</strong>
      </p>
      <p data-testid="new-token-scopes">
        {t('account.tokens.scopes')}: {scopeText(created.scopes)}
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
  );
}

/** The user's tokens, each with a revoke button. */
function TokenList({
  rows: loaded,
  loadError,
  reload,
}: {
  rows: ApiToken[] | null;
  loadError: unknown;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const scopeText = useScopeText();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async (id: string) => {
    setRevokeError(null);
    try {
      await tokensApi.revoke(id);
      await reload();
    } catch (err) {
      setRevokeError(err);
    }
  };

  const rows = loaded ?? [];
  return (
    <section className="card" aria-labelledby="tokens-list-title">
      <h2 id="tokens-list-title">{t('account.tokens.list')}</h2>
      <ErrorNotice error={loadError ?? revokeError} />
      {loaded && rows.length === 0 && <p className="empty">{t('account.tokens.none')}</p>}
      {rows.length > 0 && (
        <TableWrap label={t('account.tokens.list')}>
          <table data-testid="tokens">
            <DataRows
              rows={rows}
              rowKey={(tok) => tok.id}
              columns={[
                [t('account.tokens.name'), (tok) => tok.name],
                [t('account.tokens.scopes'), (tok) => scopeText(tok.scopes)],
                [t('account.fields.created'), (tok) => dateTime(tok.createdAt)],
                [
                  t('account.tokens.lastUsed'),
                  (tok) => (tok.lastUsedAt ? dateTime(tok.lastUsedAt) : t('account.tokens.never')),
                ],
                [
                  t('account.fields.actions'),
                  (tok) => (
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      onClick={() => void revoke(tok.id)}
                      aria-label={`${t('account.tokens.revoke')}: ${tok.name}`}
                    >
                      {t('account.tokens.revoke')}
                    </button>
                  ),
                ],
              ]}
            />
          </table>
        </TableWrap>
      )}
    </section>
  );
}
