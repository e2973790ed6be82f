import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/api-error.ts';
import { setCsrfToken } from '../../../shared/api/client.ts';
import { identityApi } from '../api/identity.api.ts';
import { type AccountSummary, type Me, POSTING_ROLES } from '../api/identity.types.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out (the API answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await identityApi.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
}

/** The signed-in user where a signed-in route guarantees one; null only while signed out. */
export function useViewer(): Me | null {
  return useMe().data ?? null;
}

/** Who the user may publish as: themselves first, then each org where their role allows posting. */
export function postingIdentities(me: Me): AccountSummary[] {
  const orgs = me.memberships.filter((m) => POSTING_ROLES.includes(m.role)).map((m) => m.org);
  return [me.account, ...orgs];
}

/** Accounts whose posts the user may delete: their own and those of orgs they can post as. */
export function ownedAccountIds(me: Me | null): Set<string> {
  return new Set(me ? postingIdentities(me).map((a) => a.id) : []);
}
