import { describe, expect, it } from 'vitest';
import { renderCanned } from './canned.template.ts';

describe('renderCanned', () => {
  it('should fill the customer’s first name and order id', () => {
    expect(
      renderCanned('Hi {first_name}, order {order_id} ships today.', {
        first_name: 'Rosa',
        order_id: 'A1B2',
      }),
    ).toBe('Hi Rosa, order A1B2 ships today.');
  });

  it('should leave a placeholder it cannot fill, so the agent notices', () => {
    expect(renderCanned('Order {order_id}', { first_name: 'Rosa' })).toBe('Order {order_id}');
  });
});
