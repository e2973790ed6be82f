/** One place where the tree breaks a house rule: the rule's name, the file (relative to the root) and line. */
export type Breach = { rule: string; file: string; line: number; detail: string };

export function formatBreach(b: Breach): string {
  return `${b.file}:${b.line}  ${b.rule}  ${b.detail}`;
}

export function byPlace(a: Breach, b: Breach): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
}
