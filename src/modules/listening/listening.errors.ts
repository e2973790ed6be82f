import { defineErrors } from '../../platform/errors.ts';

/** Every error code the listening module answers with (listed in the OpenAPI). */
export const listeningError = defineErrors('listening', {
  topic_not_found: { kind: 'not_found', description: 'No topic with that id for this brand' },
  rule_not_found: { kind: 'not_found', description: 'No auto-tagging rule with that id for this brand' },
  mention_not_found: { kind: 'not_found', description: 'No mention with that id for this brand' },
  import_not_found: { kind: 'not_found', description: 'No import with that id for this brand' },
  briefing_not_found: { kind: 'not_found', description: 'No briefing book with that id for this brand' },
  invalid_period: {
    kind: 'bad_request',
    description: 'The briefing book’s period is reversed, empty, longer than a year or in the future',
  },
  invalid_query: {
    kind: 'bad_request',
    description: 'The topic query does not parse: the problem names the position and what was expected there',
  },
  unreadable_file: {
    kind: 'bad_request',
    description:
      'The import file cannot be read in the given format (not UTF-8, missing columns, not JSON, truncated); mentions read before the problem are kept',
  },
  missing_mapping: {
    kind: 'bad_request',
    description: 'Generic CSV and JSON-lines imports need a column mapping naming id, text and createdAt',
  },
  invalid_window: {
    kind: 'bad_request',
    description: 'The time window is empty, reversed or too long for its buckets',
  },
  invalid_alert_settings: {
    kind: 'bad_request',
    description:
      'An alert mail address or the webhook URL is not valid (webhooks need an http(s) URL on the public internet unless the server allows private networks)',
  },
  not_a_souk_post: {
    kind: 'bad_request',
    description:
      'Only a mention that is a Souk post becomes a care conversation; imported ones link out to their network',
  },
  source_not_found: { kind: 'not_found', description: 'No followed source with that id for this brand' },
  invalid_source: {
    kind: 'bad_request',
    description:
      'The source to follow is not valid: the instance must be an http(s) address on the public internet (unless the server allows private networks), the hashtag letters, digits or _, the account @name, name@host or its id',
  },
  source_exists: {
    kind: 'conflict',
    description: 'The brand already follows that hashtag or account on that instance',
  },
  topic_name_taken: { kind: 'conflict', description: 'Another topic or tag of this brand has that name' },
});
