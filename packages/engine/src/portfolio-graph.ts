/**
 * The "depends on" graph between portfolio features: validation (unknown names, cycles) and
 * the dependency-respecting order used for the CD3 suggestion.
 */
import { EngineInputError } from './errors';

/** Indexes of each feature's dependencies; throws naming the field for unknown names or cycles. */
export function resolveDependencies(
  names: readonly string[],
  dependsOn: readonly (readonly string[] | undefined)[],
): number[][] {
  const index = new Map(names.map((n, i) => [n, i]));
  const deps = dependsOn.map((list, f) =>
    (list ?? []).map((name, j) => {
      const d = index.get(name);
      if (d === undefined) {
        throw new EngineInputError(
          `feature "${names[f]}" depends on "${name}", which is not a feature of this portfolio`,
          `features.${f}.dependsOn.${j}`,
        );
      }
      if (d === f) {
        throw new EngineInputError(
          `feature "${names[f]}" depends on itself`,
          `features.${f}.dependsOn.${j}`,
        );
      }
      return d;
    }),
  );
  const cycle = findCycle(deps);
  if (cycle !== null) {
    const path = [...cycle, cycle[0]].map((i) => names[i]).join(' → ');
    throw new EngineInputError(
      `the dependencies form a cycle (${path}, each waiting for the next), so none of them could ever start`,
      `features.${cycle[0]}.dependsOn`,
    );
  }
  return deps;
}

/** A cycle as feature indexes in dependency order, or null (iterative three-colour DFS). */
export function findCycle(deps: readonly (readonly number[])[]): number[] | null {
  const n = deps.length;
  const colour = new Uint8Array(n); // 0 unseen, 1 on the stack, 2 done
  const parent = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (colour[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    colour[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i >= deps[v].length) {
        colour[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const w = deps[v][i];
      if (colour[w] === 1) {
        const cycle = [w];
        for (let u = v; u !== w; u = parent[u]) cycle.push(u);
        cycle.reverse();
        // Start at the first-listed feature, so the message names the same field however
        // the search reached the cycle.
        const first = cycle.indexOf(Math.min(...cycle));
        return [...cycle.slice(first), ...cycle.slice(0, first)];
      }
      if (colour[w] === 0) {
        colour[w] = 1;
        parent[w] = v;
        stack.push([w, 0]);
      }
    }
  }
  return null;
}

/**
 * Features by descending `score`, ties in their current order, never before a feature they
 * depend on: each step takes the best-scoring feature whose dependencies are already placed.
 */
export function orderByScore(
  score: readonly number[],
  deps: readonly (readonly number[])[],
): number[] {
  const n = score.length;
  const placed = new Uint8Array(n);
  const order: number[] = [];
  while (order.length < n) {
    let best = -1;
    for (let f = 0; f < n; f++) {
      if (placed[f] || !deps[f].every((d) => placed[d] === 1)) continue;
      if (best < 0 || score[f] > score[best]) best = f;
    }
    placed[best] = 1;
    order.push(best);
  }
  return order;
}
