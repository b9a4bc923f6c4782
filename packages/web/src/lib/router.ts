import { useSyncExternalStore } from 'react';

/**
 * Hash routes (`#/when?s=…`): they work from any static host and from the service worker's
 * cached shell without server rewrites, and need no router dependency.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

function read(): string {
  return typeof window === 'undefined' ? '' : window.location.hash;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = (q >= 0 ? raw.slice(0, q) : raw) || '/';
  return { path, query: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '') };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, read, () => '');
  return parseHash(hash);
}

export function href(path: string, query?: Record<string, string>): string {
  const qs = query ? new URLSearchParams(query).toString() : '';
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string>): void {
  window.location.hash = href(path, query);
}

/** Replaces the query without adding a history entry or re-rendering a different page. */
export function replaceQuery(path: string, query: Record<string, string>): void {
  const url = `${window.location.pathname}${window.location.search}${href(path, query)}`;
  window.history.replaceState(null, '', url);
}
