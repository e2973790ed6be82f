import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { toLocalInput } from '../../../shared/format/date.ts';
import { formatMoney, parseDecimal } from '../../../shared/format/money.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useAdvocateSegments, useBrandTiers } from '../../advocates/index.ts';
import {
  CertificationNotice,
  isPolicyError,
  PolicyField,
  PolicyFindings,
  PublishAtField,
  useBrandDraft,
  useCertificationBlocks,
  usePolicyGuard,
  useSubmitDealDraft,
} from '../../governance/index.ts';
import { useMe } from '../../identity/index.ts';
import type { DealInput, DealRole, GuardViolation } from '../api/commerce.types.ts';
import { previewPrices, previewViolations } from '../api/deal-pricing.ts';
import type { ShopAccess } from '../hooks/use-brand-roles.ts';
import { useProducts } from '../hooks/use-catalog.ts';
import { usePublishDeal } from '../hooks/use-deals.ts';
import { DealProductsPicker } from './deal-products-picker.tsx';
import { DealTermsFields, type Terms } from './deal-terms-fields.tsx';
import { GuardRefusal } from './guard-refusal.tsx';
import { Workspace } from './workspace-page.tsx';

const positive = (s: string) => (/^\d+$/.test(s.trim()) && Number(s) > 0 ? Number(s) : undefined);

function Composer({ handle, access }: { handle: string; access: ShopAccess }) {
  const navigate = useNavigate();
  const products = useProducts(handle);
  const direct = usePublishDeal(handle);
  const role = useMe().data?.memberships.find((m) => m.org.handle === handle)?.role;
  const draft = useBrandDraft(handle, role, direct.error, 'dealRoles');
  const submitDraft = useSubmitDealDraft(handle);
  const uncertified = useCertificationBlocks(handle);
  // The deal goes out now, or waits in the approvals queue (for approvers and/or its time).
  const publish = draft.viaDraft ? submitDraft : direct;
  const segments = useAdvocateSegments(handle);
  const tiers = useBrandTiers(handle);
  const [selected, setSelected] = useState(new Map<string, DealRole>());
  const [reason, setReason] = useState('');
  const textField = useRef<HTMLTextAreaElement>(null);
  const [terms, setTerms] = useState<Terms>(() => ({
    text: '',
    type: 'percent_off',
    percentOff: '20',
    value: '',
    startsAt: '',
    announceEarly: false,
    endsAt: toLocalInput(new Date(Date.now() + 7 * 86_400_000)),
    quantityCap: '',
    perCustomerLimit: '',
    audience: 'followers',
    earlyAudience: '',
    earlyStartsAt: '',
  }));
  // A changed deal is a new question for the guard: drop the last answer.
  const changed = () => {
    if (direct.error) direct.reset();
    if (submitDraft.error) submitDraft.reset();
  };
  const set = (patch: Partial<Terms>) => {
    changed();
    setTerms((t) => ({ ...t, ...patch }));
  };
  const policy = usePolicyGuard(terms.text, [{ handle, channel: 'deal' }], publish.error);
  if (products.isPending) return <Loading />;
  if (products.error) return <ErrorBanner error={products.error} />;
  const catalog = (products.data?.items ?? []).filter((p) => !p.archived);
  const chosen = catalog
    .filter((p) => selected.has(p.id))
    .map((p) => ({ product: p, role: selected.get(p.id)! }));
  const currency = chosen[0]?.product.currency ?? catalog[0]?.currency ?? 'EUR';
  const valueMinor = parseDecimal(terms.value, currency) ?? undefined;
  const previewTerms = { type: terms.type, percentOff: positive(terms.percentOff), valueMinor };
  const prices = previewPrices(previewTerms, chosen);
  const risky = previewViolations(previewTerms, chosen);

  const input = (override?: { reason: string }): DealInput => ({
    text: terms.text.trim(),
    items: chosen.map(({ product, role }) => ({ productId: product.id, role })),
    type: terms.type,
    ...(terms.type === 'percent_off' ? { percentOff: positive(terms.percentOff) } : {}),
    ...(['amount_off', 'fixed_price', 'bundle'].includes(terms.type) ? { valueMinor } : {}),
    ...(terms.startsAt
      ? { startsAt: new Date(terms.startsAt).toISOString(), announceEarly: terms.announceEarly }
      : {}),
    endsAt: terms.endsAt ? new Date(terms.endsAt).toISOString() : '',
    quantityCap: positive(terms.quantityCap),
    perCustomerLimit: positive(terms.perCustomerLimit),
    audience: terms.audience,
    ...(terms.startsAt && terms.earlyAudience
      ? {
          earlyAccess: {
            audience: terms.earlyAudience,
            startsAt: terms.earlyStartsAt ? new Date(terms.earlyStartsAt).toISOString() : '',
          },
        }
      : {}),
    ...(override ? { override } : {}),
    ...(policy.override ? { policyOverride: policy.override } : {}),
  });
  const send = (override?: { reason: string }) =>
    draft.viaDraft
      ? submitDraft.mutate(
          { deal: input(override), ...(draft.publishAtIso ? { publishAt: draft.publishAtIso } : {}) },
          { onSuccess: () => navigate(`/orgs/${handle}/approvals`) },
        )
      : direct.mutate(input(override), {
          onSuccess: (card) => navigate(`/orgs/${handle}/deals?published=${card.id}`),
        });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const error = publish.error instanceof ApiError ? publish.error : null;
  const guard = error?.code === 'channel_guard' ? error : null;
  const field = (name: string) => error?.fieldMessage(name);
  return (
    <form className="form panel" onSubmit={submit} noValidate data-testid="deal-composer">
      <CertificationNotice handle={handle} />
      <Field
        label="Post text"
        error={field('text')}
        hint="Shown in followers’ timelines above the deal card."
      >
        {(p) => (
          <PolicyField textareaRef={textField} text={terms.text} findings={policy.findings}>
            <textarea
              {...p}
              ref={textField}
              rows={2}
              maxLength={500}
              value={terms.text}
              onChange={(e) => set({ text: e.target.value })}
              data-testid="deal-text"
            />
          </PolicyField>
        )}
      </Field>
      <PolicyFindings
        guard={policy}
        text={terms.text}
        onChange={(text) => set({ text })}
        textarea={textField.current}
      />
      <DealTermsFields
        terms={terms}
        set={set}
        currency={currency}
        error={error}
        segments={segments.data?.items}
        tiers={tiers.data?.tiers}
      />
      <DealProductsPicker
        products={catalog}
        selected={selected}
        onChange={(next) => {
          changed();
          setSelected(next);
        }}
        type={terms.type}
        prices={prices}
      />
      {risky.length > 0 && !guard && (
        <p className="guard-preview">
          Heads-up:{' '}
          {risky
            .map(
              (v) =>
                `“${v.title}” would be ${formatMoney(v.shortByMinor, currency)} under its reseller floor`,
            )
            .join('; ')}
          . The channel guard will refuse it.
        </p>
      )}
      {guard ? (
        <GuardRefusal
          violations={(guard.extra.violations as GuardViolation[] | undefined) ?? []}
          alternatives={(guard.extra.alternatives as string[] | undefined) ?? []}
          currency={currency}
          canOverride={access.override}
          reason={reason}
          onReason={setReason}
          onOverride={() => send({ reason: reason.trim() })}
          pending={publish.isPending}
        />
      ) : isPolicyError(publish.error) ? null : (
        <ErrorBanner
          error={publish.error}
          fields={[
            'text',
            'type',
            'percentOff',
            'valueMinor',
            'startsAt',
            'endsAt',
            'quantityCap',
            'perCustomerLimit',
            'audience',
          ]}
        />
      )}
      <PublishAtField draft={draft} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={publish.isPending || chosen.length === 0 || !policy.canSubmit || uncertified}
          data-testid="deal-publish"
        >
          {draft.needsApproval ? 'Submit for approval' : draft.viaDraft ? 'Schedule deal' : 'Publish deal'}
        </button>
      </div>
    </form>
  );
}

/** `/orgs/:handle/deals/new`: compose a deal, see the channel guard's verdict, publish it to the feed. */
export function DealComposerPage() {
  return (
    <Workspace area="deals" title="New deal">
      {({ handle, access }) => <Composer handle={handle} access={access} />}
    </Workspace>
  );
}
