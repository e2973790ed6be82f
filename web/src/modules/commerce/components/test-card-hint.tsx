const TEST_CARDS: { number: string; outcome: string }[] = [
  { number: '4242424242424242', outcome: 'succeeds' },
  { number: '4000000000000002', outcome: 'is declined' },
  { number: '4000000000009995', outcome: 'has insufficient funds' },
  { number: '4000000000003063', outcome: 'succeeds after a delay' },
  { number: '4000000000000341', outcome: 'fails after a delay' },
];

const spaced = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');

/** The test payment provider's documented cards; a click fills one in. */
export function TestCardHint({ onPick }: { onPick: (number: string) => void }) {
  return (
    <details className="test-cards" data-testid="test-card-hint">
      <summary>
        Test mode: card <span className="mono">4242 4242 4242 4242</span> pays; more test cards
      </summary>
      <ul>
        {TEST_CARDS.map((card) => (
          <li key={card.number}>
            <button type="button" className="link-button mono" onClick={() => onPick(card.number)}>
              {spaced(card.number)}
            </button>{' '}
            {card.outcome}
          </li>
        ))}
      </ul>
    </details>
  );
}
