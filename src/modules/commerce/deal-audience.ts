/**
 * Who may buy a deal: the brand's followers, everyone, or a segment of its advocates (`segment:<id>`). Segments
 * belong to the advocates module, which builds on commerce, so it plugs its resolver in when the app is composed.
 */
export type AudienceResolver = {
  /** Whether the brand has a segment with this id. */
  segmentExists(orgId: string, segmentId: string): Promise<boolean>;
  /** Whether the person is in the brand's segment. */
  inSegment(orgId: string, segmentId: string, accountId: string): Promise<boolean>;
};

/** Where the resolver is plugged in; without one, a segment deal can be neither published nor bought. */
export type AudienceSlot = { resolver?: AudienceResolver };

const SEGMENT = /^segment:([0-9a-f-]{36})$/;

/** The segment id of a `segment:<id>` audience, or null for followers and everyone. */
export function segmentOf(audience: string): string | null {
  return SEGMENT.exec(audience)?.[1] ?? null;
}
