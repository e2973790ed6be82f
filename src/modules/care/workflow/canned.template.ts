/** Values a canned reply may use; unknown placeholders are left as written so the agent sees them. */
export type CannedVariables = {
  first_name: string;
  name: string;
  handle: string;
  brand: string;
  order_id: string;
  order_ref: string;
};

/** Variables that say something about the customer's orders: fine in a direct message, never in public. */
export const ORDER_VARIABLES = ['order_id', 'order_ref'] as const;

export function renderCanned(body: string, vars: Partial<CannedVariables>): string {
  return body.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = vars[key as keyof CannedVariables];
    return value === undefined || value === '' ? whole : value;
  });
}

/** The order variables a canned reply uses, as written ({order_id}). */
export function orderVariablesIn(body: string): string[] {
  return [...new Set(ORDER_VARIABLES.filter((v) => body.includes(`{${v}}`)).map((v) => `{${v}}`))];
}

/**
 * A short reference to an order, for people: the last 8 hex digits of its id (the random part of a UUIDv7, so two
 * orders placed the same minute still differ), e.g. "#3F9A01C2".
 */
export function orderReference(orderId: string): string {
  return `#${orderId.replace(/-/g, '').slice(-8).toUpperCase()}`;
}
