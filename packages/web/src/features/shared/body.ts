import { parseNumberList, parseOptionalNumber } from '../../lib/numbers';
import type { Issue } from './issues';

/**
 * Helpers that read form strings into a request body. What cannot be read is reported as an
 * issue on that field; everything else (ranges, required fields) is the schemas' job, so the
 * rules live in one place.
 */
export class BodyBuilder {
  readonly body: Record<string, unknown> = {};
  readonly issues: Issue[] = [];

  list(field: string, text: string, required = false): number[] | undefined {
    const parsed = parseNumberList(text);
    if (!parsed.ok) {
      this.issues.push({ field, code: 'not_a_number', params: { value: parsed.bad } });
      return undefined;
    }
    if (parsed.values.length === 0 && !required) return undefined;
    this.body[field] = parsed.values;
    return parsed.values;
  }

  number(field: string, text: string, scale = 1): number | undefined {
    const v = parseOptionalNumber(text);
    if (v === 'invalid') {
      this.issues.push({ field, code: 'not_a_number', params: { value: text.trim() } });
      return undefined;
    }
    if (v === undefined) return undefined;
    const scaled = v * scale;
    this.body[field] = scale === 1 ? v : Math.round(scaled * 1e9) / 1e9;
    return this.body[field] as number;
  }

  /** Reads a number for a nested field without putting it on the body. */
  value(field: string, text: string, scale = 1): number | undefined {
    const v = parseOptionalNumber(text);
    if (v === 'invalid') {
      this.issues.push({ field, code: 'not_a_number', params: { value: text.trim() } });
      return undefined;
    }
    return v === undefined ? undefined : Math.round(v * scale * 1e9) / 1e9;
  }

  text(field: string, text: string): void {
    if (text.trim()) this.body[field] = text.trim();
  }

  set(field: string, value: unknown): void {
    if (value !== undefined) this.body[field] = value;
  }

  build() {
    return { body: this.body, issues: this.issues };
  }
}
