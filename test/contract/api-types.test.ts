import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/gen-api-types.ts';
import type { DbHandle } from '../../src/platform/db/kysely.ts';
import { createTestDb } from '../support/test-db.ts';

describe('web API types', () => {
  let db: DbHandle;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('should match the committed file when regenerated from the server OpenAPI', async () => {
    const committed = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, 'utf8') : '';
    const fresh = await generateApiTypes(db.db);
    // Not toBe: a diff of thousands of lines helps nobody; the fix is one command.
    expect(committed === fresh, 'web/src/shared/api/openapi.gen.ts is stale: run npm run gen:api').toBe(true);
  });
});
