import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/platform/errors.ts';
import { createTestApp, type TestContext } from '../support/test-app.ts';

type Response = { description?: string; content?: Record<string, { schema?: unknown }> };
type Operation = { responses?: Record<string, Response> };

let t: TestContext;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
};
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.anonymous.get('/api/openapi.json')).json();
});
afterAll(() => t.close());

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Every operation of the document, as "METHOD /path" with its operation object. */
function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
  );
}

/** A success answer is described: 204 declares no body; any other 2xx gives a schema for each media type. */
function describesSuccess(op: Operation): boolean {
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length === 0) return false;
  return success.every(([status, response]) => {
    if (status === '204') return !response.content;
    const media = Object.values(response.content ?? {});
    return media.length > 0 && media.every((m) => m.schema !== undefined);
  });
}

describe('the OpenAPI contract', () => {
  it('should describe the success response of every operation', () => {
    const missing = operations()
      .filter((o) => !describesSuccess(o.op))
      .map((o) => o.name);
    expect(missing, `operations without a 2xx response schema:\n${missing.join('\n')}`).toEqual([]);
    expect(operations().length).toBeGreaterThan(50);
  });

  it('should list every declared error code, with its status and meaning, in the Problem schema', () => {
    const code = doc.components.schemas.Problem.properties.code;
    const catalogue = errorCatalogue();
    expect(code.enum).toEqual(catalogue.map((c) => c.code));
    expect(code.enum).toEqual(
      expect.arrayContaining(['validation_failed', 'csrf_failed', 'deal_not_found', 'handle_taken']),
    );
    expect(code['x-error-codes']).toContainEqual({
      code: 'deal_expired',
      status: 410,
      description: 'The deal has ended',
    });
    expect(code.description).toContain('`rate_limited` (429)');
  });
});
