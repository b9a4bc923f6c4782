import { describe, expect, it } from 'vitest';
import { importCsv, parseThroughput } from './import';

describe('importCsv', () => {
  it('lists the rows it cannot use with the reason and still imports the rest', () => {
    const csv = [
      'Issue key,Issue Type,Status,Created,Custom field (Start date),Resolved',
      'A-1,Story,Done,01/Mar/25 9:00 AM,03/Mar/25 9:00 AM,06/Mar/25 9:00 AM',
      'A-2,Bug,In Progress,02/Mar/25 9:00 AM,04/Mar/25 9:00 AM,',
      'A-1,Story,Done,01/Mar/25 9:00 AM,03/Mar/25 9:00 AM,05/Mar/25 9:00 AM',
      ',Story,To Do,02/Mar/25 9:00 AM,,',
      'A-3,Story,Done,01/Mar/25 9:00 AM,someday,07/Mar/25 9:00 AM',
    ].join('\n');
    const read = importCsv(csv);
    expect(read.items.map((i) => i.id)).toEqual(['A-1', 'A-2']);
    expect(read.items[0]).toMatchObject({ started: '2025-03-03', done: '2025-03-06' });
    expect(read.rejected).toEqual([
      { field: 'items.2.id', id: 'A-1', reason: 'duplicateId' },
      { field: 'items.3.id', id: null, reason: 'missingId' },
      { field: 'items.4.started', id: 'A-3', reason: 'unreadableDate' },
    ]);
    expect(read.columns).toMatchObject({ id: 'Issue key', started: 'Custom field (Start date)' });
  });
});

describe('parseThroughput', () => {
  it('reads counts separated by commas, spaces or lines, and refuses anything else', () => {
    expect(parseThroughput('5, 6\n7 0')).toEqual([5, 6, 7, 0]);
    expect(parseThroughput('5, six')).toBeNull();
    expect(parseThroughput('-1')).toBeNull();
    expect(parseThroughput('')).toBeNull();
  });
});
