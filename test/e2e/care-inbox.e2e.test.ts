import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
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
    await owner.getByTestId('reply-limit-input').fill('120');
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
});
