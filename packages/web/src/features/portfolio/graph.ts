/**
 * The layout of the dependency graph the page draws: each feature in the column of its depth
 * (how many features wait in a chain before it), in priority order within a column, and an
 * edge from each dependency to the feature waiting for it. Read from the form as typed, so it
 * follows every edit; names that are not features and cycles draw nothing (the form's errors
 * say why).
 */
import type { FeatureRow } from './form';

export interface GraphNode {
  name: string;
  /** Index in priority order. */
  index: number;
  column: number;
  row: number;
  waitsFor: string[];
  blocks: string[];
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: { from: string; to: string }[];
  columns: number;
  rows: number;
}

function dependencyNames(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Null when no feature waits for another, or the dependencies loop. */
export function graphLayout(features: readonly FeatureRow[]): GraphLayout | null {
  const names = features.map((f) => f.name.trim());
  const known = new Set(names.filter((n) => n !== ''));
  const waits = new Map<string, string[]>();
  features.forEach((f, i) => {
    if (names[i] === '') return;
    const deps = [...new Set(dependencyNames(f.dependsOn))].filter(
      (d) => known.has(d) && d !== names[i],
    );
    waits.set(names[i], deps);
  });
  const edges = [...waits].flatMap(([to, deps]) => deps.map((from) => ({ from, to })));
  if (edges.length === 0) return null;

  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (n: string): number | null => {
    const known = depth.get(n);
    if (known !== undefined) return known;
    if (visiting.has(n)) return null;
    visiting.add(n);
    let d = 0;
    for (const dep of waits.get(n) ?? []) {
      const dd = depthOf(dep);
      if (dd === null) return null;
      d = Math.max(d, dd + 1);
    }
    visiting.delete(n);
    depth.set(n, d);
    return d;
  };
  for (const n of waits.keys()) if (depthOf(n) === null) return null;

  const perColumn: number[] = [];
  const nodes: GraphNode[] = [];
  names.forEach((name, index) => {
    if (name === '' || nodes.some((n) => n.name === name)) return;
    const column = depth.get(name) ?? 0;
    const row = perColumn[column] ?? 0;
    perColumn[column] = row + 1;
    nodes.push({
      name,
      index,
      column,
      row,
      waitsFor: waits.get(name) ?? [],
      blocks: edges.filter((e) => e.from === name).map((e) => e.to),
    });
  });
  return { nodes, edges, columns: perColumn.length, rows: Math.max(...perColumn) };
}

/** Everything `name` waits for, directly or through others, and everything waiting for it. */
export function chainOf(layout: GraphLayout, name: string): { up: Set<string>; down: Set<string> } {
  const walk = (start: string, next: (n: string) => string[]) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      for (const m of next(stack.pop() as string)) {
        if (!seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      }
    }
    return seen;
  };
  const byName = new Map(layout.nodes.map((n) => [n.name, n]));
  return {
    up: walk(name, (n) => byName.get(n)?.waitsFor ?? []),
    down: walk(name, (n) => byName.get(n)?.blocks ?? []),
  };
}
