import type { TestClient, TestContext } from './test-app.ts';

/** Malformed requests derived from an OpenAPI 3.1 document: what the fuzz test sends to each operation. */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the OpenAPI document is untyped.
type Schema = Record<string, any>;

export type Callers = {
  anonymous: Pick<TestClient, 'request'>;
  consumer: TestClient;
  owner: TestClient;
  relogin(who: TestClient): Promise<void>;
};
export type Context = Pick<TestContext, 'app'>;

export type Operation = {
  method: Method;
  /** The OpenAPI path, e.g. /api/v1/posts/{id}. */
  path: string;
  params: { name: string; schema: Schema }[];
  query: { name: string; schema: Schema; required: boolean }[];
  body: Schema | undefined;
  /** Valid values of the path params, and the path filled with them. */
  goodParams: Record<string, string>;
  /** Valid values of the required query params. */
  goodQuery: Record<string, string>;
  /** Headers the operation requires (Idempotency-Key). */
  headers: Record<string, string>;
  /** A valid-looking body, when the operation takes JSON. */
  example: unknown;
  resolve(schema: Schema): Schema;
};

export type Variant = {
  name: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};

const UUID = '01996522-8805-7cda-848c-1c8a216ca0c4';

/** Odd values for ids and other path segments, already percent-encoded. */
const ODD_SEGMENTS: [string, string][] = [
  ['urn-uuid', `urn:uuid:${UUID}`],
  ['upper-uuid', UUID.toUpperCase()],
  ['200-chars', 'a'.repeat(200)],
  ['600-chars', 'a'.repeat(600)],
  ['bad-percent', '%ff'],
  ['emoji', '%F0%9F%98%80'],
  ['nul', 'a%00b'],
  ['lone-surrogate', '%ED%A0%80'],
  ['negative', '-1'],
  ['huge-number', '1e308'],
  ['dot-dot', '..'],
  ['space', '%20'],
];

/** Odd values for query parameters (raw, encoded when sent). */
const ODD_QUERY: [string, string][] = [
  ['nul', 'a\u0000b'],
  ['lone-surrogate', '\ud800'],
  ['huge-number', '1e308'],
  ['int-overflow', '2147483648'],
  ['negative', '-1'],
  ['fraction', '0.5'],
  ['urn-uuid', `urn:uuid:${UUID}`],
  ['leap-second', '2026-06-30T23:59:60Z'],
  ['year-0', '0000-01-01T00:00:00Z'],
  ['year-275760', '+275760-09-13T00:00:00Z'],
  ['bad-cursor', '!!!not-a-cursor'],
  ['forged-cursor', Buffer.from('2026-01-01T00:00:00.000Z|not-a-uuid').toString('base64url')],
  ['cursor-garbage', Buffer.from('\u0000\u00ff\ud800').toString('base64url')],
  ['long', 'x'.repeat(5000)],
  ['empty', ''],
  ['emoji', '😀'],
];

/** Odd values for a body field of any type. */
const ODD_VALUES: [string, unknown][] = [
  ['null', null],
  ['wrong-type-object', { a: 1 }],
  ['wrong-type-array', [1, 'a']],
  ['wrong-type-bool', true],
  ['string', 'fuzz'],
  ['nul', 'a\u0000b'],
  ['lone-surrogate', '\ud800x'],
  ['huge-number', 1e308],
  ['int-overflow', 2147483648],
  ['negative', -1],
  ['fraction', 0.5],
  ['zero', 0],
  ['urn-uuid', `urn:uuid:${UUID}`],
  ['200-chars', 'a'.repeat(200)],
  ['emoji', '😀'],
  ['leap-second', '2026-06-30T23:59:60Z'],
  ['year-0', '0000-01-01T00:00:00Z'],
  ['empty', ''],
  ['long', 'x'.repeat(20_000)],
];

/** Strings to try against a pattern, for a valid value of a field with a pattern. */
const PATTERN_CANDIDATES = [
  'fuzz_x1',
  'EUR',
  'fuzz-1',
  'SKU-1',
  'ab',
  '2026-01-01',
  '09:00',
  'Europe/Paris',
  'a1',
];

/** What valid values are built from: the brand's handle, and ids of things that exist by collection path. */
export type Known = { handle: string; ids: Record<string, string> };

/** An existing id for a field such as `productId`: from the collection whose last segment starts with `product`. */
function knownId(name: string, ctx: Known): string | undefined {
  const stem = name.replace(/Ids?$/, '').toLowerCase();
  if (!stem || stem === name.toLowerCase()) return undefined;
  const hit = Object.entries(ctx.ids).find(([path]) => path.split('/').pop()!.toLowerCase().startsWith(stem));
  return hit?.[1];
}

function stringFor(schema: Schema, name: string, ctx: Known): string {
  if (schema.const !== undefined) return String(schema.const);
  if (schema.enum) return String(schema.enum[0]);
  switch (schema.format) {
    case 'uuid':
      return knownId(name, ctx) ?? UUID;
    case 'date-time':
      return '2030-01-01T00:00:00Z';
    case 'date':
      return '2030-01-01';
    case 'email':
      return 'fuzz@example.com';
    case 'uri':
      return 'https://example.com/fuzz.png';
  }
  if (/handle/i.test(name)) return ctx.handle;
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    const fit = PATTERN_CANDIDATES.find((c) => re.test(c));
    if (fit) return fit;
  }
  const min = schema.minLength ?? 0;
  return 'fuzz text here'.padEnd(min, 'x').slice(0, schema.maxLength ?? 100);
}

/** A valid-looking instance of `schema` (the fuzz mutates it one field at a time). */
export function exampleOf(
  input: Schema,
  resolve: (s: Schema) => Schema,
  ctx: Known,
  name = '',
  depth = 0,
): unknown {
  const schema = resolve(input);
  if (depth > 8) return null;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const pick = options.find((o: Schema) => resolve(o).type !== 'null') ?? options[0];
    return exampleOf(pick, resolve, ctx, name, depth + 1);
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((s: Schema) => exampleOf(s, resolve, ctx, name, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((x: string) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        out[key] = exampleOf(prop as Schema, resolve, ctx, key, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        exampleOf(schema.items ?? {}, resolve, ctx, name, depth + 1),
      );
    case 'integer':
    case 'number':
      return schema.const ?? schema.enum?.[0] ?? Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return schema.const ?? true;
    case 'string':
      return stringFor(schema, name, ctx);
    default:
      if (schema.const !== undefined) return schema.const;
      return 'fuzz';
  }
}

/** Every operation of the document, with valid values to start mutating from. */
export function operationsOf(doc: Schema, ctx: Known): Operation[] {
  const resolve = (schema: Schema): Schema => {
    let s = schema;
    for (let i = 0; i < 10 && s?.$ref; i++) {
      const name = String(s.$ref).split('/').pop()!;
      s = doc.components?.schemas?.[name] ?? {};
    }
    return s ?? {};
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    for (const [lower, op] of Object.entries(item)) {
      const method = lower.toUpperCase() as Method;
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const parameters = (op.parameters ?? []) as Schema[];
      const params = parameters
        .filter((p) => p.in === 'path')
        .map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}) }));
      const query = parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}), required: !!p.required }));
      const headers: Record<string, string> = {};
      for (const p of parameters.filter((x) => x.in === 'header' && x.required))
        headers[p.name] = `fuzz-key-${p.name}-0001`;
      const goodParams: Record<string, string> = {};
      for (const p of params) {
        // `/orgs/{handle}/care/queues/{id}` takes the id of something created at `/orgs/{handle}/care/queues`.
        const collection = path.slice(0, path.indexOf(`/{${p.name}}`));
        goodParams[p.name] =
          p.schema.format === 'uuid'
            ? (ctx.ids[collection] ?? knownId(p.name, ctx) ?? UUID)
            : String(exampleOf(p.schema, resolve, ctx, p.name));
      }
      const goodQuery: Record<string, string> = {};
      for (const q of query.filter((x) => x.required))
        goodQuery[q.name] = String(exampleOf(q.schema, resolve, ctx, q.name));
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']?.schema as Schema | undefined;
      const example = body ? exampleOf(body, resolve, ctx) : undefined;
      ops.push({ method, path, params, query, body, goodParams, goodQuery, headers, example, resolve });
    }
  }
  return ops;
}

/** Percent-encodes like a client would; a lone surrogate goes out as its (invalid) three UTF-8-style bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, '\u0000')).replace(/%00/g, '%ED%A0%80');
  }
}

function urlOf(op: Operation, params: Record<string, string>, query: Record<string, string>): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? UUID);
  const qs = Object.entries(query)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

/** The operation called as intended: the fuzz uses it to create things whose ids the malformed calls then use. */
export function validCall(op: Operation): Variant {
  const url = urlOf(op, encodeParams(op.goodParams), op.goodQuery);
  const body = op.example === undefined ? undefined : JSON.stringify(op.example);
  const headers = body === undefined ? op.headers : { ...op.headers, 'content-type': 'application/json' };
  return { name: 'valid', url, body, headers };
}

const encodeParams = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encode(v)]));

/** Each path param replaced by each odd segment. */
export function paramVariants(op: Operation): Variant[] {
  const good = encodeParams(op.goodParams);
  const base = { headers: op.headers, body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} };
  return op.params.flatMap((p) =>
    ODD_SEGMENTS.map(([name, value]) => ({
      ...base,
      name: `param ${p.name}=${name}`,
      url: urlOf(op, { ...good, [p.name]: value }, op.goodQuery),
    })),
  );
}

/** Each query param given each odd value; plus an unknown parameter. */
export function queryVariants(op: Operation): Variant[] {
  const good = encodeParams(op.goodParams);
  const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
  const variants: Variant[] = op.query.flatMap((q) =>
    ODD_QUERY.map(([name, value]) => ({
      name: `query ${q.name}=${name}`,
      url: urlOf(op, good, { ...op.goodQuery, [q.name]: value }),
      body,
      headers: op.headers,
    })),
  );
  variants.push({
    name: 'query unknown',
    url: urlOf(op, good, { ...op.goodQuery, fuzz: '1' }),
    body,
    headers: op.headers,
  });
  return variants;
}

/** Whole-body variants (empty, not an object, wrong content type) and one-field mutations of a valid body. */
export function bodyVariants(op: Operation): Variant[] {
  if (op.method === 'GET') return [];
  const url = urlOf(op, encodeParams(op.goodParams), op.goodQuery);
  const json = { ...op.headers, 'content-type': 'application/json' };
  const v = (name: string, body: unknown, headers: Record<string, string> = json): Variant => ({
    name: `body ${name}`,
    url,
    body,
    headers,
  });
  const variants: Variant[] = [
    v('none', undefined, op.headers),
    v('empty-json', ''),
    v('{}', '{}'),
    v('[]', '[]'),
    v('string', '"fuzz"'),
    v('number', '1e308'),
    v('null', 'null'),
    v('malformed-json', '{"a":'),
    v('nul-escape', '{"\\u0000":"\\u0000"}'),
    v('text/plain', 'fuzz', { ...op.headers, 'content-type': 'text/plain' }),
    v('form', 'a=1', { ...op.headers, 'content-type': 'application/x-www-form-urlencoded' }),
    v('csv', 'a,b\n1,2', { ...op.headers, 'content-type': 'text/csv' }),
  ];
  if (!op.body) return variants;
  const valid = op.example as Record<string, unknown>;
  variants.push(v('valid-example', JSON.stringify(valid)));
  if (typeof valid !== 'object' || valid === null || Array.isArray(valid)) return variants;
  variants.push(v('extra-field', JSON.stringify({ ...valid, fuzzExtra: 1 })));
  for (const key of Object.keys(valid)) {
    const { [key]: _, ...missing } = valid;
    variants.push(v(`${key}=missing`, JSON.stringify(missing)));
    for (const [name, value] of ODD_VALUES)
      variants.push(v(`${key}=${name}`, JSON.stringify({ ...valid, [key]: value })));
    const inner = valid[key];
    // One level down: the first element of an array of objects, or a nested object.
    const nested = Array.isArray(inner) ? inner[0] : inner;
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const sub of Object.keys(nested)) {
        for (const [name, value] of ODD_VALUES.slice(0, 12)) {
          const changed = { ...nested, [sub]: value };
          const replaced = Array.isArray(inner) ? [changed, ...inner.slice(1)] : changed;
          variants.push(v(`${key}.${sub}=${name}`, JSON.stringify({ ...valid, [key]: replaced })));
        }
      }
    }
  }
  return variants;
}
