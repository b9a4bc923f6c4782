import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { PortfolioForm } from './form';
import { deletePortfolio, savePortfolio, useSavedPortfolios, type SavedPortfolio } from './saved';

/**
 * Save the portfolio in this browser (no account), and the list of those saved, each
 * reopenable: opening restores its form and seed and runs it, so its numbers come back.
 */
export function SavedLocally({
  form,
  seed,
  onOpen,
}: {
  form: PortfolioForm;
  seed: number | null;
  onOpen: (saved: SavedPortfolio) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { items } = useSavedPortfolios();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (name.trim() === '') {
      setError(t('portfolio.saveNameRequired'));
      setMessage(null);
      return;
    }
    setError(null);
    try {
      const saved = await savePortfolio(name, form, seed);
      setMessage(t('portfolio.savedDone', { name: saved.name }));
    } catch {
      setError(t('portfolio.saveFailed'));
    }
  };

  return (
    <section aria-labelledby="pf-local-title" className="fieldset" data-testid="pf-local">
      <h2 id="pf-local-title">{t('portfolio.savedTitle')}</h2>
      <p className="field__hint">{t('portfolio.savedHint')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="pf-local-name">{t('portfolio.saveName')}</label>
          <input
            id="pf-local-name"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'pf-local-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {error && (
            <span className="field__error" id="pf-local-name-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <button type="button" className="btn" onClick={() => void save()}>
          {t('portfolio.saveLocal')}
        </button>
      </div>
      {message && (
        <p className="field__hint" role="status" data-testid="pf-local-saved">
          {message}
        </p>
      )}
      {items.length === 0 ? (
        <p className="field__hint">{t('portfolio.savedNone')}</p>
      ) : (
        <ul className="saved-list" data-testid="pf-local-list">
          {items.map((p) => (
            <li key={p.id} data-name={p.name}>
              <strong>{p.name}</strong>{' '}
              <span className="field__hint">
                {t('portfolio.savedMeta', {
                  count: p.form.features.length,
                  date: fmt.shortDate(p.savedAt.slice(0, 10)),
                })}
              </span>{' '}
              <button type="button" className="btn btn--small" onClick={() => onOpen(p)}>
                {t('portfolio.openSaved', { name: p.name })}
              </button>{' '}
              <button
                type="button"
                className="btn btn--small"
                onClick={() => void deletePortfolio(p.id)}
              >
                {t('portfolio.deleteSaved', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
