import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// Bodies are validated strictly (a string is not a number, unknown fields are refused); query strings and
// path params arrive as text, so those are coerced to the declared types.
const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };
const strict = addFormats.default(new Ajv({ ...common, coerceTypes: false }));
const coercing = addFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);
