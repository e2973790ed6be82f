import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The ideas portal: ideas per brand with votes on a budget, comments, follows, a status timeline, scorecards,
// merges, and the loop from a shipped idea to the products it became and the orders of its voters.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE idea_settings (
      org_id uuid PRIMARY KEY,
      votes_per_person integer NOT NULL DEFAULT 10 CHECK (votes_per_person BETWEEN 1 AND 1000),
      votes_per_idea integer NOT NULL DEFAULT 3 CHECK (votes_per_idea BETWEEN 1 AND 100),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ideas (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      author_id uuid NOT NULL,
      title text NOT NULL,
      description text NOT NULL,
      category text,
      image_urls jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'under_review', 'planned', 'in_progress', 'shipped', 'declined')),
      declined_reason text,
      owner_id uuid,
      merged_into_id uuid,
      care_conversation_id uuid,
      votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
      trend_score double precision NOT NULL,
      comments integer NOT NULL DEFAULT 0 CHECK (comments >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      shipped_at timestamptz
    );
    CREATE INDEX ideas_top ON ideas (org_id, votes DESC, id) WHERE merged_into_id IS NULL;
    CREATE INDEX ideas_new ON ideas (org_id, created_at DESC, id) WHERE merged_into_id IS NULL;
    CREATE INDEX ideas_trending ON ideas (org_id, trend_score DESC, id) WHERE merged_into_id IS NULL;
    CREATE INDEX ideas_status ON ideas (org_id, status, votes DESC) WHERE merged_into_id IS NULL;
    CREATE INDEX ideas_title_trgm ON ideas USING gin (title gin_trgm_ops);
    CREATE INDEX ideas_conversation ON ideas (care_conversation_id) WHERE care_conversation_id IS NOT NULL;
    CREATE TABLE idea_budgets (
      org_id uuid NOT NULL,
      person_id uuid NOT NULL,
      used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
      PRIMARY KEY (org_id, person_id)
    );
    CREATE TABLE idea_votes (
      idea_id uuid NOT NULL,
      voter_id uuid NOT NULL,
      org_id uuid NOT NULL,
      weight integer NOT NULL CHECK (weight > 0),
      voted_at timestamptz NOT NULL DEFAULT now(),
      released_at timestamptz,
      PRIMARY KEY (idea_id, voter_id)
    );
    CREATE INDEX idea_votes_voter ON idea_votes (org_id, voter_id);
    CREATE TABLE idea_comments (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      idea_id uuid NOT NULL,
      author_id uuid NOT NULL,
      body text NOT NULL,
      official boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX idea_comments_idea ON idea_comments (idea_id, created_at);
    CREATE TABLE idea_follows (
      idea_id uuid NOT NULL,
      follower_id uuid NOT NULL,
      org_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (idea_id, follower_id)
    );
    CREATE TABLE idea_events (
      id bigserial PRIMARY KEY,
      org_id uuid NOT NULL,
      idea_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('posted', 'status', 'merged_in', 'owner', 'shipped')),
      status text,
      note text,
      actor_id uuid,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX idea_events_idea ON idea_events (idea_id, id);
    CREATE TABLE idea_scores (
      idea_id uuid NOT NULL,
      evaluator_id uuid NOT NULL,
      org_id uuid NOT NULL,
      impact integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
      effort integer NOT NULL CHECK (effort BETWEEN 1 AND 5),
      scored_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (idea_id, evaluator_id)
    );
    CREATE TABLE idea_products (
      idea_id uuid NOT NULL,
      product_id uuid NOT NULL,
      org_id uuid NOT NULL,
      PRIMARY KEY (idea_id, product_id)
    );
    CREATE INDEX idea_products_product ON idea_products (org_id, product_id);
    CREATE TABLE idea_orders (
      order_id uuid NOT NULL,
      idea_id uuid NOT NULL,
      org_id uuid NOT NULL,
      buyer_id uuid NOT NULL,
      revenue_minor bigint NOT NULL CHECK (revenue_minor >= 0),
      currency text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (order_id, idea_id)
    );
    CREATE INDEX idea_orders_idea ON idea_orders (org_id, idea_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP TABLE idea_orders;
    DROP TABLE idea_products;
    DROP TABLE idea_scores;
    DROP TABLE idea_events;
    DROP TABLE idea_follows;
    DROP TABLE idea_comments;
    DROP TABLE idea_votes;
    DROP TABLE idea_budgets;
    DROP TABLE ideas;
    DROP TABLE idea_settings;
    `,
  );
}
