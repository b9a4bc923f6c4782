import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, useLocation } from '../../lib/router';
import { decodeShare, sharePagePath } from '../../lib/share';

/**
 * `#/open?s=<code>`: opens any share code (one the app wrote or one `/api/encode` made) on the
 * page of its kind, which then runs it. The redirect replaces this entry, so Back does not
 * bounce here again.
 */
export default function OpenSharePage() {
  const { t } = useTranslation();
  const code = useLocation().query.get('s');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setFailed(false);
    void decodeShare(code).then((opened) => {
      if (!live) return;
      const path = opened?.kind !== undefined ? sharePagePath(opened.kind) : undefined;
      if (path && code) window.location.replace(href(path, { s: code }));
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [code]);

  return (
    <section>
      <h1>{t('common.openShare')}</h1>
      <p role={failed ? 'alert' : 'status'}>
        {failed ? t('common.openShareFailed') : t('common.openingShare')}
      </p>
    </section>
  );
}
