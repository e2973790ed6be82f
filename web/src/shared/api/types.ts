/** A cursor-paginated list, as every list endpoint returns it. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type Items<T> = { items: T[] };
