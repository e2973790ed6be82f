import type { SuggestionExample } from '../suggestion.detector.ts';
import { expandSeeds } from './intent-seed.data.ts';
import { loadBanking77, loadBitext, loadClinc150 } from './public-data.loader.ts';
import { OTHER_TEMPLATES, SUGGESTION_SLOTS, SUGGESTION_TEMPLATES } from './suggestion-seed.data.ts';

/** `group` ties the variants of one template together, so a hold-out never splits them. */
export type SuggestionTrainingExample = SuggestionExample & { source: string; group: string };

export const SUGGESTION_SEED_COPIES = 4;
/** Share of the negative weight carried by the public intent sets (questions, requests and chat to a
 * service); the rest goes to hand-written non-suggestions, which share the suggestions' register. */
export const PUBLIC_NEGATIVE_SHARE = 0.3;

/** Deterministic slot filling of the detector's own templates: up to `copies` distinct variants each. */
export function expandSuggestionSeeds(
  copies: number,
): { text: string; isSuggestion: boolean; template: string }[] {
  let counter = 0;
  const groups = [
    { templates: SUGGESTION_TEMPLATES, isSuggestion: true },
    { templates: OTHER_TEMPLATES, isSuggestion: false },
  ];
  return groups.flatMap(({ templates, isSuggestion }) =>
    templates.flatMap((template) => {
      const variants = new Set<string>();
      for (let copy = 0; copy < copies; copy++) variants.add(fillSlots(template, counter++));
      return [...variants].map((text) => ({ text, isSuggestion, template }));
    }),
  );
}

function fillSlots(template: string, counter: number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const values = SUGGESTION_SLOTS[slot];
    const stride = slot.length * 5 + 1;
    return values[(counter * stride + slot.charCodeAt(0)) % values.length];
  });
}

/**
 * Every example that may train the detector: its own CC0 templates, the intent seeds (idea against the seven
 * other intents), and the public intent sets the data README marks "may train" as negatives. Suggestions and
 * non-suggestions carry equal total weight; the decision threshold, not the training prior, sets the base rate.
 */
export function buildSuggestionTrainingSet(dataDir: string): SuggestionTrainingExample[] {
  const own = expandSuggestionSeeds(SUGGESTION_SEED_COPIES).map((s) => ({
    text: s.text,
    isSuggestion: s.isSuggestion,
    source: 'suggestion-seed',
    group: s.template,
  }));
  const intentSeeds = expandSeeds(SUGGESTION_SEED_COPIES).map((s) => ({
    text: s.text,
    isSuggestion: s.label === 'idea',
    source: 'intent-seed',
    group: s.template,
  }));
  const clinc = loadClinc150(dataDir);
  const publicRows = [
    ...loadBanking77(dataDir, 'train'),
    ...clinc.train,
    ...clinc.val,
    ...loadBitext(dataDir),
  ].map((r) => ({ text: r.text, isSuggestion: false, source: 'public', group: r.text }));
  return balance([...own, ...intentSeeds, ...publicRows]);
}

function balance(examples: Omit<SuggestionTrainingExample, 'weight'>[]): SuggestionTrainingExample[] {
  const count = (test: (e: (typeof examples)[number]) => boolean) => examples.filter(test).length;
  const positives = count((e) => e.isSuggestion);
  const publics = count((e) => e.source === 'public');
  const ownNegatives = examples.length - positives - publics;
  // Weights are scaled so that the mean weight is 1 (the SGD step size was tuned for unit weights).
  const half = examples.length / 2;
  return examples.map((e) => {
    const weight = e.isSuggestion
      ? half / positives
      : e.source === 'public'
        ? (half * PUBLIC_NEGATIVE_SHARE) / publics
        : (half * (1 - PUBLIC_NEGATIVE_SHARE)) / ownNegatives;
    return { ...e, weight };
  });
}
