import Type, { type TSchema } from 'typebox';

/** The response schema of a route that answers 204 with no body. */
export const noContent = { 204: Type.Null({ description: 'Done; no body' }) };

/** A success response in another media type than JSON (text/csv, text/event-stream), described for the OpenAPI. */
export const mediaResponse = (mediaType: string, description: string, schema: TSchema = Type.String()) => ({
  description,
  content: { [mediaType]: { schema } },
});
