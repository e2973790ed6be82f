import type { components, paths } from './openapi.gen.ts';

/** A cursor-paginated list, as every list endpoint returns it. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type Items<T> = { items: T[] };

type Prefix = '/api/v1';
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** An API path as the client writes it, without `/api/v1`: `'/accounts/{handle}'`. */
export type ApiPath = keyof paths extends `${Prefix}${infer P}` ? P : never;

type Operation<P extends ApiPath, M extends Method> = paths[`${Prefix}${P}`][M];

/** The JSON body of an operation's success responses (2xx), from the server's OpenAPI. */
export type ApiResponse<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? JsonContent<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The JSON request body of an operation. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters of an operation (never when it takes none). */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** A named schema of the OpenAPI document: `Schema<'DealCard'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** An account as lists and cards show it (the identity module's AccountSummary). */
export type AccountSummary = ApiResponse<'/search/accounts'>['items'][number];
