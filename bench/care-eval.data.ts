import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, parseCsvRecords } from '../src/lib/triage/index.ts';

/** Evaluation-only sets, read in place from the data folder (never copied into the repository). */

export type ScoredText = { text: string; label: number };

const POLARITY: Record<string, number> = { negative: 0, neutral: 1, positive: 2 };

/** Airline tweets, first row per tweet_id kept (the file has 155 duplicated ids). */
export function loadAirlineTweets(dataDir: string): ScoredText[] {
  const rows = parseCsvRecords(
    readFileSync(join(dataDir, 'twitter-us-airline-sentiment', 'Tweets.csv'), 'utf8'),
  );
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.tweet_id)) return [];
    seen.add(row.tweet_id);
    return [{ text: row.text, label: POLARITY[row.airline_sentiment] }];
  });
}

/** TweetEval sentiment split; labels 0 negative, 1 neutral, 2 positive (mapping.txt). */
export function loadTweetEval(dataDir: string, split: 'val' | 'test'): ScoredText[] {
  const read = (name: string) => readFileSync(join(dataDir, 'tweeteval-sentiment', name), 'utf8').split('\n');
  const labels = read(`${split}_labels.txt`).filter((line) => line.trim() !== '');
  const texts = read(`${split}_text.txt`).slice(0, labels.length);
  return texts.map((text, i) => ({ text, label: Number(labels[i]) }));
}

/** The paper's RoBERTa-Retrained test predictions, used to check our macro-recall scorer. */
export function loadTweetEvalReferencePredictions(dataDir: string): number[] {
  const file = join(dataDir, 'tweeteval-sentiment', 'predictions_roberta_retrained_test.txt');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
}

/** VADER's 4,200 tweets with the mean of ≥20 human ratings on −4..4 (label is that mean). */
export function loadVaderTweets(dataDir: string): ScoredText[] {
  const file = join(dataDir, 'vader-icwsm2014', 'tweets_GroundTruth.txt');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, mean, ...text] = line.split('\t');
      return { text: text.join('\t'), label: Number(mean) };
    });
}

/** SemEval-2019 task 9 subtask A file (`id, sentence, label`); label 1 = suggestion. */
export function loadSuggestions(dataDir: string, fileName: string): ScoredText[] {
  const file = join(dataDir, 'semeval2019-task9-suggestion-mining', fileName);
  // A header row is skipped by its label not being a number (the official test file has none).
  return parseCsv(readFileSync(file, 'utf8'))
    .filter((r) => r.length >= 3 && /^[01]$/.test(r[2].trim()))
    .map((r) => ({ text: r[1], label: Number(r[2]) }));
}
