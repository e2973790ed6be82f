export { classifyText, type TextClassifier, trainTextClassifier } from './text.classifier.ts';
export { createTriage, type Triage, triage } from './triage.service.ts';
export {
  INTENTS,
  type Intent,
  type LanguageCode,
  type TriageOptions,
  type TriageResult,
} from './triage.types.ts';
