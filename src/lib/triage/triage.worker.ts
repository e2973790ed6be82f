// One thread of the triage pool: triages the batches of texts it is sent with the shipped models.
import { parentPort } from 'node:worker_threads';
import { triage } from './triage.service.ts';
import type { TriageOptions, TriageResult } from './triage.types.ts';

export type TriageJob = { id: number; texts: string[]; options: TriageOptions };
export type TriageReply = { id: number; results?: TriageResult[]; error?: string };

parentPort?.on('message', (job: TriageJob) => {
  try {
    const results = job.texts.map((text) => triage(text, job.options));
    parentPort?.postMessage({ id: job.id, results } satisfies TriageReply);
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: String(err) } satisfies TriageReply);
  }
});
