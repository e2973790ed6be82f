import type { Db } from '../../platform/db/database.ts';
import type { PersonalDataPart } from '../../platform/personal-data.ts';
import * as links from './identity-links/identity-links.repo.ts';
import type { CustomerCareService } from './inbox/customer.service.ts';

/**
 * A person's cases with brands (as "My care" shows them: their messages and the brand's replies, never the brand's
 * internal notes) and the identities brands linked to them, in their export. On closing, the links end; the cases
 * stay with the brands, like orders, as records of what was asked and answered.
 */
export function createCarePersonalData(db: Db, customers: CustomerCareService): PersonalDataPart {
  return {
    name: 'care',
    async export(personId) {
      const [conversations, identityLinks] = await Promise.all([
        customers.conversationsOf(personId),
        links.allLinksOfPerson(db, personId),
      ]);
      return {
        conversations,
        identityLinks: identityLinks.map((l) => ({
          brandId: l.org_id,
          network: l.network,
          handle: l.handle,
          url: l.url,
          status: l.status,
          proposedAt: l.created_at.toISOString(),
          decidedAt: l.decided_at?.toISOString() ?? null,
        })),
      };
    },
    async erase(trx, personId) {
      await links.removeLinksOfPerson(trx, personId);
    },
  };
}
