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
    await expect.poll(() => detail.getByTestId('sla-timer').getAttribute('data-state')).toBe('met');

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

    await agentContext.close();
    await customerContext.close();
  });
});
