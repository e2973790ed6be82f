/**
 * Who may buy a deal: the brand's followers, everyone, or a group the advocates module keeps: a saved segment of its
 * advocates (`segment:<id>`) or a tier of its ladder and those above it (`tier:<key>`). Advocates builds on
 * commerce, so it plugs its resolver in when the app is composed. The same groups name a deal's early-access
 * audience and the members a product is reserved for.
 */
export type AudienceRef = { kind: 'segment' | 'tier'; id: string };

export type AudienceResolver = {
  /** Whether the brand has this segment or tier. */
  exists(orgId: string, ref: AudienceRef): Promise<boolean>;
  /** Whether the person is in the brand's segment, or at or above its tier. */
  includes(orgId: string, ref: AudienceRef, accountId: string): Promise<boolean>;
  /** A short label for the group (the segment's name, the tier's name), for cards and product pages. */
  label(orgId: string, ref: AudienceRef): Promise<string | null>;
};

/** Where the resolver is plugged in; without one, a segment or tier deal can be neither published nor bought. */
export type AudienceSlot = { resolver?: AudienceResolver };

const PLUGGED = /^(segment|tier):([0-9a-f-]{36}|[a-z][a-z0-9-]{0,29})$/;

/** The segment or tier of a `segment:<id>` / `tier:<key>` audience, or null for followers and everyone. */
export function pluggedAudience(audience: string | null | undefined): AudienceRef | null {
  const m = PLUGGED.exec(audience ?? '');
  if (!m) return null;
  const kind = m[1] as AudienceRef['kind'];
  if (kind === 'segment' && !/^[0-9a-f-]{36}$/.test(m[2])) return null;
  return { kind, id: m[2] };
}

/** The JSON-schema pattern of a plugged audience. */
export const PLUGGED_AUDIENCE_PATTERN = '^(segment:[0-9a-f-]{36}|tier:[a-z][a-z0-9-]{0,29})$';
