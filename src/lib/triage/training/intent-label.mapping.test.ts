import { describe, expect, it } from 'vitest';
import { mapBanking77, mapBitext, mapClinc150 } from './intent-label.mapping.ts';

describe('intent label mapping', () => {
  it('should map a banking problem report to complaint and an information request to question', () => {
    expect(mapBanking77('card_not_working')).toBe('complaint');
    expect(mapBanking77('exchange_rate')).toBe('question');
    expect(mapBanking77('order_physical_card')).toBe('purchase_intent');
  });

  it('should map Bitext complaints and orders, and leave out requests to write a review', () => {
    expect(mapBitext('complaint')).toBe('complaint');
    expect(mapBitext('place_order')).toBe('purchase_intent');
    expect(mapBitext('track_order')).toBe('question');
    expect(mapBitext('review')).toBeNull();
  });

  it('should map CLINC small talk to chatter and leave out voice-assistant commands', () => {
    const domains = new Map([
      ['greeting', 'small_talk'],
      ['timer', 'utility'],
      ['flight_status', 'travel'],
    ]);
    expect(mapClinc150('greeting', domains)).toBe('chatter');
    expect(mapClinc150('thank_you', domains)).toBe('praise');
    expect(mapClinc150('timer', domains)).toBeNull();
    expect(mapClinc150('flight_status', domains)).toBe('question');
  });
});
