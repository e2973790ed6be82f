import type { ApiQuery, ApiResponse } from '../../../shared/api/types.ts';
import type { Conversation } from './care.types.ts';

/** The SLA state of a conversation as the server computed it. */
export type ConversationSla = Conversation['sla'];

export type SlaTarget = NonNullable<ConversationSla['target']>;

export const SLA_TARGET_LABELS: Record<SlaTarget, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

export type BusinessHours = ApiResponse<'/orgs/{handle}/care/settings/business-hours'>;
export type OpenPeriod = BusinessHours['periods'][number];

export type Weekday = OpenPeriod['day'];
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export type SlaPolicies = ApiResponse<'/orgs/{handle}/care/settings/sla-policies'>;
export type SlaPolicy = SlaPolicies['items'][number];

/** SLA and CSAT figures by queue, agent or week, in the brand's time zone. */
export type CareReport = ApiResponse<'/orgs/{handle}/care/reports'>;
export type ReportRow = CareReport['items'][number];
export type Stat = ReportRow['firstResponseMinutes'];
export type ReportGrouping = NonNullable<ApiQuery<'/orgs/{handle}/care/reports'>['by']>;
