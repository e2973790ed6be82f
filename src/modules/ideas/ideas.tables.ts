import type { ColumnType, Generated } from 'kysely';

export type IdeaStatus = 'new' | 'under_review' | 'planned' | 'in_progress' | 'shipped' | 'declined';

export interface IdeaSettingsTable {
  org_id: string;
  votes_per_person: Generated<number>;
  votes_per_idea: Generated<number>;
  hide_after_reports: Generated<number>;
  updated_at: Generated<Date>;
}

export interface IdeasTable {
  id: string;
  org_id: string;
  author_id: string;
  title: string;
  description: string;
  category: string | null;
  image_urls: ColumnType<string[], string | undefined, string>;
  status: Generated<IdeaStatus>;
  declined_reason: string | null;
  owner_id: string | null;
  /** Set once merged into another idea: its votes, comments and followers moved there; the page redirects. */
  merged_into_id: string | null;
  /** The care conversation the idea came from, when an agent turned one into an idea with the author's consent. */
  care_conversation_id: string | null;
  /** The title's words (generated from it, GIN-indexed) that similar-idea candidates are matched on. */
  title_words: ColumnType<string, never, never>;
  /** Active and returned votes received (a vote returned to the voter's budget when the idea closed still counts). */
  votes: Generated<number>;
  /** log2 of Σ weight·2^(t/half-life) over the idea's votes and its posting: order by it for trending. */
  trend_score: number;
  comments: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  shipped_at: Date | null;
  /** The private challenge the idea was posted to; null for the public portal. */
  challenge_id: string | null;
  /** Set when the brand's number of distinct reports was reached; cleared when the brand restores it. */
  hidden_at: Date | null;
  reports: Generated<number>;
  /** The brand reviewed the hidden idea and kept it hidden: closed, its votes back in the voters' budgets. */
  kept_hidden_at: Generated<Date | null>;
}

export interface IdeaBudgetsTable {
  org_id: string;
  person_id: string;
  /** Votes the person has on open ideas of the brand; locked while a vote changes, so it never passes the limit. */
  used: number;
}

export interface IdeaVotesTable {
  idea_id: string;
  voter_id: string;
  org_id: string;
  weight: number;
  voted_at: Generated<Date>;
  /** When the vote went back to the voter's budget (the idea shipped, was declined or merged away). */
  released_at: Date | null;
}

export interface IdeaCommentsTable {
  id: string;
  org_id: string;
  idea_id: string;
  author_id: string;
  body: string;
  /** An official response: written by a member of the brand as the brand. */
  official: Generated<boolean>;
  created_at: Generated<Date>;
  hidden_at: Generated<Date | null>;
  reports: Generated<number>;
  /** The brand reviewed the hidden comment and kept it hidden. */
  kept_hidden_at: Generated<Date | null>;
}

export interface IdeaFollowsTable {
  idea_id: string;
  follower_id: string;
  org_id: string;
  created_at: Generated<Date>;
}

export interface IdeaEventsTable {
  id: Generated<number>;
  org_id: string;
  idea_id: string;
  kind: 'posted' | 'status' | 'merged_in' | 'owner' | 'shipped';
  status: string | null;
  note: string | null;
  actor_id: string | null;
  at: Generated<Date>;
}

export interface IdeaScoresTable {
  idea_id: string;
  evaluator_id: string;
  org_id: string;
  impact: number;
  effort: number;
  scored_at: Generated<Date>;
}

export interface IdeaProductsTable {
  idea_id: string;
  product_id: string;
  org_id: string;
}

export interface IdeaOrdersTable {
  order_id: string;
  idea_id: string;
  org_id: string;
  buyer_id: string;
  revenue_minor: number;
  currency: string;
  created_at: Generated<Date>;
}

export interface IdeaChallengesTable {
  id: string;
  org_id: string;
  title: string;
  description: string;
  /** No new ideas or votes after this. */
  closes_at: Date;
  /** Invited: people in this saved advocates segment of the brand. */
  segment_id: string | null;
  /** Invited: people at or above this tier of the brand's advocates (the co-design perk). */
  tier_key: Generated<string | null>;
  /** Invited: members of the brand with one of these roles. */
  roles: ColumnType<string[], string, string>;
  created_by: string;
  created_at: Generated<Date>;
}

/** Invited by name. */
export interface IdeaChallengeInviteesTable {
  challenge_id: string;
  person_id: string;
  org_id: string;
}

export interface IdeaReportsTable {
  org_id: string;
  target_kind: 'idea' | 'comment';
  target_id: string;
  reporter_id: string;
  reason: string;
  created_at: Generated<Date>;
}

export type IdeasTables = {
  idea_challenges: IdeaChallengesTable;
  idea_challenge_invitees: IdeaChallengeInviteesTable;
  idea_reports: IdeaReportsTable;
  idea_settings: IdeaSettingsTable;
  ideas: IdeasTable;
  idea_budgets: IdeaBudgetsTable;
  idea_votes: IdeaVotesTable;
  idea_comments: IdeaCommentsTable;
  idea_follows: IdeaFollowsTable;
  idea_events: IdeaEventsTable;
  idea_scores: IdeaScoresTable;
  idea_products: IdeaProductsTable;
  idea_orders: IdeaOrdersTable;
};
