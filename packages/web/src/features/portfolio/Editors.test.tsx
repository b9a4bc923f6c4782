import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FeaturesEditor, TeamsEditor } from './Editors';
import { exampleForm, type FeatureRow } from './form';
import { registerPortfolioTranslations } from './i18n';

registerPortfolioTranslations();

describe('portfolio editors', () => {
  it('labels each feature cell with its row, shows the cell errors, moves and removes rows', () => {
    const form = exampleForm('2026-01-05');
    const features: FeatureRow[] = form.features.slice(0, 2);
    const onChange = vi.fn();
    render(
      <FeaturesEditor
        features={features}
        teamNames={form.teams.map((t) => t.name)}
        errors={{ 'features.1.costOfDelayPerWeek': 'Not a number' }}
        onChange={onChange}
      />,
    );
    const second = features[1].name;
    const cost = screen.getByLabelText(`Cost of delay per week (${second})`);
    expect(cost.getAttribute('inputmode')).toBe('decimal');
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Not a number');
    expect(screen.getByLabelText(`Target date (${second})`).getAttribute('type')).toBe('date');

    fireEvent.change(screen.getByLabelText(`Waits for (features) (${second})`), {
      target: { value: features[0].name },
    });
    expect(onChange).toHaveBeenLastCalledWith([
      features[0],
      { ...features[1], dependsOn: features[0].name },
    ]);
    fireEvent.click(screen.getByRole('button', { name: `Move ${second} up` }));
    expect(onChange).toHaveBeenLastCalledWith([features[1], features[0]]);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${second}` }));
    expect(onChange).toHaveBeenLastCalledWith([features[0]]);
  });

  it('adds and removes teams', () => {
    const form = exampleForm('2026-01-05');
    const onChange = vi.fn();
    render(<TeamsEditor teams={form.teams} errors={{}} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add team' }));
    expect(onChange.mock.lastCall?.[0]).toHaveLength(form.teams.length + 1);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${form.teams[0].name}` }));
    expect(onChange).toHaveBeenLastCalledWith(form.teams.slice(1));
  });
});
