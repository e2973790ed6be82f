import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { PersonalDataPart } from '../../platform/personal-data.ts';
import type { IdentityModule } from '../identity/index.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { createPrivacyService } from './privacy.service.ts';

/** Export my data and delete my account: each module contributes its part of a person's data. */
export function createPrivacyModule(deps: {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'security'>;
  parts: PersonalDataPart[];
}) {
  const service = createPrivacyService(deps);
  return { service, routes: privacyRoutes(service) };
}
