import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineSentiment } from './sentiment.model.ts';
import { triage } from './triage.service.ts';
import { INTENTS } from './triage.types.ts';

describe('triage', () => {
  it('should classify a furious delayed-order tweet as complaint with negative sentiment', () => {
    const result = triage(
      '@northwind my order was supposed to arrive last Tuesday and it is STILL not here. Nobody replies. Furious.',
    );
    expect(result.intent).toBe('complaint');
    expect(result.sentiment).toBeLessThan(-0.3);
  });

  it('should read a thank-you to the team as praise with positive sentiment', () => {
    const result = triage('Absolutely loving my new headphones from @soundly, the team was super helpful!');
    expect(result.intent).toBe('praise');
    expect(result.sentiment).toBeGreaterThan(0.5);
  });

  it('should call it a product/price request when someone wants a named product under a budget', () => {
    expect(triage('Anyone got a used Nintendo Switch for under $150? Paying cash').intent).toBe(
      'product_price_request',
    );
  });

  it('should call it an rfp when a company invites agencies to submit proposals', () => {
    const text =
      'Our company is inviting digital agencies to submit proposals for a new e-commerce site. Deadline May 3.';
    expect(triage(text).intent).toBe('rfp');
  });

  it('should call it an idea when a customer suggests a feature', () => {
    expect(triage('@fitapp you should let us export workouts to a spreadsheet').intent).toBe('idea');
  });

  it('should call it a question when a customer asks how to do something', () => {
    expect(triage('@telco how do I move my plan to a new phone number?').intent).toBe('question');
  });

  it('should call it purchase intent when a customer says they are ordering tonight', () => {
    expect(triage("I'm ordering the new running shoes from @stride tonight").intent).toBe('purchase_intent');
  });

  it('should call small talk chatter when it addresses no brand', () => {
    expect(triage('good morning everyone, what a sunny day').intent).toBe('chatter');
  });

  it('should list the products and competitors a post names when the caller passes their names', () => {
    const result = triage('Returned my #AirMax90 and bought Adidas instead', {
      products: ['Air Max 90', 'Pegasus'],
      competitors: ['Adidas', 'Puma'],
    });
    expect(result.products).toEqual(['Air Max 90']);
    expect(result.competitors).toEqual(['Adidas']);
  });

  it('should leave products and competitors out when the caller gives no names', () => {
    const result = triage('Returned my Air Max 90');
    expect(result).not.toHaveProperty('products');
    expect(result).not.toHaveProperty('competitors');
  });

  it('should detect the language of a Spanish complaint', () => {
    expect(triage('mi pedido no ha llegado y nadie me responde, qué vergüenza').language).toBe('es');
  });

  it('should keep sentiment in −1..1 and a known intent with confidence in 0..1 for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = triage(text);
        expect(INTENTS).toContain(result.intent);
        expect(result.intentConfidence).toBeGreaterThanOrEqual(0);
        expect(result.intentConfidence).toBeLessThanOrEqual(1);
        expect(Math.abs(result.sentiment)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('combineSentiment', () => {
  const rule = { lexiconWeight: 0.75, lexiconOverride: 0.7, complaintAnchor: 0.3 };

  it('should read a polite question neutral when the model says neutral, though the lexicon leans positive', () => {
    expect(Math.abs(combineSentiment(rule, [0.1, 0.8, 0.1], 0.45))).toBeLessThan(0.05);
  });

  it('should let a strong lexicon score override a neutral model', () => {
    expect(combineSentiment(rule, [0.1, 0.8, 0.1], -0.8)).toBeLessThanOrEqual(-0.05);
  });

  it('should turn a sarcastic thank-you negative when triage is sure it is a complaint', () => {
    expect(
      combineSentiment(rule, [0.2, 0.2, 0.6], 0.4, { intent: 'complaint', confidence: 0.95 }),
    ).toBeLessThan(-0.05);
  });

  it('should leave the score alone for other intents', () => {
    const plain = combineSentiment(rule, [0.2, 0.2, 0.6], 0.4);
    expect(combineSentiment(rule, [0.2, 0.2, 0.6], 0.4, { intent: 'question', confidence: 0.95 })).toBe(
      plain,
    );
    expect(plain).toBeGreaterThanOrEqual(0.05);
  });
});
