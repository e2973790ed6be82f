import type { ApiResponse } from '../../../shared/api/types.ts';

export type SlaTarget = 'first_response' | 'next_response' | 'resolution';

export const SLA_TARGET_LABELS: Record<SlaTarget, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

/** The SLA state of a conversation as the server computed it. */
// generated once GET /orgs/{handle}/care/conversations has a response schema
export type ConversationSla = {
  /** The running clock due first (the live timer); null when none runs. */
  target: SlaTarget | null;
  dueAt: string | null;
  breached: boolean;
  /** Outside business hours: the clocks do not run. */
  paused: boolean;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  breaches: number;
  lastBreach: { target: SlaTarget; at: string } | null;
};

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export type BusinessHours = ApiResponse<'/orgs/{handle}/care/settings/business-hours'>;
export type OpenPeriod = BusinessHours['periods'][number];

export type SlaPolicies = ApiResponse<'/orgs/{handle}/care/settings/sla-policies'>;
export type SlaPolicy = SlaPolicies['items'][number];

// generated once GET /orgs/{handle}/care/reports has a response schema
export type Stat = { median: number | null; p90: number | null };
export type ReportRow = {
  group: string | null;
  groupId: string | null;
  conversations: number;
  firstResponseMinutes: Stat;
  firstResponseBusinessMinutes: Stat;
  resolutionMinutes: Stat;
  resolutionBusinessMinutes: Stat;
  breaches: number;
  csat: number | null;
};
export type CareReport = { items: ReportRow[]; timezone: string; measures: Record<string, string> };
export type ReportGrouping = 'queue' | 'agent' | 'week';
