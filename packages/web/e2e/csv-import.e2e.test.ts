import { describe, expect, inject, it } from 'vitest';
import { browserPerTest } from './browser-per-test';

const baseUrl = inject('baseUrl');

// A Jira-style export: quoted summaries with commas and "", dd/MMM/yy h:mm AM dates.
const JIRA = [
  'Issue key,Summary,Issue Type,Status,Created,Resolved,Custom field (Start date)',
  'S-1,"Checkout, part ""1""",Story,Done,02/Mar/25 9:00 AM,04/Mar/25 5:15 PM,03/Mar/25 9:00 AM',
  'S-2,"Search",Story,Done,02/Mar/25 9:00 AM,06/Mar/25 10:00 AM,04/Mar/25 10:00 AM',
  'S-3,"Cart",Story,Done,02/Mar/25 9:00 AM,18/Mar/25 11:00 AM,12/Mar/25 11:00 AM',
  'S-4,"Login",Story,Done,02/Mar/25 9:00 AM,26/Mar/25 4:00 PM,20/Mar/25 4:00 PM',
  'S-5,"Profile",Story,Done,02/Mar/25 9:00 AM,27/Mar/25 4:00 PM,21/Mar/25 4:00 PM',
  'S-6,"Orders",Story,In Progress,02/Mar/25 9:00 AM,,25/Mar/25 9:00 AM',
].join('\n');

describe('CSV import', () => {
  const b = browserPerTest();

  it('maps the columns of a tracker export into weekly throughput and lead times', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Import a CSV export…' }).click();
    await page.getByLabel(/CSV file/).setInputFiles({
      name: 'jira.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(JIRA),
    });
    // The done and start columns are recognised by name; the format is detected.
    expect(await page.getByLabel('Done date column').inputValue()).toBe('Resolved');
    expect(await page.getByLabel('Start date column (optional)').inputValue()).toBe(
      'Custom field (Start date)',
    );
    const summary = page.getByTestId('csv-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      '5 finished items over 4 weeks; 1 in progress, 0 not started.',
    );
    await page.getByRole('button', { name: 'Use this history' }).click();
    // Weeks from Monday 3 March: 2, 0, 1, 2 items.
    expect(await page.getByLabel('Items finished per week').inputValue()).toBe('2, 0, 1, 2');
    await page.locator('summary', { hasText: 'Lead times and dependencies' }).click();
    const lt = (await page.getByLabel('Lead times in days (optional)').inputValue()).split(', ');
    expect(lt).toHaveLength(5);
    expect(Number(lt[0])).toBeCloseTo(1.3, 5);

    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await page.getByTestId('headline').waitFor();
  });
});
