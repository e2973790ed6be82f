import type { ColumnType } from 'kysely';
import type { Priority } from '../care.tables.ts';
import type { OpenPeriod } from './business-time.clock.ts';

export type SlaTarget = 'first_response' | 'next_response' | 'resolution';

export interface CareBusinessHoursTable {
  org_id: string;
  timezone: string;
  periods: ColumnType<OpenPeriod[], string, string>;
  holidays: string[];
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CareSlaPoliciesTable {
  id: string;
  org_id: string;
  /** Null: the brand-wide default for the priority. */
  queue_id: string | null;
  priority: Priority;
  first_response_minutes: number;
  next_response_minutes: number;
  resolution_minutes: number;
}

/** The SLA clocks a conversation carries (columns of care_conversations). */
export type ConversationSlaColumns = {
  sla_awaiting_since: Date | null;
  sla_resolution_since: Date | null;
  sla_response_due_at: Date | null;
  sla_resolution_due_at: Date | null;
  sla_target: SlaTarget | null;
  sla_due_at: Date | null;
  sla_breaches: ColumnType<number, number | undefined, number>;
  sla_last_breach_target: SlaTarget | null;
  sla_last_breach_at: Date | null;
  first_response_business_minutes: number | null;
  resolution_business_minutes: number | null;
};
