import { describe, expect, it } from 'vitest';
import { REQUEST_KINDS } from './kinds';
import { requestJsonSchema } from './requests';

describe('JSON Schema for OpenAPI', () => {
  it.each(REQUEST_KINDS)('%s gives an object schema with the field limits', (kind) => {
    const schema = requestJsonSchema(kind);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object).length).toBeGreaterThan(0);
  });

  it('carries the numeric limits of the spec', () => {
    const props = requestJsonSchema('simulate').properties as Record<
      string,
      Record<string, unknown>
    >;
    expect(props.numberOfSimulations).toMatchObject({ minimum: 100, maximum: 1_000_000 });
    expect(props.tpSamples).toMatchObject({ minItems: 1, maxItems: 10_000 });
    expect(props.sCurveSize).toMatchObject({ minimum: 0, maximum: 50 });
    expect(props.historical_team_size).toBeDefined();
    expect(props.startDate).toMatchObject({ type: 'string' });
  });
});
