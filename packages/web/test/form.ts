import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Replaces what the field labelled `label` holds with `value` (empty: leaves it empty). */
export async function fill(label: string | RegExp, value: string): Promise<HTMLElement> {
  const el = screen.getByLabelText(label);
  await userEvent.clear(el);
  if (value) await userEvent.type(el, value);
  return el;
}

/**
 * Fills a forecast form for a team that almost never finishes an item (one in five weeks,
 * replayed) and a backlog of 1000, from 2027-01-04: every run stops at maxWeeks.
 */
export async function fillStalledTeam(): Promise<void> {
  await userEvent.selectOptions(
    screen.getByLabelText('Throughput model'),
    'Bootstrap: replay past weeks',
  );
  await fill('Items finished per week', '0, 0, 0, 0, 1');
  await fill('Items in the backlog', '1000');
  await fill('Start date', '2027-01-04');
}
