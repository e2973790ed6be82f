import type { ColumnType, Generated } from 'kysely';
import type { BriefingFigures } from './briefings.schemas.ts';

export type BriefingCadence = 'weekly' | 'on_demand';

export interface ListeningBriefingsTable {
  id: string;
  org_id: string;
  cadence: BriefingCadence;
  period_start: Date;
  period_end: Date;
  /** The figures as they were when the book was written: a book never changes afterwards. */
  figures: ColumnType<BriefingFigures, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Briefing books (listening owns them). */
export type BriefingsTables = { listening_briefings: ListeningBriefingsTable };
