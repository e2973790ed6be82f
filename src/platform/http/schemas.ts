import Type from 'typebox';

/** PostgreSQL `int`: what a count or an amount column holds. */
export const INT4_MAX = 2_147_483_647;

/**
 * Money in integer minor units (cents), bounded to fit the `int` columns it is stored in with room for a total
 * of several lines: a value the database cannot store is a 400 naming the field, not a 500.
 */
export const MinorUnits = (options: { minimum?: number; description?: string } = {}) =>
  Type.Integer({
    minimum: options.minimum ?? 0,
    maximum: 1_000_000_000,
    description: options.description ?? 'Integer minor units (cents)',
  });

/** A whole count (stock, quantity, followers) that fits an `int` column. */
export const Count = (options: { minimum?: number; maximum?: number; description?: string } = {}) =>
  Type.Integer({
    minimum: options.minimum ?? 0,
    maximum: options.maximum ?? INT4_MAX,
    ...(options.description ? { description: options.description } : {}),
  });

/**
 * An update body whose fields are all optional: `{}` is refused with 400 `empty_update` (the error handler
 * maps `minProperties` on a whole body to that code) instead of reaching an `UPDATE … SET` with nothing to set.
 */
export const UpdateBody = <P extends Type.TProperties>(properties: P) =>
  Type.Object(properties, { additionalProperties: false, minProperties: 1 });
