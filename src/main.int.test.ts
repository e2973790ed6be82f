import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startServer } from './main.ts';

// What `souk start` prints and refuses, on a small demo world in its own PGlite directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-start-'));
// The migrated template, when there is one on PGlite, saves migrating a fresh directory.
const template = inject('testTemplate');
if (template.kind === 'pglite') fs.cpSync(template.name, dir, { recursive: true });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const config = (env: NodeJS.ProcessEnv) =>
  loadConfig(
    { SOUK_DATA_DIR: dir, PORT: '0', SOUK_DEMO_USERS: '10', LOG_FORMAT: 'json', ...env },
    { terminal: false },
  );

/** Starts, runs `during`, stops, and returns everything the server logged. */
async function start(env: NodeJS.ProcessEnv, during?: (url: string) => Promise<unknown>): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => {
    text += chunk;
  });
  const server = await startServer(config(env), { logDestination: out });
  try {
    await during?.(server.url);
  } finally {
    await server.close();
  }
  return text;
}

const messages = (jsonLines: string) =>
  jsonLines
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).msg as string);

describe('souk start', { timeout: 240_000 }, () => {
  it('should refuse to seed the demo world on an address other than loopback, saying why and how', async () => {
    const refusal = start({ HOST: '0.0.0.0' });
    await expect(refusal).rejects.toThrow(/refusing to serve the demo world on 0\.0\.0\.0/);
    await expect(refusal).rejects.toThrow(/SOUK_ALLOW_PUBLIC_DEMO=true/);
  });

  it('should print both demo sign-ins after "ready at", on the first start and on every later one', async () => {
    for (const run of [1, 2]) {
      const lines = messages(await start({}));
      const ready = lines.findIndex((m) => /^Souk is ready at http:\/\/localhost:\d+$/.test(m));
      expect(ready, `start ${run}`).toBeGreaterThanOrEqual(0);
      const after = lines.slice(ready + 1);
      expect(after).toContain('demo sign-in: demo@souk.example / souk-demo-2026 (the demo shopper)');
      expect(
        after.some((m) =>
          /^demo sign-in: team@\w+\.example \/ souk-demo-2026 \(a brand team member of @\w+\)$/.test(m),
        ),
      ).toBe(true);
    }
  });

  it('should refuse a database holding the demo world on a public address, even without seeding', async () => {
    await expect(start({ HOST: '0.0.0.0', SOUK_DEMO: 'false' })).rejects.toThrow(
      /refusing to serve the demo world on 0\.0\.0\.0[\s\S]*a database without the demo world/,
    );
  });

  it('should serve the demo world on a public address when SOUK_ALLOW_PUBLIC_DEMO is true', async () => {
    const lines = messages(await start({ HOST: '0.0.0.0', SOUK_ALLOW_PUBLIC_DEMO: 'true' }));
    expect(lines.some((m) => m.startsWith('Souk is ready at'))).toBe(true);
  });

  it('should print readable lines and no line per request at the default level when pretty', async () => {
    const text = await start({ LOG_FORMAT: 'pretty' }, async (url) => {
      expect((await fetch(`${url}/api/v1/me`)).status).toBe(401);
    });
    expect(text).toMatch(/INFO: Souk is ready at http:\/\/localhost:\d+\n/);
    expect(text).toContain('INFO: demo sign-in: demo@souk.example / souk-demo-2026 (the demo shopper)');
    expect(text).not.toMatch(/^\{/m);
    expect(text).not.toMatch(/incoming request|request completed|\/api\/v1\/me/);
  });
});
