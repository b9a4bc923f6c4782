import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DependencyGraph } from './DependencyGraph';
import { blankFeature, exampleForm, type FeatureRow } from './form';
import { chainOf, graphLayout } from './graph';
import { registerPortfolioTranslations } from './i18n';

const f = (name: string, dependsOn = ''): FeatureRow => ({ ...blankFeature, name, dependsOn });

describe('dependency graph layout', () => {
  it('puts each feature right of what it waits for, in priority order within a column', () => {
    const layout = graphLayout([
      f('A'),
      f('B', 'A'),
      f('C', 'B, A'),
      f('D'),
      f('E', 'A, Nope, E'),
    ])!;
    expect(layout.nodes.map((n) => [n.name, n.column, n.row])).toEqual([
      ['A', 0, 0],
      ['B', 1, 0],
      ['C', 2, 0],
      ['D', 0, 1],
      ['E', 1, 1],
    ]);
    expect(layout.edges).toEqual([
      { from: 'A', to: 'B' },
      { from: 'B', to: 'C' },
      { from: 'A', to: 'C' },
      { from: 'A', to: 'E' },
    ]);
    expect(layout.columns).toBe(3);
    const c = chainOf(layout, 'B');
    expect([...c.up]).toEqual(['A']);
    expect([...c.down]).toEqual(['C']);
    expect([...chainOf(layout, 'A').down].sort()).toEqual(['B', 'C', 'E']);
  });

  it('draws nothing without dependencies or with a cycle (the form names the cycle)', () => {
    expect(graphLayout([f('A'), f('B')])).toBeNull();
    expect(graphLayout([f('A', 'C'), f('B', 'A'), f('C', 'B')])).toBeNull();
  });

  it('highlights what blocks the chosen feature and what waits for it', async () => {
    registerPortfolioTranslations();
    const features = [...exampleForm('2026-01-05').features, f('Invoices', 'Export')];
    render(<DependencyGraph features={features} result={null} />);
    expect(screen.getByRole('img', { name: /Dependencies/ })).toBeTruthy();
    const node = (name: string) =>
      document.querySelector(`[data-node="${name}"]`)?.getAttribute('data-role');
    await userEvent.click(
      screen.getByRole('button', { name: 'Export: waits for Checkout; blocks Invoices' }),
    );
    expect(node('Export')).toBe('chosen');
    expect(node('Checkout')).toBe('blocker');
    expect(node('Invoices')).toBe('waiting');
    expect(node('Search')).toBe('none');
    expect(screen.getByTestId('pf-graph-chosen').textContent).toBe(
      'Export is blocked by Checkout and blocks Invoices.',
    );
    expect(document.querySelector('[data-edge="Checkout→Export"]')?.getAttribute('data-lit')).toBe(
      'true',
    );
  });
});
