// 100,000 work items like a large tracker export over four years: ISO dates, four types,
// three workflow states for the ones in progress, a few hundred not started.
import { isoOfDay, type FlowItemInput } from '../src/index';

export function benchFlowItems(n: number): FlowItemInput[] {
  const base = 19_700; // 2023-12-09
  const types = ['Story', 'Bug', 'Task', 'Spike'];
  const states = ['Doing', 'Review', 'Test'];
  let x = 12345;
  const next = (m: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % m;
  };
  return Array.from({ length: n }, (_, i): FlowItemInput => {
    const created = base + Math.floor((i / n) * 1460);
    const started = created + next(20);
    const cycle = 1 + next(25);
    const open = i > n - 400;
    return {
      id: `ITEM-${i + 1}`,
      type: types[i % 4],
      created: isoOfDay(created),
      started: open && i % 3 === 0 ? null : isoOfDay(started),
      done: open ? null : isoOfDay(started + cycle - 1),
      state: open ? states[i % 3] : 'Done',
    };
  });
}
