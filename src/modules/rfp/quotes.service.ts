import { matchCatalog, parseAskedPrice, productWords } from '../../lib/vrm/index.ts';
import { ownTables } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney } from '../commerce/index.ts';
import { can, presentSummary } from '../identity/index.ts';
import { floorOf, type PricingFacts, suggestUnitPrice } from './quote.pricing.ts';
import * as repo from './quotes.repo.ts';
import type { RfpDeps } from './requests.service.ts';
import { rfpError } from './rfp.errors.ts';
import type { AwardInput, MarginRuleInput, NewQuoteInput } from './rfp.schemas.ts';
import type { RfpTables } from './rfp.tables.ts';

const HOUR_MS = 3600 * 1000;
type Pricing = Awaited<ReturnType<RfpDeps['commerce']['quotes']['pricing']>>[number];

export const quoteState = (q: Pick<repo.QuoteRow, 'status' | 'expires_at'>, now = new Date()) => {
  if (q.status === 'accepted' || q.status === 'declined') return q.status;
  return q.expires_at.getTime() <= now.getTime() ? ('expired' as const) : ('open' as const);
};

const facts = (p: Pricing, rule: repo.MarginRuleRow | undefined): PricingFacts => ({
  listPriceMinor: p.price_minor,
  resellerFloorMinor: p.reseller_floor_minor,
  exclusive: p.exclusive,
  rule: rule
    ? {
        costMinor: rule.cost_minor,
        minMarginPercent: rule.min_margin_percent,
        minPriceMinor: rule.min_price_minor,
      }
    : null,
});

const variantTitle = (p: Pricing) => (p.variant_name ? `${p.title} (${p.variant_name})` : p.title);

/**
 * VRM quotes: a customer names a product and a price; the brand answers with a quote Souk prices from its catalog
 * and margin rules (never below cost plus margin, the minimum price, or the reseller floor of a non-exclusive
 * product), an expiry and a link that opens the quoted cart; the customer accepts it into one order or declines.
 */
export function createQuotesService(deps: RfpDeps) {
  const { identity, commerce, care } = deps;
  const db = ownTables<RfpTables>(deps.db);

  async function orgOf(principal: Principal, handle: string, what: 'quote' | 'rules') {
    const org = await identity.accounts.byHandle(handle.replace(/^@/, ''));
    const allowed =
      org &&
      org.kind !== 'person' &&
      (what === 'rules'
        ? can(principal, org.id, 'manageCatalog')
        : can(principal, org.id, 'viewSales') || can(principal, org.id, 'workInbox'));
    if (!allowed) throw rfpError('not_brand_member', `You cannot price for @${handle.replace(/^@/, '')}`);
    return org;
  }

  async function pricingWithRules(orgId: string, variantIds?: string[]) {
    const pricing = await commerce.quotes.pricing(orgId, variantIds);
    const rules = new Map(
      (await repo.marginRules(db, orgId, [...new Set(pricing.map((p) => p.product_id))])).map((r) => [
        r.product_id,
        r,
      ]),
    );
    return pricing.map((p) => ({ p, f: facts(p, rules.get(p.product_id)), rule: rules.get(p.product_id) }));
  }

  async function present(rows: repo.QuoteRow[], principal: Principal | null) {
    const items = await repo.quoteItems(
      db,
      rows.map((r) => r.id),
    );
    const accounts = new Map(
      (await identity.accounts.byIds([...new Set(rows.flatMap((r) => [r.org_id, r.customer_id]))])).map(
        (a) => [a.id, presentSummary(a)],
      ),
    );
    return rows.map((q) => {
      const staff = can(principal, q.org_id, 'viewSales') || can(principal, q.org_id, 'workInbox');
      return {
        id: q.id,
        brand: accounts.get(q.org_id) ?? null,
        customer: accounts.get(q.customer_id) ?? null,
        conversationId: staff ? q.conversation_id : null,
        message: q.message,
        askedPriceMinor: q.asked_price_minor,
        totalMinor: q.total_minor,
        currency: q.currency,
        sentAs: q.sent_as,
        state: quoteState(q),
        expiresAt: q.expires_at.toISOString(),
        orderId: q.order_id,
        items: items
          .filter((i) => i.quote_id === q.id)
          .map((i) => ({
            productId: i.product_id,
            variantId: i.variant_id,
            title: i.title,
            quantity: i.quantity,
            unitPriceMinor: i.unit_price_minor,
            listPriceMinor: i.list_price_minor,
            ...(staff ? { floorMinor: i.floor_minor } : {}),
          })),
        createdAt: q.created_at.toISOString(),
      };
    });
  }

  /** The quote for its customer or a member of its brand who sells; anyone else gets a 404. */
  async function visibleQuote(principal: Principal, id: string) {
    const q = await repo.findQuote(db, id);
    const staff = q && (can(principal, q.org_id, 'viewSales') || can(principal, q.org_id, 'workInbox'));
    if (!q || (q.customer_id !== principal.userId && !staff))
      throw rfpError('quote_not_found', 'Quote not found');
    return q;
  }

  return {
    /** The brand's products with their margin rules and the floor a quote may not go under. */
    async rules(principal: Principal, handle: string) {
      const org = await orgOf(principal, handle, 'quote');
      const seen = new Set<string>();
      return {
        items: (await pricingWithRules(org.id)).flatMap(({ p, f, rule }) => {
          if (seen.has(p.product_id)) return [];
          seen.add(p.product_id);
          const floor = floorOf(f);
          return [
            {
              productId: p.product_id,
              title: p.title,
              listPriceMinor: p.price_minor,
              currency: p.currency,
              resellerFloorMinor: p.reseller_floor_minor,
              exclusive: p.exclusive,
              costMinor: rule?.cost_minor ?? null,
              minMarginPercent: rule?.min_margin_percent ?? null,
              minPriceMinor: rule?.min_price_minor ?? null,
              floorMinor: floor.floorMinor,
              floorReason: floor.reason,
            },
          ];
        }),
      };
    },

    async setRule(principal: Principal, handle: string, productId: string, input: MarginRuleInput) {
      const org = await orgOf(principal, handle, 'rules');
      if (!(await commerce.quotes.pricing(org.id)).some((p) => p.product_id === productId))
        throw rfpError('product_not_found', 'No product with that id on sale in the brand’s catalog');
      if ((input.costMinor === undefined) !== (input.minMarginPercent === undefined))
        throw rfpError('incomplete_margin', 'A minimum margin needs the cost, and the cost a margin', [
          { field: input.costMinor === undefined ? 'costMinor' : 'minMarginPercent', message: 'is required' },
        ]);
      await repo.upsertMarginRule(db, {
        org_id: org.id,
        product_id: productId,
        cost_minor: input.costMinor ?? null,
        min_margin_percent: input.minMarginPercent ?? null,
        min_price_minor: input.minPriceMinor ?? null,
      });
      return (await this.rules(principal, handle)).items.find((r) => r.productId === productId)!;
    },

    /** The VRM queue: open `product_price_request` conversations with the product and price they name. */
    async vrmQueue(principal: Principal, handle: string) {
      const org = await orgOf(principal, handle, 'quote');
      const conversations = await care.sales.ofIntent(org.id, 'product_price_request', 50);
      const catalog = await pricingWithRules(org.id);
      const byVariant = new Map(catalog.map((c) => [c.p.variant_id, c]));
      const entries = catalog.map(({ p }) => ({
        productId: p.product_id,
        variantId: p.variant_id,
        title: variantTitle(p),
      }));
      const quotes = await present(
        await repo.quotesOfConversations(
          db,
          org.id,
          conversations.map((c) => c.id),
        ),
        principal,
      );
      const customers = new Map(
        (await identity.accounts.byIds(conversations.map((c) => c.customerId))).map((a) => [
          a.id,
          presentSummary(a),
        ]),
      );
      return {
        items: conversations.map((c) => {
          const text = c.lastCustomerText ?? '';
          const asked = parseAskedPrice(text);
          const matches = matchCatalog(productWords(text, asked), entries).slice(0, 3);
          return {
            conversationId: c.id,
            customer: customers.get(c.customerId) ?? null,
            text,
            privateConsent: c.privateConsent,
            asked: asked ? { amountMinor: asked.amountMinor, currency: asked.currency } : null,
            matches: matches.map((m) => {
              const { p, f } = byVariant.get(m.variantId)!;
              const sameCurrency = !asked || asked.currency === p.currency;
              return {
                productId: m.productId,
                variantId: m.variantId,
                title: m.title,
                score: m.score,
                listPriceMinor: p.price_minor,
                currency: p.currency,
                floorMinor: floorOf(f).floorMinor,
                suggestedUnitPriceMinor: suggestUnitPrice(
                  f,
                  asked && sameCurrency ? asked.amountMinor : null,
                ),
              };
            }),
            quotes: quotes.filter((q) => q.conversationId === c.id),
            openedAt: c.openedAt.toISOString(),
          };
        }),
      };
    },

    /** Prices and sends a quote: in public or by direct message in the conversation, or to a customer by handle. */
    async create(principal: Principal, handle: string, input: NewQuoteInput) {
      const org = await orgOf(principal, handle, 'quote');
      let customerId: string;
      if (input.conversationId) {
        const [c] = await care.sales.facts(org.id, [input.conversationId]);
        if (!c) throw rfpError('conversation_not_found', 'No conversation with that id in this brand');
        customerId = c.customerId;
      } else {
        const customer = input.customer
          ? await identity.accounts.byHandle(input.customer.replace(/^@/, ''))
          : undefined;
        if (customer?.kind !== 'person')
          throw rfpError('unknown_customer', 'Name the conversation or the customer (a person on Souk)', [
            { field: input.customer ? 'customer' : 'conversationId', message: 'is required' },
          ]);
        customerId = customer.id;
      }
      const priced = new Map(
        (
          await pricingWithRules(
            org.id,
            input.items.map((i) => i.variantId),
          )
        ).map((c) => [c.p.variant_id, c]),
      );
      const single = input.items.length === 1 ? input.items[0] : null;
      const lines = input.items.map((item, index) => {
        const c = priced.get(item.variantId);
        if (!c)
          throw rfpError('unknown_product', `No product variant ${item.variantId} on sale in the catalog`, [
            { field: `items[${index}].variantId`, message: 'is not in the brand’s catalog' },
          ]);
        const askedUnit =
          single && input.askedPriceMinor !== undefined
            ? Math.floor(input.askedPriceMinor / single.quantity)
            : null;
        const unit = item.unitPriceMinor ?? suggestUnitPrice(c.f, askedUnit);
        return { item: { ...item, unitPriceMinor: unit }, c, index };
      });
      // The channel guard first (the reseller floor, as for deals and pitches), then the brand's own margin rules.
      const quote = await commerce.quotes.price(
        org.id,
        lines.map((l) => l.item),
      );
      for (const { item, c, index } of lines) {
        const floor = floorOf(c.f);
        if (item.unitPriceMinor < floor.floorMinor)
          throw rfpError(
            'below_floor',
            `"${variantTitle(c.p)}" may not be quoted below ${formatMoney(floor.floorMinor, c.p.currency)} (${floor.reason.replace('_', ' ')})`,
            [{ field: `items[${index}].unitPriceMinor`, message: 'is below the brand’s floor' }],
          ).withDetails({ floorMinor: floor.floorMinor, reason: floor.reason });
      }
      const id = newId();
      const expiresAt = new Date(Date.now() + input.expiresInHours * HOUR_MS);
      await repo.insertQuote(
        db,
        {
          id,
          org_id: org.id,
          customer_id: customerId,
          author_id: principal.userId,
          conversation_id: input.conversationId ?? null,
          message: input.message ?? '',
          asked_price_minor: input.askedPriceMinor ?? null,
          total_minor: quote.totalMinor,
          currency: quote.currency,
          sent_as: input.sendAs,
          expires_at: expiresAt,
        },
        quote.lines.map((l, line) => ({
          line,
          product_id: l.productId,
          variant_id: l.variantId,
          title: l.title,
          quantity: l.quantity,
          unit_price_minor: l.unitPriceMinor,
          list_price_minor: l.listPriceMinor,
          floor_minor: floorOf(priced.get(l.variantId)!.f).floorMinor,
        })),
      );
      if (input.conversationId) {
        const text = `${input.message ? `${input.message} ` : ''}Your quote: ${formatMoney(quote.totalMinor, quote.currency)}, valid for ${input.expiresInHours} hours. Open your cart: /quotes/${id}`;
        try {
          await care.sales.reply(principal, org.handle, input.conversationId, text, input.sendAs);
        } catch (error) {
          await repo.deleteQuote(db, id); // not sent: no quote the customer never saw
          throw error;
        }
      }
      return (await present([(await repo.findQuote(db, id))!], principal))[0];
    },

    async get(principal: Principal, id: string) {
      return (await present([await visibleQuote(principal, id)], principal))[0];
    },

    /** The caller's quotes from brands, newest first. */
    async mine(principal: Principal) {
      return { items: await present(await repo.quotesFor(db, principal.userId, 50), principal) };
    },

    async decline(principal: Principal, id: string) {
      const q = await visibleQuote(principal, id);
      if (q.customer_id !== principal.userId)
        throw rfpError('not_customer', 'Only the customer the quote was made for can do this');
      if (quoteState(q) === 'expired') throw rfpError('quote_expired', 'The quote has expired');
      if (!(await repo.declineQuote(db, id)))
        throw rfpError('quote_closed', 'The quote was already accepted or declined');
      return this.get(principal, id);
    },

    /**
     * Accepts a quote: one order at the quoted prices through checkout (stock, the channel guard and payment as
     * for any order). One order per quote however many acceptances arrive; the same Idempotency-Key returns it.
     */
    async accept(principal: Principal, id: string, input: AwardInput, key: string) {
      const q = await visibleQuote(principal, id);
      if (q.customer_id !== principal.userId)
        throw rfpError('not_customer', 'Only the customer the quote was made for can accept it');
      const settled = async () => {
        const now = (await repo.findQuote(db, id))!;
        if (now.accept_key === key && now.order_id)
          return { quoteId: id, orderId: now.order_id, replayed: true };
        if (now.accept_key === key)
          throw rfpError('award_in_progress', 'The order is being placed; retry shortly');
        if (now.status === 'accepted' || now.status === 'accepting')
          throw rfpError('quote_closed', 'The quote was already accepted');
        if (now.status === 'declined') throw rfpError('quote_closed', 'The quote was declined');
        throw rfpError('quote_expired', 'The quote has expired; ask the brand for a new one');
      };
      if (q.status !== 'open' || quoteState(q) === 'expired') return settled();
      if (!(await repo.claimQuote(db, id, key))) return settled();
      const items = await repo.quoteItems(db, [id]);
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
          `quote:${id}:${key}`,
          { orgId: q.org_id, unitPrices: new Map(items.map((i) => [i.variant_id, i.unit_price_minor])) },
        );
        orderId = placed.orderId;
      } catch (err) {
        await repo.releaseQuote(db, id, key);
        throw err;
      }
      await repo.completeQuote(db, id, orderId);
      return { quoteId: id, orderId, replayed: false };
    },

    /** Quotes by state and the revenue of accepted ones, for the RFP report. */
    async totals(orgId: string) {
      const rows = await repo.quoteTotals(db, orgId);
      const count = (state: string) => rows.filter((r) => r.state === state).reduce((s, r) => s + r.n, 0);
      return {
        open: count('open'),
        accepted: count('accepted'),
        expired: count('expired'),
        declined: count('declined'),
        revenue: rows
          .filter((r) => r.state === 'accepted')
          .map((r) => ({ currency: r.currency, totalMinor: Number(r.total) })),
      };
    },
  };
}

export type QuotesService = ReturnType<typeof createQuotesService>;
