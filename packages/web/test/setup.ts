import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '../src/i18n';

// Tests read English unless they switch; the browser's language must not leak in.
initI18n('en');

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
