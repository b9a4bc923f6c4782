import { href, navigate } from '../../lib/router';
import { readPending } from './pending';

/** A `next` target is only ever one of our own hash paths, never a URL somewhere else. */
const SAFE_NEXT = /^\/[a-z-]+(\?[\w=&%.-]*)?$/;

export function safeNext(next: string | null | undefined): string | null {
  return next && SAFE_NEXT.test(next) ? next : null;
}

/** The current page as a `next` value, so login brings the user back here. */
export function currentTarget(): string {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  return safeNext(raw) ?? '/projects';
}

export function loginHref(next?: string): string {
  return href('/login', next ? { next } : undefined);
}

/** Where to go once logged in: a forecast waiting to be saved wins over everything else. */
export function goAfterLogin(next: string | null): void {
  if (readPending()) {
    navigate('/save');
    return;
  }
  const target = safeNext(next);
  if (target) window.location.hash = `#${target}`;
  else navigate('/projects');
}
