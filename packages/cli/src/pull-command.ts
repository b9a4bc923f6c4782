/**
 * `ff pull <tracker> …`: the connectors' CLI contract (spec/connectors.md). Prints
 * `{ items, states, … }` — the shape `ff flow --input`, the history import and the web's team
 * workspace read — so a script or a CI job can pull and forecast without a server.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isKnownTimeZone } from '@flow-forecaster/engine';
import type { StateCategory } from '@flow-forecaster/engine';
import { ConnectorError, TRACKERS, pull } from '@flow-forecaster/connectors';
import type { CommonPullOptions, PullRequest, Tracker } from '@flow-forecaster/connectors';
import { CliError, EXIT_FAILURE, EXIT_OK, usageError } from './errors';

export interface PullIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export const PULL_HELP = `ff pull <tracker> [options] — fetch a tracker's work items with their status history

  ff pull jira   --url https://acme.atlassian.net --jql 'project = PAY'   (JIRA_EMAIL, JIRA_API_TOKEN;
                                                                           Data Center: JIRA_PAT)
  ff pull ado    --org https://dev.azure.com/acme --project Pay --wiql '…' (AZURE_DEVOPS_PAT)
  ff pull linear --team PAY [--api-url URL]                                (LINEAR_API_KEY)
  ff pull github --repo acme/pay [--api-url URL] [--in-progress-label L]   (GITHUB_TOKEN)
  ff pull github --repo acme/pay --project 5 [--status-field Status]      (a Projects board)

Options for every tracker:
  --since DATE        only items updated on or after DATE (incremental)
  --as-of DATE        the items as they stood at the end of DATE
  --tz ZONE           time zone the days are taken in (default: this machine's)
  --map 'State=cat'   map a state to todo, inProgress, done or canceled (repeatable)
  --max-items N       stop after N items (default 200000)
  -o, --output FILE   write the JSON to FILE instead of stdout

Use a read-only token. The output feeds 'ff flow --input' and the web's team workspace as is.
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORIES: readonly StateCategory[] = ['todo', 'inProgress', 'done', 'canceled'];

function isTracker(value: string): value is Tracker {
  return (TRACKERS as readonly string[]).includes(value);
}

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw usageError(`${flag} is required`, flag);
  return value;
}

/** A Projects board's number, as in github.com/orgs/acme/projects/5. */
function boardNumber(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw usageError('must be the board number', '--project');
  return Number(value);
}

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !DATE.test(value)) throw usageError('must be a date YYYY-MM-DD', flag);
  return value;
}

function mapping(values: readonly string[]): Record<string, StateCategory> | undefined {
  if (values.length === 0) return undefined;
  const result: Record<string, StateCategory> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const category = value.slice(at + 1) as StateCategory;
    if (at <= 0 || !CATEGORIES.includes(category)) {
      throw usageError(`'${value}' must be State=${CATEGORIES.join('|')}`, '--map');
    }
    result[value.slice(0, at)] = category;
  }
  return result;
}

function requestFor(
  tracker: string,
  values: Record<string, string | string[] | boolean | undefined>,
  env: Readonly<Record<string, string | undefined>>,
  common: CommonPullOptions,
): PullRequest {
  const text = (flag: string) => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  switch (tracker) {
    case 'jira':
      return {
        tracker,
        options: {
          ...common,
          url: need(text('url'), '--url'),
          jql: need(text('jql'), '--jql'),
          email: env.JIRA_EMAIL,
          apiToken: env.JIRA_API_TOKEN,
          pat: env.JIRA_PAT,
        },
      };
    case 'ado':
      return {
        tracker,
        options: {
          ...common,
          org: need(text('org'), '--org'),
          project: need(text('project'), '--project'),
          wiql: need(text('wiql'), '--wiql'),
          pat: env.AZURE_DEVOPS_PAT,
        },
      };
    case 'github':
      return {
        tracker,
        options: {
          ...common,
          repo: need(text('repo'), '--repo'),
          token: env.GITHUB_TOKEN,
          ...(text('api-url') ? { apiUrl: text('api-url') } : {}),
          ...(Array.isArray(values['in-progress-label'])
            ? { inProgressLabels: values['in-progress-label'] }
            : {}),
          ...(text('project') !== undefined ? { project: boardNumber(text('project')!) } : {}),
          ...(text('status-field') ? { statusField: text('status-field') } : {}),
        },
      };
    case 'linear':
      return {
        tracker,
        options: {
          ...common,
          team: need(text('team'), '--team'),
          apiKey: env.LINEAR_API_KEY,
          ...(text('api-url') ? { apiUrl: text('api-url') } : {}),
        },
      };
    default:
      throw usageError(`unknown tracker '${tracker}'; trackers: ${TRACKERS.join(', ')}`);
  }
}

export async function runPull(argv: readonly string[], io: PullIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        url: { type: 'string' },
        jql: { type: 'string' },
        org: { type: 'string' },
        project: { type: 'string' },
        wiql: { type: 'string' },
        team: { type: 'string' },
        repo: { type: 'string' },
        'api-url': { type: 'string' },
        'in-progress-label': { type: 'string', multiple: true },
        'status-field': { type: 'string' },
        since: { type: 'string' },
        'as-of': { type: 'string' },
        tz: { type: 'string' },
        map: { type: 'string', multiple: true },
        'max-items': { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    throw usageError(e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e));
  }
  const { values, positionals } = parsed;
  const tracker = positionals[0];
  if (values.help || tracker === undefined) {
    io.stdout.write(PULL_HELP);
    return EXIT_OK;
  }
  if (!isTracker(tracker))
    throw usageError(`unknown tracker '${tracker}'; trackers: ${TRACKERS.join(', ')}`);
  const timeZone = values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isKnownTimeZone(timeZone)) throw usageError(`unknown time zone '${timeZone}'`, '--tz');
  const maxItems = values['max-items'] === undefined ? undefined : Number(values['max-items']);
  if (maxItems !== undefined && !(Number.isInteger(maxItems) && maxItems > 0)) {
    throw usageError('must be a whole number above 0', '--max-items');
  }
  const since = dateOption(values.since, '--since');
  const asOf = dateOption(values['as-of'], '--as-of');
  const map = mapping(values.map ?? []);
  const common: CommonPullOptions = {
    timeZone,
    ...(since ? { since } : {}),
    ...(map ? { mapping: map } : {}),
    ...(maxItems ? { maxItems } : {}),
    retry: {
      onWait: (seconds, status) =>
        io.stderr.write(
          `${tracker} answered ${status}: waiting ${Math.ceil(seconds)} s as it asked\n`,
        ),
    },
  };
  const request = requestFor(tracker, values, io.env ?? process.env, common);
  let result;
  try {
    result = await pull(request, asOf);
  } catch (e) {
    if (e instanceof ConnectorError)
      throw new CliError(e.message, { exitCode: EXIT_FAILURE, subject: tracker });
    throw e;
  }
  if (result.unmappedStates.length > 0) {
    io.stderr.write(
      `note: states read as to-do because ${tracker} gave no category: ${result.unmappedStates.join(', ')} (use --map)\n`,
    );
  }
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (values.output !== undefined) {
    await writeFile(resolve(io.cwd, values.output), text, 'utf8');
  } else {
    io.stdout.write(text);
  }
  return EXIT_OK;
}
