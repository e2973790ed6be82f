import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

beforeAll(async () => {
  h = await startHarness();
  const { identity } = h.app.modules;
  const owner = await createPerson(h, 'olga');
  const asOwner = await identity.service.resolvePrincipalForUser(owner.id);
  await identity.orgs.create(asOwner, { handle: 'brightmart', name: 'Brightmart', kind: 'brand' });
  const agent = await createPerson(h, 'ana');
  const invitation = await identity.orgs.invite(
    await identity.service.resolvePrincipalForUser(owner.id),
    'brightmart',
    'ana',
    'agent',
  );
  await identity.orgs.respond(
    await identity.service.resolvePrincipalForUser(agent.id),
    invitation.id,
    'accept',
  );
  await createPerson(h, 'carla', 'customer password 1');

  // Dina, a customer who already bought from the brand: the customer 360 has an order and a lifetime value to show.
  const dinaId = await identity.service.createUser({
    email: 'dina@example.com',
    password: 'customer password 2',
    handle: 'dina',
    name: 'Dina Ferreira',
  });
  const { commerce } = h.app.modules;
  const lamp = await commerce.catalog.create(await principalOf(owner.id), 'brightmart', {
    title: 'Arc floor lamp',
    priceMinor: 8_900,
    currency: 'EUR',
    variants: [{ sku: 'ARC-1', name: 'Brass', stock: 20 }],
  });
  await commerce.checkout.place(
    await principalOf(dinaId),
    {
      items: [{ variantId: lamp.variants[0].id, quantity: 1 }],
      shippingAddress: {
        name: 'Dina Ferreira',
        line1: '1 Rua Nova',
        city: 'Porto',
        postalCode: '4000',
        country: 'PT',
      },
      card: { number: TEST_CARDS.succeeds },
    },
    randomUUID(),
  );
});
afterAll(() => h?.close());

describe('the care inbox', () => {
  it('should show a complaint live in the Service queue, assigned to the agent, and let them answer and resolve it within the SLA', async () => {
    // The agent opens the inbox from the navigation and watches the Service queue.
    const agentContext = await h.newContext();
    const agent = await logIn(agentContext, 'ana', 'team password 1');
    await agent.getByTestId('nav-inbox').click();
    await agent.waitForURL(/\/orgs\/brightmart\/inbox/);
    await agent.getByTestId('inbox-queue-filter-service').click();
    await expect.poll(() => agent.getByTestId('inbox-page').textContent()).toContain('No open conversations');

    // A customer complains in public, through the composer.
    const customerContext = await h.newContext();
    const customer = await logIn(customerContext, 'carla', 'customer password 1');
    await customer
      .getByTestId('compose-text')
      .fill('@brightmart my order arrived broken and nobody answers my emails, this is terrible service');
    await customer.getByTestId('compose-submit').click();
    await customer.getByTestId('post').filter({ hasText: 'arrived broken' }).first().waitFor();

    // It appears without a reload (the safety poll is a minute away), triaged and assigned.
    const row = agent.getByTestId('inbox-conversation').first();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('inbox-queue').textContent()).toBe('Service');
    expect(await row.getByTestId('inbox-intent').getAttribute('data-intent')).toBe('complaint');
    expect(await row.getByTestId('inbox-intent').textContent()).toBe('Complaint');
    expect(Number(await row.getByTestId('inbox-sentiment').getAttribute('data-sentiment'))).toBeLessThan(0);
    expect(await row.getByTestId('inbox-assignee').textContent()).toBe('@ana');
    expect(await row.getByTestId('sla-timer').getAttribute('data-state')).toBe('running');
    expect(await row.getByTestId('sla-timer').getAttribute('data-target')).toBe('first_response');

    // The conversation opens with the customer's message and the customer 360.
    await row.click();
    const incoming = agent.locator('[data-testid="message"][data-direction="in"]');
    await incoming.first().waitFor();
    expect(await incoming.first().textContent()).toContain('arrived broken');
    await agent.getByTestId('customer-360').waitFor();
    expect(await agent.getByTestId('customer-360').textContent()).toContain('@carla');
    expect(await agent.getByTestId('ltv-total').textContent()).toMatch(/0/);

    // The counter follows the mode's limit; a public reply goes out in the thread.
    const answer = 'Sorry Carla, that should not happen. We are sending a replacement today.';
    await agent.getByTestId('reply-text').fill(answer);
    expect(await agent.getByTestId('reply-counter').textContent()).toBe(`${answer.length}/280`);
    await agent.getByTestId('reply-mode-private').click();
    expect(await agent.getByTestId('reply-counter').textContent()).toBe(`${answer.length}/500`);
    await agent.getByTestId('reply-mode-public').click();
    await agent.getByTestId('reply-text').fill('x'.repeat(281));
    expect(await agent.getByTestId('reply-submit').isDisabled()).toBe(true);
    await agent.getByTestId('reply-text').fill(answer);
    await agent.getByTestId('reply-submit').click();
    await agent
      .locator('[data-testid="message"][data-direction="out"]')
      .filter({ hasText: 'replacement' })
      .waitFor();
    const detail = agent.getByTestId('conversation-detail');
    // The answer stops the first-response clock; the resolution clock is the one left running.
    await expect.poll(() => detail.getByTestId('sla-timer').getAttribute('data-target')).toBe('resolution');
    expect(await detail.getByTestId('sla-timer').getAttribute('data-state')).toBe('running');

    await agent.getByTestId('status-resolve').click();
    await expect.poll(() => agent.getByTestId('conversation-status').textContent()).toBe('resolved');

    // In the Resolved tab the conversation shows its first response as met.
    await agent.getByTestId('inbox-status-resolved').click();
    const resolved = agent.getByTestId('inbox-conversation').first();
    await resolved.waitFor();
    expect(await resolved.getByTestId('sla-timer').getAttribute('data-state')).toBe('met');
    expect(await resolved.getByTestId('sla-timer').textContent()).toMatch(/SLA met/);

    // The customer sees the brand's public answer in their thread.
    const complaint = customer.getByTestId('post').filter({ hasText: 'arrived broken' }).first();
    await customer.goto(`/posts/${await complaint.getAttribute('data-post-id')}`);
    await customer.getByTestId('post').filter({ hasText: 'sending a replacement' }).first().waitFor();

    // The report counts the answered conversation in the Service queue, beside its charts.
    await agent.getByTestId('inbox-report-link').click();
    await agent.getByTestId('sla-chart-weekly').locator('svg').first().waitFor();
    await agent.getByTestId('sla-chart-breaches').locator('svg').first().waitFor();
    const service = agent.getByTestId('sla-report-row').filter({ hasText: 'Service' });
    await service.waitFor();
    expect(await service.getByTestId('sla-report-breaches').textContent()).toBe('0');

    await agentContext.close();
    await customerContext.close();
  });

  it('should let the owner set business hours and an SLA policy, and keep agents to reading them', async () => {
    const ownerContext = await h.newContext();
    const owner = await logIn(ownerContext, 'olga', 'team password 1');
    await owner.goto('/orgs/brightmart/inbox/sla');
    await owner.getByTestId('business-hours-form').waitFor();
    await owner.getByTestId('hours-timezone').fill('Atlantis/Capital');
    await owner.getByTestId('hours-save').click();
    await owner
      .getByTestId('business-hours-form')
      .getByRole('alert')
      .filter({ hasText: 'timezone' })
      .waitFor();
    await owner.getByTestId('hours-timezone').fill('Europe/Lisbon');
    await owner.getByRole('button', { name: 'Weekdays 09:00–17:00' }).click();
    await owner.getByTestId('hours-save').click();
    await owner.getByText('Saved. Running clocks were recomputed.').first().waitFor();

    const urgentService = owner.locator(
      '[data-testid="sla-policy-row"][data-queue="Service"][data-priority="urgent"]',
    );
    await urgentService.locator('[data-field="firstResponseMinutes"]').fill('15');
    await owner.getByTestId('sla-policy-save').click();
    await owner.getByText('Saved. Running clocks were recomputed.').nth(1).waitFor();
    await owner.reload();
    await expect
      .poll(() => urgentService.locator('[data-field="firstResponseMinutes"]').inputValue())
      .toBe('15');
    expect(await owner.getByTestId('hours-timezone').inputValue()).toBe('Europe/Lisbon');
    expect(await owner.getByTestId('hours-sat').textContent()).toContain('Closed');

    const agentContext = await h.newContext();
    const agent = await logIn(agentContext, 'ana', 'team password 1');
    await agent.goto('/orgs/brightmart/inbox/sla');
    await agent.getByTestId('sla-policy-form').waitFor();
    expect(await agent.getByTestId('sla-policy-save').count()).toBe(0);
    expect(await agent.getByTestId('hours-timezone').isDisabled()).toBe(true);

    await ownerContext.close();
    await agentContext.close();
  });

  it('should hold public replies to the brand’s own limit, notify a colleague mentioned in a note, merge two conversations and link an identity only once confirmed', async () => {
    // The owner lowers the public reply limit.
    const ownerContext = await h.newContext();
    const owner = await logIn(ownerContext, 'olga', 'team password 1');
    await owner.goto('/orgs/brightmart/inbox/rules');
    const limitInput = owner.getByTestId('reply-limit-input');
    await expect.poll(() => limitInput.inputValue()).toMatch(/^\d+$/);
    await limitInput.fill('120');
    await expect.poll(() => limitInput.inputValue()).toBe('120');
    await owner.getByTestId('reply-limit-save').click();
    await expect.poll(() => owner.getByTestId('reply-limit-save').isDisabled()).toBe(true);

    // The customer writes again: a second conversation beside the resolved one.
    const customerContext = await h.newContext();
    const customer = await logIn(customerContext, 'carla', 'customer password 1');
    await customer.getByTestId('compose-text').fill('@brightmart when does the replacement arrive?');
    await customer.getByTestId('compose-submit').click();

    const agentContext = await h.newContext();
    const agent = await logIn(agentContext, 'ana', 'team password 1');
    await agent.goto('/orgs/brightmart/inbox');
    const row = agent.getByTestId('inbox-conversation').first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await agent.getByTestId('reply-text').fill('On its way');
    await expect.poll(() => agent.getByTestId('reply-counter').textContent()).toBe('10/120');

    // A note mentioning the owner, picked from the suggestions, is highlighted and notifies her.
    await agent.getByTestId('note-text').pressSequentially('Courier is late @ol');
    await agent.getByTestId('mention-option').filter({ hasText: '@olga' }).waitFor();
    await agent.getByTestId('note-text').press('Enter');
    await agent.getByTestId('note-text').pressSequentially('please call the courier');
    expect(await agent.getByTestId('note-text').inputValue()).toBe(
      'Courier is late @olga please call the courier',
    );
    await agent.getByTestId('note-submit').click();
    await agent.getByTestId('note-mention').filter({ hasText: '@olga' }).waitFor();
    await owner.goto('/notifications');
    const mention = owner.locator('[data-testid="notification"][data-kind="care_mention"]').first();
    await mention.waitFor({ timeout: 10_000 });
    expect(await mention.textContent()).not.toContain('courier');

    // The agent merges this conversation into the customer's earlier one, which then holds both.
    const mergedId = new URL(agent.url()).searchParams.get('c');
    await agent.getByTestId('merge-open').click();
    await agent.getByTestId('merge-submit').click();
    await agent.getByTestId('merge-activity').waitFor();
    const messages = agent.getByTestId('conversation-detail').getByTestId('message');
    await expect
      .poll(() => messages.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('arrived broken'),
          expect.stringContaining('replacement arrive'),
        ]),
      );
    await agent.goto(`/orgs/brightmart/inbox?c=${mergedId}`);
    await agent.getByTestId('merged-banner').waitFor();
    expect(await agent.getByTestId('reply-text').count()).toBe(0);

    // An identity the agent proposes shows as linked only after the customer confirms it from her notifications.
    await agent.getByTestId('merged-open-target').click();
    await agent.getByRole('button', { name: 'Propose an identity…' }).click();
    await agent.getByTestId('identity-network').fill('Mastodon');
    await agent.getByTestId('identity-handle').fill('@carla_m');
    await agent.getByTestId('identity-propose').click();
    await agent.getByTestId('c360-pending-identity').filter({ hasText: '@carla_m' }).waitFor();
    expect(await agent.getByTestId('c360-linked-identity').count()).toBe(0);
    await customer.goto('/notifications');
    await customer.getByTestId('identity-confirm').click();
    await customer.getByTestId('identity-remove').waitFor();
    await agent.reload();
    await agent.getByTestId('c360-linked-identity').filter({ hasText: '@carla_m' }).waitFor();

    await ownerContext.close();
    await customerContext.close();
    await agentContext.close();
  });

  it('should let the agent answer a complaint with a canned reply, move to private once the customer accepts, resolve it and be rated, beside the customer’s orders and lifetime value', async () => {
    // The owner adds a canned reply that greets the customer by first name.
    const ownerContext = await h.newContext();
    const owner = await logIn(ownerContext, 'olga', 'team password 1');
    await owner.goto('/orgs/brightmart/inbox');
    await owner.getByTestId('inbox-setup-link').click();
    await owner.getByTestId('canned-replies-panel').waitFor();
    expect(await owner.getByTestId('canned-variables').textContent()).toContain('{first_name}');
    await owner.getByTestId('canned-title').fill('Broken on arrival');
    await owner
      .getByTestId('canned-body')
      .fill('Hi {first_name}, so sorry it arrived broken. {brand} is sending a replacement today.');
    await owner.getByTestId('canned-add').click();
    await owner.getByTestId('canned-reply').filter({ hasText: 'Broken on arrival' }).waitFor();

    // Dina complains in public; the complaint reaches the agent live, triaged into Service and assigned.
    const agentContext = await h.newContext();
    const agent = await logIn(agentContext, 'ana', 'team password 1');
    await agent.goto('/orgs/brightmart/inbox');
    await agent.getByTestId('inbox-page').waitFor();
    const customerContext = await h.newContext();
    const customer = await logIn(customerContext, 'dina', 'customer password 2');
    await customer
      .getByTestId('compose-text')
      .fill('@brightmart my lamp arrived broken and nobody answers my emails, this is terrible service');
    await customer.getByTestId('compose-submit').click();
    const row = agent.getByTestId('inbox-conversation').filter({ hasText: 'Dina Ferreira' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('inbox-queue').textContent()).toBe('Service');
    expect(await row.getByTestId('inbox-intent').getAttribute('data-intent')).toBe('complaint');
    expect(Number(await row.getByTestId('inbox-sentiment').getAttribute('data-sentiment'))).toBeLessThan(0);
    expect(await row.getByTestId('inbox-assignee').textContent()).toBe('@ana');
    await row.click();

    // The customer 360 shows her order and lifetime value.
    const c360 = agent.getByTestId('customer-360');
    await expect.poll(() => c360.getByTestId('c360-orders').textContent()).toBe('1');
    expect(await c360.getByTestId('c360-spend').textContent()).toContain('89');
    const ltv = (await c360.getByTestId('ltv-total').textContent()) ?? '';
    expect(Number(ltv.replace(/[^0-9.]/g, ''))).toBeGreaterThanOrEqual(89);

    // Before she consents, a private message cannot go out, and the reply box says why.
    await agent.getByTestId('reply-mode-private').click();
    await agent.getByTestId('reply-text').fill('Could you send me your order number?');
    expect(await agent.getByTestId('private-blocked').textContent()).toContain('consent');
    expect(await agent.getByTestId('reply-submit').isDisabled()).toBe(true);
    await agent.getByTestId('reply-text').fill('');
    await agent.getByTestId('reply-mode-public').click();

    // The canned reply comes in filled with her first name; the agent adds a line and sends it in public.
    await agent.getByTestId('canned-select').selectOption({ label: 'Broken on arrival' });
    await expect
      .poll(() => agent.getByTestId('reply-text').inputValue())
      .toBe('Hi Dina, so sorry it arrived broken. Brightmart is sending a replacement today.');
    await agent.getByTestId('reply-text').press('End');
    await agent.getByTestId('reply-text').pressSequentially(' Tracking follows.');
    await agent.getByTestId('reply-submit').click();
    const outgoing = agent.locator('[data-testid="message"][data-direction="out"]');
    await outgoing.filter({ hasText: 'Hi Dina, so sorry it arrived broken' }).waitFor();
    expect(await outgoing.filter({ hasText: 'Tracking follows.' }).count()).toBe(1);

    // The agent asks to move to private; until Dina answers, the private mode still waits.
    await agent.getByTestId('private-request-open').click();
    await agent.getByTestId('private-request-submit').click();
    const consent = agent.getByTestId('private-consent');
    await expect.poll(() => consent.getAttribute('data-state')).toBe('requested');
    await agent.getByTestId('reply-mode-private').click();
    expect(await agent.getByTestId('private-blocked').textContent()).toContain('Waiting for @dina');

    // Dina finds the question on her Support page (the navigation counts it) and accepts.
    await customer.goto('/');
    await customer.getByTestId('nav-my-care').click();
    const mine = customer.getByTestId('my-care-conversation').filter({ hasText: 'Brightmart' });
    expect(await mine.getByTestId('my-care-about').textContent()).toContain('my lamp arrived broken');
    await mine.getByTestId('consent-accept').click();
    await expect.poll(() => mine.getByTestId('consent').getAttribute('data-state')).toBe('granted');

    // The agent's conversation shows the consent live; the private message goes out.
    await expect.poll(() => consent.getAttribute('data-state')).toBe('granted');
    expect(await agent.getByTestId('private-blocked').count()).toBe(0);
    await agent.getByTestId('reply-text').fill('Could you send me your order number?');
    await agent.getByTestId('reply-submit').click();
    await outgoing.filter({ hasText: 'order number' }).waitFor();
    expect(await outgoing.filter({ hasText: 'order number' }).textContent()).toContain('private');

    await agent.getByTestId('status-resolve').click();
    await expect.poll(() => agent.getByTestId('conversation-status').textContent()).toBe('resolved');

    // Dina rates it once. A second tab still showing the stars is refused by the server, and says so.
    const staleTab = await customerContext.newPage();
    await customer.reload();
    await staleTab.goto('/me/care');
    const staleItem = staleTab.getByTestId('my-care-conversation').filter({ hasText: 'Brightmart' });
    await staleItem.getByTestId('rate-5').waitFor();
    await mine.getByTestId('rate-4').click();
    await expect.poll(() => mine.getByTestId('rating-given').getAttribute('data-score')).toBe('4');
    expect(await mine.getByTestId('rate-5').count()).toBe(0);
    await staleItem.getByTestId('rate-5').click();
    await staleItem.getByRole('alert').filter({ hasText: 'already rated' }).waitFor();
    await expect.poll(() => staleItem.getByTestId('rating-given').getAttribute('data-score')).toBe('4');

    // The agent sees the rating; the report shows the first response time and the CSAT of the Service queue.
    await agent.reload();
    await agent.getByTestId('conversation-csat').filter({ hasText: 'Rated 4/5' }).waitFor();
    await agent.getByTestId('inbox-report-link').click();
    const service = agent.getByTestId('sla-report-row').filter({ hasText: 'Service' });
    await service.waitFor();
    expect(await service.getByTestId('sla-report-first-response').textContent()).toMatch(/\d/);
    expect(await service.getByTestId('sla-report-csat').textContent()).toBe('4');

    await ownerContext.close();
    await agentContext.close();
    await customerContext.close();
  });

  it('should let the owner add, rename and remove queues, refuse a duplicate name, and let the agent snooze a conversation', async () => {
    const ownerContext = await h.newContext();
    const owner = await logIn(ownerContext, 'olga', 'team password 1');
    await owner.goto('/orgs/brightmart/inbox/setup');
    const queues = owner.getByTestId('queue-manager');
    await queues.getByTestId('queue-name').fill('Returns');
    await queues.getByTestId('queue-add').click();
    const returns = queues.locator('[data-testid="queue-row"][data-queue="returns"]');
    await returns.waitFor();
    await queues.getByTestId('queue-name').fill('Service');
    await queues.getByTestId('queue-add').click();
    await queues.getByRole('alert').filter({ hasText: 'A queue named "Service" exists' }).waitFor();
    await returns.getByTestId('queue-rename').click();
    await returns.getByTestId('queue-rename-input').fill('Returns and refunds');
    await returns.getByTestId('queue-rename-input').press('Enter');
    const renamed = queues.locator('[data-testid="queue-row"][data-queue="returns-and-refunds"]');
    await renamed.waitFor();
    // The inbox filters list the renamed queue.
    await owner.goto('/orgs/brightmart/inbox');
    await owner.getByTestId('inbox-queue-filter-returns-and-refunds').waitFor();
    await owner.goto('/orgs/brightmart/inbox/setup');
    await renamed.getByTestId('queue-remove').click();
    await expect.poll(() => renamed.count()).toBe(0);
    // Agents read the queues but cannot change them.
    const agentContext = await h.newContext();
    const agent = await logIn(agentContext, 'ana', 'team password 1');
    await agent.goto('/orgs/brightmart/inbox/setup');
    await agent.getByTestId('queue-row').first().waitFor();
    expect(await agent.getByTestId('queue-remove').count()).toBe(0);
    expect(await agent.getByTestId('canned-add').count()).toBe(0);

    // A new question from Dina, snoozed for an hour: out of the Open list, in Snoozed, and back when woken.
    const dina = await h.app.modules.identity.accounts.byHandle('dina');
    await h.app.modules.social.posts.create(await principalOf(dina!.id), {
      text: '@brightmart do you also ship lamps to Madeira?',
    });
    await agent.goto('/orgs/brightmart/inbox');
    const row = agent.getByTestId('inbox-conversation').filter({ hasText: 'Dina Ferreira' });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await agent.getByTestId('snooze-select').selectOption('1h');
    await agent.getByTestId('snoozed-until').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await agent.getByTestId('inbox-status-snoozed').click();
    await row.getByTestId('inbox-snoozed').waitFor();
    await agent.getByTestId('snooze-wake').click();
    await expect.poll(() => row.count()).toBe(0);
    await agent.getByTestId('inbox-status-open').click();
    await row.waitFor();

    await ownerContext.close();
    await agentContext.close();
  });
});
