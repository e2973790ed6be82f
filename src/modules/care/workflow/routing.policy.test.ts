import { describe, expect, it } from 'vitest';
import {
  conversationTriage,
  defaultPriority,
  defaultQueueName,
  higherPriority,
  INTENT_URGENCY,
  route,
} from './routing.policy.ts';

const message = {
  intent: 'complaint',
  sentiment: -0.8,
  text: 'My Aero 14 arrived broken',
  language: 'en',
  followers: 12_000,
  lifetimeValueMinor: 250_000,
};

describe('routing', () => {
  it('should send complaints to Service, urgent when furious', () => {
    expect(defaultQueueName('complaint')).toBe('Service');
    expect(defaultPriority('complaint', -0.8)).toBe('urgent');
    expect(defaultPriority('praise', 0.9)).toBe('normal');
  });

  it('should apply every matching rule in order, later ones overriding and tags adding up', () => {
    const rules = [
      {
        id: 'vip',
        name: 'VIP',
        conditions: { minLifetimeValueMinor: 100_000 },
        actions: { tags: ['vip'], priority: 'high' as const },
      },
      {
        id: 'laptops',
        name: 'Laptops',
        conditions: { keywords: ['aero'] },
        actions: { queueId: 'q-laptops', tags: ['laptop'] },
      },
      {
        id: 'influencer',
        name: 'Influencers',
        conditions: { minFollowers: 50_000 },
        actions: { assigneeId: 'lead' },
      },
    ];
    expect(route(rules, message, { queueId: 'q-service', priority: 'urgent' })).toEqual({
      queueId: 'q-laptops',
      priority: 'high',
      tags: ['vip', 'laptop'],
      assigneeId: null,
      matched: ['vip', 'laptops'],
    });
  });
});

describe('conversationTriage', () => {
  const msg = (direction: 'in' | 'out', intent: string | null, sentiment: number | null, text = '') => ({
    direction,
    text,
    intent,
    corrected_intent: null,
    intent_confidence: 0.7,
    sentiment,
  });

  it('should take the most urgent open intent and the latest sentiment', () => {
    expect(
      conversationTriage([
        msg('in', 'question', 0.4),
        msg('in', 'complaint', -0.7),
        msg('in', 'praise', 0.8),
      ]),
    ).toMatchObject({ intent: 'complaint', sentiment: 0.8 });
    expect(INTENT_URGENCY.slice(0, 2)).toEqual(['complaint', 'question']);
  });

  it('should look only at messages since the brand last answered', () => {
    expect(
      conversationTriage([msg('in', 'complaint', -0.7), msg('out', null, null), msg('in', 'question', 0.1)]),
    ).toMatchObject({ intent: 'question', sentiment: 0.1 });
  });

  it('should never lower a priority', () => {
    expect(higherPriority('urgent', 'normal')).toBe('urgent');
    expect(higherPriority('low', 'high')).toBe('high');
  });
});
