import type { Executor } from './db/database.ts';

/** What a person chose to happen to their posts when they close their account. */
export type ErasureChoice = { posts: 'keep' | 'remove' };

/**
 * A module's share of a person's data: what it puts in their export (a section of the JSON named `name`) and
 * what it erases when they close their account, in the closing transaction. Each module implements its own over
 * its own tables and offers it from its `index.ts`; the account module puts them together.
 */
export type PersonalDataPart = {
  name: string;
  export(personId: string): Promise<unknown>;
  erase(trx: Executor, personId: string, choice: ErasureChoice): Promise<void>;
};
