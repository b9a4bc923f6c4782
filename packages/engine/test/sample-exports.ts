// Reads the vendored sample tracker exports (samples/, see vendored.ts). The engine has no CSV
// parser by design; this tiny reader exists only for the tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLES_DIR as dataDir } from './vendored';

/** A tiny CSV reader for the test: quoted fields with separators and "" escapes. */
export function readSampleCsv(file: string, sep: string): Record<string, string>[] {
  const text = readFileSync(resolve(dataDir, file), 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

// The reference figures of every sample export over all its history as of 2025-08-31, which
// the engine, the CLI and the API must each give.
export const SAMPLE_CYCLE_TIME = {
  n: 124,
  percentiles: { p50: 7, p70: 10, p85: 12, p95: 16 },
  mean: 8.27,
  min: 2,
  max: 33,
};
/** The ages in days of the items in progress, oldest first. */
export const SAMPLE_IN_PROGRESS_AGES = [13, 12, 11, 9, 6, 6, 3, 3];
