import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { queuesOf } from '../workflow/queues.repo.ts';
import { slaReport } from './sla.repo.ts';
import { businessHoursOf } from './sla.service.ts';

/** What each figure of the report measures, sent with it. */
export const REPORT_MEASURES = {
  firstResponseMinutes: "wall-clock minutes from the customer's first message to the brand's first reply",
  firstResponseBusinessMinutes: "the same, counting only minutes inside the brand's business hours",
  resolutionMinutes: 'wall-clock minutes from the first message to resolution',
  resolutionBusinessMinutes: "the same, counting only minutes inside the brand's business hours",
  breaches:
    "SLA targets (first response, next response, resolution) missed under the brand's policies, in business time",
};

/** Response and resolution reports of a brand's inbox, for whoever works it. */
export function createReportService({
  db,
  identity,
}: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
}) {
  return {
    /**
     * First-response and resolution times (median, p90) in wall-clock and in business minutes, SLA breaches and
     * CSAT by queue, agent or week.
     */
    async report(principal: Principal, handle: string, by: 'queue' | 'agent' | 'week', days: number) {
      const org = await identity.orgs.requireCapability(principal, handle, 'workInbox');
      const rows = await slaReport(db, org.id, by, days);
      const names = new Map<string, string>();
      if (by === 'queue') for (const q of await queuesOf(db, org.id)) names.set(q.id, q.name);
      if (by === 'agent')
        for (const a of await identity.accounts.byIds(
          rows.flatMap((r) => (r.group_key ? [r.group_key] : [])),
        ))
          names.set(a.id, `@${a.handle}`);
      const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
      const stat = (median: number | null, p90: number | null) => ({
        median: round(median),
        p90: round(p90),
      });
      return {
        items: rows.map((r) => ({
          group: r.group_key === null ? null : (names.get(r.group_key) ?? r.group_key),
          groupId: r.group_key,
          conversations: r.conversations,
          firstResponseMinutes: stat(r.first_response_p50, r.first_response_p90),
          firstResponseBusinessMinutes: stat(r.first_response_business_p50, r.first_response_business_p90),
          resolutionMinutes: stat(r.resolution_p50, r.resolution_p90),
          resolutionBusinessMinutes: stat(r.resolution_business_p50, r.resolution_business_p90),
          breaches: r.breaches,
          csat: round(r.csat),
        })),
        timezone: (await businessHoursOf(db, org.id)).timezone,
        measures: REPORT_MEASURES,
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
