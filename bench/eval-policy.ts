// Precision and recall of the policy lint's built-in detectors on the project's labelled set (CC0, see
// bench/policy-lint-set/README.md): npm run eval:policy. A detector group "fires" on a draft when any of its
// rules finds something; each group is scored at the draft level against the set's labels.
import { readFileSync } from 'node:fs';
import {
  type Channel,
  compilePolicy,
  defaultPolicy,
  lintDraft,
  type RuleKind,
} from '../src/lib/policy/index.ts';

type Row = { text: string; channel: Channel; labels: string[] };

const GROUPS: Record<string, RuleKind[]> = {
  personal_data: ['email', 'phone', 'card_number', 'order_ref', 'street_address'],
  profanity: ['profanity'],
  promise: ['promise'],
  tone: ['shouting', 'sentiment_floor', 'sarcasm'],
};

const rows: Row[] = readFileSync(new URL('./policy-lint-set/labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

const policy = compilePolicy(defaultPolicy());
const misses: string[] = [];
console.log(`policy lint on ${rows.length} labelled drafts (bench/policy-lint-set, CC0)\n`);
console.log('| detector | precision | recall | F1 | TP | FP | FN |');
console.log('|---|---|---|---|---|---|---|');
for (const [group, kinds] of Object.entries(GROUPS)) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of rows) {
    // Promises are judged where the rule applies (public replies); the set labels them on care replies.
    const found = lintDraft(policy, row.text, { channel: row.channel, brandNames: ['Acme'] }).findings;
    const fired = found.some((f) => kinds.includes(f.kind));
    const expected = row.labels.includes(group);
    if (fired && expected) tp++;
    else if (fired) {
      fp++;
      misses.push(`FP ${group}: ${row.text}`);
    } else if (expected) {
      fn++;
      misses.push(`FN ${group}: ${row.text}`);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(
    `| ${group} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${f1.toFixed(3)} | ${tp} | ${fp} | ${fn} |`,
  );
}
if (process.argv.includes('--errors')) console.log(`\n${misses.join('\n')}`);
