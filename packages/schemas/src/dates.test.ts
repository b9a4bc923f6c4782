import { describe, expect, it } from 'vitest';
import { parseRequest } from './requests';
import { T12 } from './test-bodies';

const when = (startDate: unknown) =>
  parseRequest('when', { tpSamples: T12, backlog: 10, startDate });

describe('date fields', () => {
  it.each([
    ['2025-10-01', '2025-10-01'],
    ['01/10/2025', '2025-10-01'],
    ['01/10/25', '2025-10-01'],
    ['01-10-2025', '2025-10-01'],
    ['01.10.2025', '2025-10-01'],
    ['2025/10/01', '2025-10-01'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    const r = when(text);
    expect(r.ok && r.value.startDate).toBe(iso);
  });

  it.each(['31/02/2025', '2025-13-01', '10/31/2025', 'tomorrow', '', '29/02/2025'])(
    'rejects %j naming the field and listing the formats',
    (text) => {
      const r = when(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.field).toBe('startDate');
      expect(r.error.message).toContain('startDate');
      expect(r.error.message).toContain('DD/MM/YYYY');
      expect(r.error.message).toContain('YYYY-MM-DD');
      expect(r.issues[0]).toMatchObject({ code: 'invalid_date', params: { value: text } });
    },
  );

  it('rejects a number where a date belongs', () => {
    const r = when(20251001);
    expect(!r.ok && r.issues[0].code).toBe('wrong_type');
  });

  it('normalises both deadline dates', () => {
    const r = parseRequest('deadline', {
      tpSamples: [10],
      backlog: 20,
      startDate: '01.10.2025',
      deadlineDate: '16/10/2025',
    });
    expect(r.ok && [r.value.startDate, r.value.deadlineDate]).toEqual(['2025-10-01', '2025-10-16']);
  });

  it('leaves work-item dates to the engine but bounds their type and size', () => {
    const ok = ['2025-03-06T17:15:00.000Z', '06/Mar/25 5:15 PM', null];
    for (const done of ok) expect(parseRequest('history', { items: [{ done }] }).ok).toBe(true);
    for (const done of [20250306, 'x'.repeat(65), ['2025-03-06']]) {
      const r = parseRequest('history', { items: [{ start: '2025-03-01' }, { done }] });
      expect(!r.ok && r.error.field).toBe('items.1.done');
    }
    const r = parseRequest('history', { items: [], from: '2025-02-30' });
    expect(!r.ok && r.error.field).toBe('from');
  });
});
