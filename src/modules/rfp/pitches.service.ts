import { isUniqueViolation, ownTables } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import type { PricedQuote } from '../commerce/index.ts';
import type { RequestsService, RfpDeps } from './requests.service.ts';
import { rfpError } from './rfp.errors.ts';
import { presentPitches, stateOf } from './rfp.present.ts';
import * as repo from './rfp.repo.ts';
import type { AwardInput, EditPitchInput, NewPitchInput } from './rfp.schemas.ts';
import type { RfpTables } from './rfp.tables.ts';

const itemsOf = (quote: PricedQuote) =>
  quote.lines.map((l, line) => ({
    line,
    product_id: l.productId,
    variant_id: l.variantId,
    title: l.title,
    quantity: l.quantity,
    unit_price_minor: l.unitPriceMinor,
    list_price_minor: l.listPriceMinor,
  }));

/** Pitches: a brand's offer on a request; the requester shortlists, declines or awards one. */
export function createPitchesService(deps: RfpDeps, requests: Pick<RequestsService, 'brandOf'>) {
  const { events, identity, commerce } = deps;
  const db = ownTables<RfpTables>(deps.db);

  async function openRequest(id: string) {
    const row = await repo.findRequest(db, id);
    if (!row) throw rfpError('request_not_found', 'Request not found');
    if (stateOf(row) !== 'open') throw rfpError('request_closed', 'The request is closed to pitches');
    return row;
  }

  async function presentOne(id: string) {
    const row = (await repo.findPitch(db, id))!;
    return (await presentPitches(identity.accounts, [row], await repo.itemsOf(db, [id])))[0];
  }

  /** The pitch and its request, for a member of the pitching brand. */
  async function ownPitch(principal: Principal, id: string) {
    const pitch = await repo.findPitch(db, id);
    if (!pitch) throw rfpError('pitch_not_found', 'Pitch not found');
    const [org] = await identity.accounts.byIds([pitch.org_id]);
    await requests.brandOf(principal, org?.handle ?? '');
    return pitch;
  }

  /** The pitch and its request, for the person who posted the request. */
  async function requestersPitch(principal: Principal, id: string) {
    const pitch = await repo.findPitch(db, id);
    if (!pitch) throw rfpError('pitch_not_found', 'Pitch not found');
    const request = (await repo.findRequest(db, pitch.request_id))!;
    if (request.author_id !== principal.userId)
      throw rfpError('not_requester', 'Only the person who posted the request can do this');
    return { pitch, request };
  }

  async function checkQuote(orgId: string, currency: string, items: NewPitchInput['items']) {
    const quote = await commerce.quotes.price(orgId, items);
    if (quote.currency !== currency)
      throw rfpError('currency_mismatch', `The request is in ${currency}; quote in ${currency}`, [
        { field: 'items', message: `must be priced in ${currency}` },
      ]);
    return quote;
  }

  async function stateChange(
    principal: Principal,
    id: string,
    fields: Parameters<typeof repo.setPitchState>[2],
    who: 'brand' | 'requester',
  ) {
    const pitch =
      who === 'brand' ? await ownPitch(principal, id) : (await requestersPitch(principal, id)).pitch;
    await openRequest(pitch.request_id);
    if (!(await repo.setPitchState(db, id, fields)))
      throw rfpError('pitch_not_active', 'The pitch is no longer active');
    return presentOne(id);
  }

  return {
    async pitch(principal: Principal, requestId: string, input: NewPitchInput) {
      const org = await requests.brandOf(principal, input.brand);
      const request = await openRequest(requestId);
      if (!(await repo.isTarget(db, requestId, org.id)))
        throw rfpError(
          'not_asked',
          `The request did not ask @${org.handle}; only the brands it names may pitch`,
        );
      const quote = await checkQuote(org.id, request.currency, input.items);
      const id = newId();
      await events
        .transaction(deps.db, async (trx) => {
          await repo.insertPitch(
            ownTables<RfpTables>(trx),
            {
              id,
              request_id: requestId,
              org_id: org.id,
              author_id: principal.userId,
              title: input.title,
              terms: input.terms,
              message: input.message,
              total_minor: quote.totalMinor,
              currency: quote.currency,
            },
            itemsOf(quote),
          );
          await events.emit(trx, 'rfp.pitched', id, {
            requestId,
            pitchId: id,
            orgId: org.id,
            consumerId: request.author_id,
            title: request.title,
          });
        })
        .catch((err) => {
          if (isUniqueViolation(err))
            throw rfpError(
              'already_pitched',
              'The brand already has an active pitch here; edit or withdraw it',
            );
          throw err;
        });
      return presentOne(id);
    },

    async edit(principal: Principal, id: string, input: EditPitchInput) {
      const pitch = await ownPitch(principal, id);
      const request = await openRequest(pitch.request_id);
      const quote = input.items ? await checkQuote(pitch.org_id, request.currency, input.items) : undefined;
      await deps.db.transaction().execute(async (trx) => {
        const t = ownTables<RfpTables>(trx);
        const updated = await repo.updatePitch(t, id, {
          title: input.title,
          terms: input.terms,
          message: input.message,
          ...(quote ? { total_minor: quote.totalMinor } : {}),
        });
        if (!updated) throw rfpError('pitch_not_active', 'The pitch is no longer active');
        if (quote) await repo.replaceItems(t, id, itemsOf(quote));
      });
      return presentOne(id);
    },

    withdraw: (principal: Principal, id: string) =>
      stateChange(principal, id, { status: 'withdrawn' }, 'brand'),
    shortlist: (principal: Principal, id: string, shortlisted: boolean) =>
      stateChange(principal, id, { shortlisted }, 'requester'),
    decline: (principal: Principal, id: string, reason: string) =>
      stateChange(principal, id, { status: 'declined', decline_reason: reason }, 'requester'),

    /**
     * Awards a pitch: its quote becomes an order at the quoted prices through commerce's checkout (stock, the
     * channel guard and the payment as for any order). One award per request, however many arrive at once: the
     * first to take the request places the order; the same Idempotency-Key returns that order again.
     */
    async award(principal: Principal, pitchId: string, input: AwardInput, key: string) {
      const { pitch, request } = await requestersPitch(principal, pitchId);
      // Someone took the request first (or this same award, retried): the first order, or why there is none.
      const settled = async () => {
        const now = (await repo.findRequest(db, request.id))!;
        if (now.award_key === key && now.awarded_pitch_id !== pitchId)
          throw rfpError('idempotency_key_reused', 'This Idempotency-Key awarded another pitch');
        if (now.award_key === key && now.order_id)
          return { requestId: request.id, pitchId, orderId: now.order_id, replayed: true };
        if (now.award_key === key)
          throw rfpError('award_in_progress', 'The award is being placed; retry shortly');
        if (now.status === 'awarded' || now.status === 'awarding')
          throw rfpError('already_awarded', 'The request was already awarded');
        throw rfpError('request_closed', 'The request is closed');
      };
      if (request.status === 'awarded' || request.status === 'awarding') return settled();
      if (stateOf(request) !== 'open') throw rfpError('request_closed', 'The request is closed');
      if (pitch.status !== 'active') throw rfpError('pitch_not_active', 'The pitch is no longer active');
      if (!(await repo.claimAward(db, request.id, pitchId, key))) return settled();
      const items = await repo.itemsOf(db, [pitchId]);
      let orderId: string;
      try {
        const placed = await commerce.checkout.place(
          principal,
          {
            items: items.map((i) => ({ variantId: i.variant_id, quantity: i.quantity })),
            shippingAddress: input.shippingAddress,
            shippingAddressId: input.shippingAddressId,
            card: input.card,
          },
          `rfp:${request.id}:${key}`,
          { orgId: pitch.org_id, unitPrices: new Map(items.map((i) => [i.variant_id, i.unit_price_minor])) },
        );
        orderId = placed.orderId;
      } catch (err) {
        await repo.releaseAward(db, request.id, key);
        throw err;
      }
      await events.transaction(deps.db, async (trx) => {
        const t = ownTables<RfpTables>(trx);
        const losers = await repo.completeAward(t, request.id, pitchId, orderId);
        await repo.closeTargets(t, request.id);
        await events.emit(trx, 'rfp.awarded', request.id, {
          requestId: request.id,
          title: request.title,
          consumerId: request.author_id,
          winnerOrgId: pitch.org_id,
          orderId,
          loserOrgIds: [...new Set(losers.map((l) => l.org_id))],
        });
      });
      return { requestId: request.id, pitchId, orderId, replayed: false };
    },
  };
}

export type PitchesService = ReturnType<typeof createPitchesService>;
