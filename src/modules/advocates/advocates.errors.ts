import { defineErrors } from '../../platform/errors.ts';

/** Every error code the advocates module answers with (listed in the OpenAPI). */
export const advocatesError = defineErrors('advocates', {
  segment_not_found: { kind: 'not_found', description: 'No advocate segment with that id in this brand' },
  segment_name_taken: { kind: 'conflict', description: 'This brand already has a segment with that name' },
  segment_without_rule: {
    kind: 'unprocessable',
    description: 'A segment needs at least one rule: a community, a minimum score or a top N',
  },
  run_not_found: { kind: 'not_found', description: 'No influence run with that id in this brand' },
  referral_not_found: { kind: 'not_found', description: 'No referral with that id in this brand' },
  referral_not_flagged: {
    kind: 'conflict',
    description: 'Only a referral flagged for review can be approved or rejected',
  },
  negative_points: {
    kind: 'unprocessable',
    description: 'A points rule would award a negative total: points are whole numbers from 0',
  },
  tier_thresholds_overlap: {
    kind: 'unprocessable',
    description:
      'Tier thresholds must rise: the first tier starts at 0 and each needs more points than the one below',
  },
  negative_threshold: {
    kind: 'unprocessable',
    description: 'A tier threshold is negative: points start at 0',
  },
  tier_key_taken: { kind: 'unprocessable', description: 'Two tiers share a key' },
  brand_not_found: { kind: 'not_found', description: 'No brand with that handle' },
});
