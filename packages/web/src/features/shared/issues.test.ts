import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../i18n/format';
import { translateIssues } from './issues';
import '../../i18n';

describe('translateIssues', () => {
  it('counts a short string in characters and a short list in values', () => {
    const errors = translateIssues(
      [
        { field: 'token', code: 'too_few_items', params: { minimum: 4, unit: 'character' } },
        { field: 'tpSamples', code: 'too_few_items', params: { minimum: 2 } },
      ],
      i18next.t,
      formatterFor('en'),
    );
    expect(errors.token).toBe('Use at least 4 characters.');
    expect(errors.tpSamples).toBe('Give at least 2 values.');
  });
});
