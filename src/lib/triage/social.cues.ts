import { wordValence } from './sentiment.scorer.ts';
import type { TextTokens } from './text.tokenizer.ts';

// Cues of how people write to brands on social media, written by hand (CC0) from general knowledge of the
// register, not from any evaluation post. Each is a marker term ("<soc:…>") learnt with its own weight next to
// the word features, so that one weight covers every wording: how many brands are tagged (an rfp asks several),
// a price or a discount (product_price_request), and sarcasm, which a bag of words cannot see: praise words or
// emoji next to the facts of a failure ("thanks for the mid-contract price rise 🙏").

/** Words that report something going wrong, whatever the tone around them. */
const FAILURE = new Set(
  (
    'delayed delay late lost missing broke broken charged overcharged cancelled canceled outage down rise hike ' +
    'increase waiting hold queue refund never nothing again still crashed crash stuck wrong damaged smashed ' +
    'leaking leak faulty dead died cold rude ignored ignoring logged blocked declined twice fee fees robbery ' +
    'scam fail failed failing worse worst error errors bug bugs noone nobody hours days weeks months'
  ).split(' '),
);
/** Emoji and words that are praise on their face and sarcasm beside a failure. */
const IRONIC = new Set(
  (
    'thanks thank cheers love loving great brilliant amazing wonderful fantastic truly wow nice lovely ' +
    'perfect awesome glad appreciate congrats impressive incredible genius 🙏 👏 🙃 😊 🙂 ❤️ 😍 👍 🥰 🤩 💯 ✨'
  ).split(' '),
);
const EYE_ROLL = new Set(['🙄', '🙃', '🤡', '💀', '😒', '😑', '🤦', '🤦‍♀️', '🤦‍♂️']);
const DISCOUNT = new Set(
  'discount discounts off deal deals offer offers promo code coupon voucher sale cheaper price match trade trade-in finance'.split(
    ' ',
  ),
);

function bucket(n: number, cuts: readonly number[]): number {
  let i = 0;
  while (i < cuts.length && n >= cuts[i]) i++;
  return i;
}

/** The social-register markers of one message. */
export function socialCues(tokens: TextTokens): string[] {
  const { types, normals } = tokens;
  const handles = new Set<string>();
  let positive = 0;
  let negative = 0;
  let ironic = 0;
  let failures = 0;
  let money = false;
  let percent = false;
  let discount = false;
  let question = false;
  let eyeRoll = false;
  let negatedPositive = false;
  let words = 0;
  for (let i = 0; i < normals.length; i++) {
    const type = types[i];
    const word = normals[i];
    if (type === 'mention') handles.add(word);
    else if (type === 'currency') money = true;
    else if (type === 'word') words++;
    if (word === '?') question = true;
    if (word === '%' || word.endsWith('%')) percent = true;
    if (DISCOUNT.has(word)) discount = true;
    if (FAILURE.has(word)) failures++;
    if (IRONIC.has(word)) ironic++;
    if (EYE_ROLL.has(word)) eyeRoll = true;
    const valence = wordValence(word);
    if (valence > 0) {
      positive++;
      for (let j = Math.max(0, i - 3); j < i; j++)
        if (normals[j] === 'not' || normals[j] === 'no' || normals[j] === 'never') negatedPositive = true;
    } else if (valence < 0) negative++;
  }
  const cues = [
    `<soc:brands-${bucket(handles.size, [1, 2, 3])}>`,
    `<soc:length-${bucket(words, [8, 20, 40])}>`,
  ];
  if (handles.size >= 2 && question) cues.push('<soc:brands-asked>');
  if (money) cues.push('<soc:money>');
  if (percent) cues.push('<soc:percent>');
  if (discount && (money || percent)) cues.push('<soc:discount-amount>');
  if (question) cues.push('<soc:question>');
  if (normals.length > 0 && normals[normals.length - 1] === '?') cues.push('<soc:ends-question>');
  if (eyeRoll) cues.push('<soc:eye-roll>');
  if (negatedPositive) cues.push('<soc:negated-positive>');
  if (ironic > 0 && failures > 0) cues.push('<soc:sarcasm>');
  if (positive > 0 && negative > 0) cues.push('<soc:mixed>');
  else if (positive > 0) cues.push('<soc:positive>');
  else if (negative > 0) cues.push('<soc:negative>');
  if (failures >= 2) cues.push('<soc:failures>');
  return cues;
}
