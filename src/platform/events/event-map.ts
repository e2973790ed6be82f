import type { CareEvents } from '../../modules/care/care.events.ts';
import type { CommerceEvents } from '../../modules/commerce/commerce.events.ts';
import type { GovernanceEvents } from '../../modules/governance/governance.events.ts';
import type { IdeasEvents } from '../../modules/ideas/ideas.events.ts';
import type { IdentityEvents } from '../../modules/identity/identity.events.ts';
import type { ListeningEvents } from '../../modules/listening/listening.events.ts';
import type { MailEvents } from '../../modules/mail/mail.events.ts';
import type { RfpEvents } from '../../modules/rfp/rfp.events.ts';
import type { SocialEvents } from '../../modules/social/social.events.ts';

/** Every domain event by type, with its payload. Each module declares the events it emits. */
export type EventMap = IdentityEvents &
  SocialEvents &
  CommerceEvents &
  CareEvents &
  MailEvents &
  IdeasEvents &
  ListeningEvents &
  RfpEvents &
  GovernanceEvents;
export type EventType = keyof EventMap;

export type DomainEvent<K extends EventType = EventType> = {
  id: number;
  type: K;
  aggregateId: string;
  payload: EventMap[K];
  createdAt: Date;
};
