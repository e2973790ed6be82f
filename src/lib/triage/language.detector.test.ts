import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.detector.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'where is my order? it was supposed to be here on monday'],
    ['es', 'hola, mi pedido todavía no ha llegado y nadie me contesta'],
    ['fr', "bonjour, je n'ai pas reçu ma commande et personne ne répond"],
    ['de', 'hallo, meine Bestellung ist noch nicht da und niemand antwortet'],
    ['pt', 'olá, o meu pedido ainda não chegou e ninguém responde'],
    ['it', 'ciao, il mio ordine non è ancora arrivato e nessuno risponde'],
    ['nl', 'hallo, mijn bestelling is nog niet binnen en niemand reageert'],
  ])('should return %s when a customer writes in that language', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('should tell Japanese from Chinese when the text has kana', () => {
    expect(detectLanguage('注文した商品がまだ届きません')).toBe('ja');
    expect(detectLanguage('我的订单还没有到')).toBe('zh');
  });

  it("should return 'und' when a post is only emoji and numbers", () => {
    expect(detectLanguage('😡😡 12345')).toBe('und');
  });
});
