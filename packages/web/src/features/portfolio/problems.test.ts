import { describe, expect, it } from 'vitest';
import { exampleForm } from './form';
import { firstProblem } from './problems';

describe('the portfolio form’s first problem', () => {
  const form = exampleForm('2026-01-05');

  it('names a team row’s field by its label and the team', () => {
    expect(firstProblem({ 'teams.1.tpSamples': 'Value 2: Must be at least 0.' }, form)).toEqual({
      field: 'teams.1.tpSamples',
      labelKey: 'samples',
      row: form.teams[1].name,
      message: 'Value 2: Must be at least 0.',
    });
  });

  it('names a feature cell and a form field; none without errors', () => {
    expect(firstProblem({ 'features.0.costOfDelayPerWeek': 'x' }, form)?.labelKey).toBe(
      'costOfDelay',
    );
    expect(firstProblem({ targetDate: 'y' }, form)).toEqual({
      field: 'targetDate',
      labelKey: 'portfolioTarget',
      row: null,
      message: 'y',
    });
    expect(firstProblem({}, form)).toBeNull();
  });
});
