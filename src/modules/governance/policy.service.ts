import {
  type Channel,
  type CompiledPolicy,
  compilePolicy,
  defaultPolicy,
  type Finding,
  type LintResult,
  lintDraft,
  mentionsBrand,
  type PolicyRule,
  PolicyRuleError,
} from '../../lib/policy/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { IdentityModule } from '../identity/index.ts';
import * as approvalsRepo from './approvals.repo.ts';
import { assertCertified } from './certification/certification.service.ts';
import { governanceError } from './governance.errors.ts';
import * as repo from './governance.repo.ts';
import type { AuditFilter, RuleInput } from './governance.schemas.ts';

export type PolicyDeps = { db: Db; identity: Pick<IdentityModule, 'orgs' | 'accounts'> };

/** What a module asks before it posts a brand member's words (see `PolicyCheck` in the social module). */
export type PolicyCheckInput = {
  orgId: string;
  actorId: string;
  channel: Channel;
  text: string;
  overrideReason?: string;
  /** A draft its approvers passed (or one going to them): the approval rule does not stop it again. */
  approved?: boolean;
  /** An employee's share from the content library: about the brand whether or not it names it. */
  aboutBrand?: boolean;
};

/** Which fields each kind cannot do without. */
const REQUIRED_FIELDS: Partial<Record<PolicyRule['kind'], keyof PolicyRule>> = {
  banned_phrase: 'phrases',
  required_phrase: 'phrases',
  banned_pattern: 'pattern',
  competitor: 'competitors',
  link_domains: 'domains',
};

function invalidRule(field: string, message: string) {
  return governanceError('invalid_policy_rule', message, [{ field, message }]);
}

/** A rule as stored: input checked, compiled once to prove it can run (a bad RE2 pattern is a 422 naming it). */
export function ruleFromInput(id: string, input: RuleInput): PolicyRule {
  const rule: PolicyRule = { ...input, id, enabled: input.enabled ?? true, channels: input.channels ?? [] };
  const required = REQUIRED_FIELDS[rule.kind];
  if (required) {
    const value = rule[required];
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '')
      throw invalidRule(required, `A ${rule.kind} rule needs ${required}`);
  }
  try {
    compilePolicy([{ ...rule, enabled: true }]);
  } catch (error) {
    if (error instanceof PolicyRuleError) throw invalidRule(error.field, error.message);
    throw error;
  }
  return rule;
}

/** Where only certified members may write when the brand requires it: as the brand, and in public in care. */
const CERTIFIED_CHANNELS: Channel[] = ['brand_post', 'deal', 'care_reply'];

type Cached = { version: number; policy: CompiledPolicy; brandNames: string[] };

export function createPolicyService({ db, identity }: PolicyDeps) {
  const cache = new Map<string, Cached>();

  async function rulesOf(orgId: string): Promise<PolicyRule[]> {
    if ((await repo.policyVersion(db, orgId)) === undefined)
      await repo.seedPolicy(db, orgId, defaultPolicy());
    return repo.listRules(db, orgId);
  }

  /** The brand's compiled policy, rebuilt only when its version moved (another process may have changed it). */
  async function compiled(orgId: string): Promise<Cached> {
    let version = await repo.policyVersion(db, orgId);
    if (version === undefined) {
      await rulesOf(orgId);
      version = (await repo.policyVersion(db, orgId)) ?? 1;
    }
    const hit = cache.get(orgId);
    if (hit && hit.version === version) return hit;
    const [org] = await identity.accounts.byIds([orgId]);
    const brandNames = org ? [org.handle, org.name] : [];
    const entry = { version, policy: compilePolicy(await repo.listRules(db, orgId)), brandNames };
    cache.set(orgId, entry);
    return entry;
  }

  async function lintFor(
    orgId: string,
    text: string,
    channel: Channel,
    aboutBrand = false,
  ): Promise<LintResult & { applies: boolean }> {
    const { policy, brandNames } = await compiled(orgId);
    // An employee's own post is the brand's business only when it names the brand (or shares its post).
    if (channel === 'employee_post' && !aboutBrand && !mentionsBrand(text, brandNames))
      return { findings: [], blocked: false, applies: false };
    return { ...lintDraft(policy, text, { channel, brandNames, aboutBrand }), applies: true };
  }

  async function record(input: PolicyCheckInput, action: 'blocked' | 'overridden', findings: Finding[]) {
    await repo.insertAudit(db, {
      orgId: input.orgId,
      actorId: input.actorId,
      action,
      channel: input.channel,
      ruleIds: [...new Set(findings.map((f) => f.ruleId))],
      findings,
      reason: input.overrideReason ?? null,
      text: input.text,
    });
  }

  async function changed(orgId: string) {
    await repo.bumpVersion(db, orgId);
  }

  return {
    /** The brand's rules (the defaults until it edits them), for the course built from them. */
    rulesFor: rulesOf,

    async rules(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      return rulesOf(org.id);
    },

    async addRule(principal: Principal, handle: string, input: RuleInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      await rulesOf(org.id);
      const rule = ruleFromInput(newId().replace(/-/g, '').slice(-12), input);
      await repo.upsertRule(db, org.id, rule, principal.userId);
      await changed(org.id);
      return rule;
    },

    async updateRule(principal: Principal, handle: string, ruleId: string, input: RuleInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const existing = (await rulesOf(org.id)).find((r) => r.id === ruleId);
      if (!existing) throw governanceError('policy_rule_not_found', `No rule ${ruleId} in this policy`);
      const rule = ruleFromInput(ruleId, input);
      await repo.upsertRule(db, org.id, rule, principal.userId);
      await changed(org.id);
      return rule;
    },

    async deleteRule(principal: Principal, handle: string, ruleId: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      await rulesOf(org.id);
      if (!(await repo.deleteRule(db, org.id, ruleId)))
        throw governanceError('policy_rule_not_found', `No rule ${ruleId} in this policy`);
      await changed(org.id);
    },

    /** The composer's lint, as the writer types. */
    async lint(principal: Principal, handle: string, text: string, channel: Channel, aboutBrand = false) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      return lintFor(org.id, text, channel, aboutBrand);
    },

    /** Whether a text names the brand (an employee's own post naming it is checked when it is posted). */
    async namesBrand(orgId: string, text: string) {
      return mentionsBrand(text, (await compiled(orgId)).brandNames);
    },

    /**
     * The server's enforcement on submit: a blocking finding is a 422 `policy_blocked`; warnings are a 422
     * `policy_warning` unless the writer gave a reason, which is recorded with the warnings it overrides.
     */
    async check(input: PolicyCheckInput): Promise<void> {
      if (CERTIFIED_CHANNELS.includes(input.channel)) {
        const { brandNames } = await compiled(input.orgId);
        await assertCertified(db, { id: input.orgId, handle: brandNames[0] ?? '' }, input.actorId);
      }
      const result = await lintFor(input.orgId, input.text, input.channel, input.aboutBrand);
      if (!result.applies || result.findings.length === 0) return this.checkApproval(input);
      if (result.blocked) {
        await record(input, 'blocked', result.findings);
        throw governanceError('policy_blocked', 'The draft breaks the brand’s policy').withDetails({
          findings: result.findings,
        });
      }
      if (!input.overrideReason?.trim())
        throw governanceError(
          'policy_warning',
          'The draft has policy warnings: give a reason to post it anyway',
        ).withDetails({ findings: result.findings });
      await this.checkApproval(input);
      await record(input, 'overridden', result.findings);
    },

    /** Posts, deals and public replies by a role the brand's approval settings name wait for approval: refused direct. */
    async checkApproval(input: PolicyCheckInput): Promise<void> {
      const kind = input.channel;
      if (input.approved || (kind !== 'brand_post' && kind !== 'deal' && kind !== 'care_reply')) return;
      const settings = await approvalsRepo.approvalSettings(db, input.orgId);
      const roles = !settings
        ? []
        : kind === 'deal'
          ? settings.deal_roles
          : kind === 'care_reply'
            ? settings.care_reply_roles
            : (settings.roles as string[]);
      if (roles.length === 0) return;
      const role = (await identity.accounts.memberRoles(input.orgId)).find(
        (m) => m.user_id === input.actorId,
      )?.role;
      if (role !== undefined && roles.includes(role))
        throw governanceError(
          'approval_required',
          `${kind === 'deal' ? 'Deals' : kind === 'care_reply' ? 'Public replies' : 'Posts as this brand'} by your role need approval: submit it for approval instead`,
        ).withDetails({ kind });
    },

    /** An employee's own post is checked against the policy of every brand they belong to that it names. */
    async checkOwnPost(principal: Principal, text: string, overrideReason?: string): Promise<void> {
      for (const { orgId } of principal.memberships)
        await this.check({
          orgId,
          actorId: principal.userId,
          channel: 'employee_post',
          text,
          overrideReason,
        });
    },

    async audit(
      principal: Principal,
      handle: string,
      limit: number,
      cursor?: string,
      filter: AuditFilter = {},
    ) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const after = decodeAuditCursor(cursor);
      const rows = await repo.listAudit(db, org.id, limit + 1, after, filter);
      const items = rows.slice(0, limit).map(presentAudit);
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      return {
        items,
        nextCursor: last ? encodeCursor(`${last.created_at.toISOString()}|${last.id}`) : null,
      };
    },

    /** Every audit entry of the brand, oldest last, for the CSV export. */
    async auditAll(principal: Principal, handle: string, filter: AuditFilter = {}) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      return (await repo.listAudit(db, org.id, 100_000, undefined, filter)).map(presentAudit);
    },
  };
}

function presentAudit(row: Awaited<ReturnType<typeof repo.listAudit>>[number]) {
  return {
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    channel: row.channel,
    ruleIds: row.rule_ids as string[],
    reason: row.reason,
    text: row.text,
    createdAt: row.created_at.toISOString(),
  };
}

const AUDIT_CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

function decodeAuditCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor, AUDIT_CURSOR);
  if (key === undefined) return undefined;
  const [at, id] = key.split('|') as [string, string];
  return { at: new Date(at), id };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
