import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether the box's content is wider than the box, and whether some of it lies right of view. */
function useSidewaysMore(el: HTMLElement | null): { scrolls: boolean; more: boolean } {
  const [state, setState] = useState({ scrolls: false, more: false });
  useEffect(() => {
    if (!el) return;
    const check = () => {
      // A pixel of slack: rounding can leave the last one out of view when nothing is.
      const hidden = el.scrollWidth - el.clientWidth;
      const next = { scrolls: hidden > 1, more: hidden - el.scrollLeft > 1 };
      setState((s) => (s.scrolls === next.scrolls && s.more === next.more ? s : next));
    };
    check();
    el.addEventListener('scroll', check, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', check);
      observer?.disconnect();
    };
  }, [el]);
  return state;
}

/**
 * Wide tables scroll sideways on phones; the scroll area takes keyboard focus so people who do
 * not use a pointer can scroll it too. When columns are out of view, a line above says so and
 * the right edge fades out until the last column is reached: a clipped table otherwise looks
 * complete ("weeks (one person)" hidden on a phone with nothing to show it is there).
 */
export function TableWrap({ label, children }: { label?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const { scrolls, more } = useSidewaysMore(el);
  return (
    <div className="table-scroll" data-more={more ? 'right' : undefined}>
      {scrolls && (
        <p className="table-scroll__hint" aria-hidden="true" data-testid="table-scroll-hint">
          {t('common.scrollForMore')}
        </p>
      )}
      <div
        ref={setEl}
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={label ?? t('common.table')}
      >
        {children}
      </div>
    </div>
  );
}
