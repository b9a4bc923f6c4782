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

  it('shows a split feature’s items as the split’s sum, read-only, with where it comes from', () => {
    const form = exampleForm('2026-01-05');
    const features: FeatureRow[] = [
      form.features[0],
      { ...form.features[1], name: 'Ranged', team: '', parts: 'Payments: 2-4, Platform: 3' },
      form.features[2],
    ];
    render(
      <FeaturesEditor
        features={features}
        teamNames={form.teams.map((t) => t.name)}
        errors={{}}
        onChange={vi.fn()}
      />,
    );
    const split = screen.getByLabelText(`Items (8 or 6-10) (${features[0].name})`);
    expect(features[0].parts).toBe('Payments: 12, Platform: 5');
    expect((split as HTMLInputElement).value).toBe('17');
    expect((split as HTMLInputElement).readOnly).toBe(true);
    const hint = document.getElementById(split.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/split/);
    expect((screen.getByLabelText('Items (8 or 6-10) (Ranged)') as HTMLInputElement).value).toBe(
      '5-7',
    );
    const own = screen.getByLabelText(`Items (8 or 6-10) (${features[2].name})`);
    expect((own as HTMLInputElement).readOnly).toBe(false);
    expect((own as HTMLInputElement).value).toBe(features[2].size);
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
