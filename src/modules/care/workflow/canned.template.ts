/** Values a canned reply may use; unknown placeholders are left as written so the agent sees them. */
export type CannedVariables = {
  first_name: string;
  name: string;
  handle: string;
  brand: string;
  order_id: string;
};

export function renderCanned(body: string, vars: Partial<CannedVariables>): string {
  return body.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = vars[key as keyof CannedVariables];
    return value === undefined || value === '' ? whole : value;
  });
}
