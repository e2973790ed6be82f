/**
 * How an advocate's score is made from three measured factors, each shown on the Advocates page:
 * - reach: follow-graph PageRank × the number of people (1 is an average person);
 * - value: 1 + lifetime value ÷ the brand's mean customer lifetime value (1 for a follower who never bought,
 *   2 for an average customer), so a big voice with no orders still ranks and a loyal buyer ranks higher;
 * - referral conversion: people who bought through their link ÷ people who arrived through it, smoothed with
 *   one success in two tries (Laplace), so nobody is zeroed before they have referred anyone.
 * score = reach × value × referral conversion.
 */
export type Factors = { reach: number; valueFactor: number; referralConversion: number; score: number };

export function referralConversion(touched: number, converted: number): number {
  return (converted + 1) / (Math.max(touched, converted) + 2);
}

export function valueFactor(ltvMinor: number, meanCustomerLtvMinor: number): number {
  return meanCustomerLtvMinor > 0 ? 1 + Math.max(0, ltvMinor) / meanCustomerLtvMinor : 1;
}

export function advocateScore(reach: number, value: number, conversion: number): number {
  return reach * value * conversion;
}
