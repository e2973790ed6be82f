import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { ErasureChoice, PersonalDataPart } from '../../platform/personal-data.ts';
import type { IdentityModule } from '../identity/index.ts';

export type PrivacyDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'security'>;
  /** Every module's share of a person's data. */
  parts: PersonalDataPart[];
};

/** A person's data export (one JSON document) and closing their account, each module doing its own part. */
export function createPrivacyService({ db, events, identity, parts }: PrivacyDeps) {
  return {
    async exportData(userId: string) {
      const account = await identity.security.personalData(userId);
      const sections: Record<string, unknown> = {};
      for (const part of parts) sections[part.name] = await part.export(userId);
      return { exportedAt: new Date().toISOString(), account, sections };
    },

    /**
     * Closes the account after the password is confirmed, in one transaction: every module erases its part,
     * then identity anonymises the account and ends its sign-in; the sessions' live streams end after commit.
     */
    async deleteAccount(userId: string, password: string, choice: ErasureChoice) {
      await identity.security.confirmPassword(userId, password);
      const closed = await events.transaction(db, async (trx) => {
        for (const part of parts) await part.erase(trx, userId, choice);
        return identity.security.closeAccount(trx, userId);
      });
      closed();
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
