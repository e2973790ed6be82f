import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// One way to turn a conversation into something else with its author's consent (an idea on the brand's portal, a
// request for proposals posted as the author): what was proposed (`conversion_kind`, `conversion_payload`), the
// author's answer and what it became. The idea-only columns are carried over and dropped. An idea consented to
// whose idea was not yet written (its event still in the outbox) goes back to asked: the author answers again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_conversations RENAME COLUMN idea_consent TO conversion_consent;
    ALTER TABLE care_conversations RENAME COLUMN idea_id TO conversion_target_id;
    ALTER TABLE care_conversations
      ADD COLUMN conversion_kind text CHECK (conversion_kind IN ('idea', 'rfp')),
      ADD COLUMN conversion_payload jsonb;
    UPDATE care_conversations
       SET conversion_kind = 'idea',
           conversion_payload = jsonb_build_object('title', coalesce(idea_title, ''), 'description', coalesce(idea_description, ''))
     WHERE conversion_consent <> 'none' OR idea_title IS NOT NULL;
    UPDATE care_conversations SET conversion_consent = 'requested'
     WHERE conversion_consent = 'granted' AND conversion_target_id IS NULL;
    ALTER TABLE care_conversations DROP COLUMN idea_title, DROP COLUMN idea_description;
    ALTER TABLE care_conversations ADD CONSTRAINT care_conversations_conversion_kind_set
      CHECK (conversion_consent = 'none' OR conversion_kind IS NOT NULL);
    DELETE FROM event_deliveries d USING outbox_events e
     WHERE d.event_id = e.id AND e.type = 'care.idea.consented';
    CREATE INDEX care_conversations_conversion_target ON care_conversations (conversion_target_id)
     WHERE conversion_target_id IS NOT NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP INDEX care_conversations_conversion_target;
    ALTER TABLE care_conversations DROP CONSTRAINT care_conversations_conversion_kind_set;
    ALTER TABLE care_conversations ADD COLUMN idea_title text, ADD COLUMN idea_description text;
    UPDATE care_conversations SET idea_title = conversion_payload->>'title', idea_description = conversion_payload->>'description'
     WHERE conversion_kind = 'idea';
    UPDATE care_conversations SET conversion_consent = 'none', conversion_target_id = NULL WHERE conversion_kind = 'rfp';
    ALTER TABLE care_conversations DROP COLUMN conversion_kind, DROP COLUMN conversion_payload;
    ALTER TABLE care_conversations RENAME COLUMN conversion_consent TO idea_consent;
    ALTER TABLE care_conversations RENAME COLUMN conversion_target_id TO idea_id;
    `,
  );
}
