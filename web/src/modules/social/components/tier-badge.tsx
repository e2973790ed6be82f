type Badge = { brand: string; tier: string };

/** A person's tier with a brand, by their name: "Champion · Larchwood" (the brand by its handle). */
export function TierBadges({ badges }: { badges: Badge[] | undefined }) {
  if (!badges?.length) return null;
  return (
    <>
      {badges.map((b) => (
        <span
          key={b.brand}
          className="tier-badge"
          data-testid="tier-badge"
          title={`${b.tier} of @${b.brand}: earned by contributions to the brand`}
        >
          {b.tier} · {b.brand}
        </span>
      ))}
    </>
  );
}
