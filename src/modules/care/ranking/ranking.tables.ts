import type { Generated } from 'kysely';

export interface CareRankingProfilesTable {
  org_id: string;
  industry: string;
  updated_at: Generated<Date>;
}

/** The industry each brand is ranked in (care owns it: the ranking is made of its conversations). */
export type RankingTables = { care_ranking_profiles: CareRankingProfilesTable };
