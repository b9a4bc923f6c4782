import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { initI18n, loadAllLanguages } from '../src/i18n';

// Tests read English unless they switch; the browser's language must not leak in.
initI18n('en');
// Tests may read any language's strings by `lng` without switching to it first.
await loadAllLanguages();

// Real engine runs and lazy chunks take longer than the 1 s default on a busy 2-core machine.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  // The build-budget test runs in Node, without a DOM.
  if (typeof window === 'undefined') return;
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
