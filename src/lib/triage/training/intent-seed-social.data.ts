import type { Intent } from '../triage.types.ts';

// Project-authored social posts for Souk, released under CC0 1.0 (public domain dedication). Written from
// general knowledge of how people post to brands (sarcasm, emoji, slang, several tagged brands, prices and
// discounts, long rambling posts), not from any evaluation set. Slots are filled by `expandSocialSeeds`;
// {b}, {b2}, {b3}, {b4} are distinct brand handles.

export const SOCIAL_SLOTS: Record<string, readonly string[]> = {
  b: ['@acme', '@northwindshop', '@brightmobile', '@cafelumen', '@skyhopair', '@urbanthreads', '@pixelhome', '@voltbank', '@greengrocer', '@rapidparcel', '@streamly', '@fitforge'],
  p: ['the trail runners', 'the OLED TV', 'the air fryer', 'the blue hoodie', 'my phone', 'the espresso machine', 'the e-bike', 'the earbuds', 'the winter parka', 'the sofa', 'the laptop', 'the smart speaker', 'the mattress', 'the stroller'],
  item: ['iPad Air', 'Galaxy S25', 'Pixel 9', 'Air Max 90', 'PS5 Slim', 'Dyson V15', 'MacBook Air', 'Kindle Paperwhite', 'Model 3', 'Nespresso Vertuo', 'family plan', 'annual plan'],
  price: ['$50', '£120', '€300', '$19.99', '£35', '$1,200', '€89', '£9.99', '$400', '£599'],
  pct: ['10%', '15%', '20%', '25%', '30%', '50%'],
  place: ['Leeds', 'Austin', 'Lyon', 'Melbourne', 'Toronto', 'Dublin', 'Manchester', 'Denver', 'Glasgow', 'Pune'],
  n: ['2', '3', '4', '5', '6', '10', '12', '40', '200'],
  happy: ['🙏', '🙌', '❤️', '😍', '🔥', '💯', '👏', '✨', '🥳', ''],
  sad: ['🙄', '😡', '😤', '🤬', '😒', '💀', '😩', '👎', '🤡', ''],
  time: ['three weeks', '10 days', 'a month', 'two hours', '45 minutes', 'since Tuesday', 'all weekend', 'six weeks'],
};

export const SOCIAL_TEMPLATES: Record<Intent, readonly string[]> = {
  complaint: [
    'thanks {b} for the mid-contract price rise {happy} really feeling the love',
    'wow {b}, {p} broke after {n} days. truly world class quality {sad}',
    'great job {b}, third missed delivery this week. love waiting in all day for nothing {sad}',
    'thanks for nothing {b}',
    'cheers {b} for cancelling my order without telling me. amazing service 👏',
    'love how {b} charges me {price} and then the app is down all weekend {sad}',
    'oh brilliant, {b} lost my parcel again. 10/10 would wait {time} again',
    'nothing says customer first like {time} on hold with {b} {sad}',
    'so {b} just doubled the price and removed half the features. bold move',
    '{b} my refund still hasnt arrived after {time}. this is a joke',
    '{b} {p} arrived smashed and nobody answers the chat',
    '{b} been charged twice for one order, sort it out please',
    '{b} your app logged me out again and now my card is blocked??',
    '{b} no wifi in {place} {time}, paying {price} a month for nothing',
    '{b} ordered {p} {time} ago, tracking hasnt moved. where is it',
    'never again {b}. rude staff, cold food, {price} wasted',
    '{b} why is it so hard to cancel a subscription. {n} emails and still charged',
    '{b} the new update is awful, cant find anything anymore {sad}',
    'absolutely fuming with {b} right now {sad}',
    '{b} delayed {time} with no announcements, no food, no staff. shambles',
    '{b} sent me the wrong size twice. do you even check orders',
    '{b} still waiting on a callback that was promised {time} ago',
    'my {p} from {b} stopped working a week after warranty ended. coincidence? {sad}',
    '{b} how is it acceptable that {p} costs {price} and breaks in a month?',
    'can someone at {b} explain why I was charged {price} for something I returned {time} ago?',
    'is anyone at {b} actually reading these? order missing {time}',
    '{b} is there a reason your support chat closes every time I type? been trying {time}',
    'why does {b} keep cancelling my bookings?? this is the {n}th time',
    'so apparently {b} thinks {time} for a reply is fine. it is not',
    '{b} your driver left my parcel in the rain. soaked {p}. great',
    'day {n} of {b} ignoring my emails {sad}',
    'dear {b}, a {price} fee to change a seat is daylight robbery',
    '{b} loyal customer for {n} years and this is how you treat me. disgusting',
    'not impressed {b}. {p} smells like burning plastic',
    '{b} don\'t get me wrong I used to love you but {p} falling apart after {n} uses is not ok',
    'not sure what is worse {b}, the {time} delay or the staff shrugging at us',
    'so I bought {p} from {b} last month, it was fine at first, then the battery started dying, then the screen flickered, then support told me to restart it, which I did {n} times, and now they say it is out of warranty. incredible',
    'ok long one. booked with {b} for my mum\'s birthday, paid {price} upfront, turned up in {place} and they had no record of it, manager said try again tomorrow, no refund, no apology, nothing. we ended up eating at a petrol station',
    '{b} the hold music is lovely, I have heard it for {time} now 🙃',
    'really appreciate {b} sending me {n} marketing emails a day but not one reply about my missing refund',
    'love that {b} can take my money in seconds but needs {time} to give it back 🙄',
    'so glad I paid {price} for {p} that lasted {n} days 🙃',
    'fantastic, {b} upgraded my plan without asking. thanks I guess {sad}',
  ],
  praise: [
    '{b} refunded my overpayment within an hour, why can\'t every company be like this',
    'why can\'t every airline be like {b}? on time, friendly crew, free snacks {happy}',
    'honestly {b} just fixed in 5 minutes what my old bank couldn\'t in {time}',
    '{b} delivered {p} a day early and the driver was lovely {happy}',
    'shoutout to {b} support, sorted my issue in one message {happy}',
    'how is {b} this good. {p} still going strong after {n} years',
    'not gonna lie {b} smashed it with {p} {happy}',
    '{b} you absolute legends {happy}',
    'huge thanks to the {b} team in {place}, above and beyond today',
    '{b} the new update is chef\'s kiss {happy}',
    'can\'t believe how fast {b} replaced my broken {p}. no questions asked',
    'didn\'t expect much from {b} but wow, impressed {happy}',
    'never had a bad experience with {b}. never.',
    '{b} best customer service I have had all year',
    'my {p} from {b} is the best thing I bought this year {happy}',
    '{b} thank you for sorting my refund so quickly',
    'big up {b}, the staff in {place} were so kind to my grandad',
    'whoever designed {p} at {b} deserves a raise {happy}',
    'ok {b} I take back everything I said, {p} is actually amazing',
    'usually roast {b} but credit where it is due, flawless trip today',
    'why is nobody talking about how good {b} customer service is {happy}',
    '{b} no fuss return, money back in {n} days. this is how it should be',
    'switched to {b} {time} ago and not a single problem. wish I had done it sooner',
    'long post but worth it: {b} rebooked our whole family after the storm, found us a hotel in {place}, called back twice to check on us, and never once made us feel like a nuisance. thank you',
    '{b} 5 stars, would recommend to anyone {happy}',
    'obsessed with {p} from {b} {happy}',
    '{b} is the only company that actually answers on here. respect',
  ],
  question: [
    '{b} do you ship to {place}?',
    '{b} what time does the {place} store close on sundays?',
    '{b} how do I change the email on my account?',
    '{b} is {p} waterproof or just splash resistant?',
    'hey {b} quick one, can I return {p} without the box?',
    '{b} does the {item} come with a charger in the box?',
    '{b} any idea when the app will support dark mode?',
    '{b} is there an outage in {place} or is it just me?',
    '{b} how long does a refund usually take to show up?',
    '{b} can I add a second driver to my booking?',
    '{b} where do I find my invoice in the app?',
    'does anyone know if {b} does next day delivery to {place}?',
    '{b} what is the warranty on {p}?',
    '{b} does {p} work with android?',
    '{b} how do I cancel my subscription? cant find the button',
    '{b} is the {place} branch open on bank holidays?',
    '{b} can I pay with apple pay in store?',
    '{b} sizing question: does {p} run small?',
    '{b} which plan includes international roaming?',
    '{b} is my data safe after the news today?',
    '{b} my friend says you price match, is that true?',
    'hi {b}, what is the difference between the {item} and the pro?',
    '{b} is there a way to pause my membership while I travel?',
  ],
  purchase_intent: [
    '{b} when is the {item} back in stock? I want one',
    'need {p} from {b} before friday, ordering tonight',
    'ok {b} you convinced me, getting the {item} this weekend {happy}',
    '{b} where can I buy {p} in {place}? want to pick one up today',
    'finally treating myself to the {item} from {b} {happy}',
    '{b} taking my money for the {item} as soon as it drops',
    'adding {p} to basket right now {b}',
    '{b} I need {n} of these for the office, how do I order',
    'my phone died so it\'s time for the {item}. heading to {b} after work',
    '{b} want to upgrade to the {item}, can I do it in store?',
    'saving up for {p} from {b}. two more paydays',
    '{b} shut up and take my money {happy}',
    '{b} I\'ll take {n}. where do I pay',
    'about to switch to {b} for broadband, how do I sign up?',
    '{b} can I preorder the {item}? I want it on launch day',
    'right, that\'s it, buying {p} from {b} tomorrow',
    '{b} just need the {item} in black and I\'m sold. in stock?',
    'been eyeing {p} for weeks, ordering from {b} tonight',
  ],
  product_price_request: [
    '{b} student discount on the {item}? {pct} off and I order tonight',
    '{b} any chance of {pct} off {p}? will buy today',
    '{b} will you price match {price} on the {item}? seen it cheaper elsewhere',
    '{b} if the {item} drops under {price} I\'m buying two',
    '{b} how much would you give me as trade in for my old phone against the {item}?',
    '{b} any nhs discount on {p}?',
    '{b} do you do a loyalty discount for customers of {n} years? eyeing the {item}',
    '{b} black friday price on the {item} yet? waiting with my card out',
    '{b} {item} for {price} and we have a deal',
    '{b} any promo code for {p}? first order',
    '{b} can you do the {item} for {price} if I buy {n}?',
    '{b} is the {pct} off code still valid on the {item}?',
    '{b} bundle deal on the {item} and a case? {price} is my budget',
    '{b} any military discount on {p}?',
    '{b} 0% finance on the {item} and I sign tomorrow',
    '{b} what\'s the best price you can do on the {item} for cash?',
    '{b} love your stuff {happy} any teacher discount on the {item}?',
    '{b} {price} seems steep for the {item}. any offer for returning customers?',
  ],
  rfp: [
    '{b} {b2} {b3} {b4} who wants my business? need a new {item}',
    '{b} {b2} {b3} which of you will give me the best deal on {p}?',
    '{b} {b2} need {n} laptops for the office. best offer wins',
    'switching bank this month. {b} {b2} {b3} convince me',
    '{b} {b2} {b3} pitch me your best family plan, contract ends friday',
    '{b} vs {b2}, whoever beats {price} for the {item} gets my order',
    'dear {b} {b2} {b3}, moving to {place}, need broadband. go',
    '{b} {b2} {b3} quotes please for {n} phones on a business plan',
    'who\'s doing the best deal on {p} this weekend? {b} {b2} {b3}',
    '{b} {b2} {b3} {b4} planning a trip for {n} to {place}. best package wins {happy}',
    'ok {b} {b2}, my contract is up. what can you offer me?',
    '{b} {b2} {b3} looking for a supplier for {n} units of {p}. DM me quotes',
    'hey {b} and {b2}, which of you can install by next week? whoever is cheaper',
    '{b} {b2} {b3} insurance renewal due, beat {price} and you win me',
    '{b} {b2} {b3} {b4} our team of {n} needs a new tool. send pricing',
    'who wants {price}? {b} {b2} {b3} best offer on the {item}',
  ],
  idea: [
    '{b} make {p} in green and I\'d buy it tomorrow',
    '{b} please bring back the old app layout',
    '{b} you should do a subscription for coffee beans',
    '{b} would be amazing if the app showed delivery slots',
    'someone at {b} needs to make a vegan version of this {happy}',
    '{b} idea: let us pause deliveries while on holiday',
    '{b} why not add a family account so we can share?',
    '{b} it would be great if you opened a store in {place}',
    '{b} please add apple pay to the app',
    '{b} how about a loyalty scheme for regulars?',
  ],
  chatter: [
    'my cat has claimed the {b} box as her house {happy}',
    'listening to the {b} ad jingle in my head all day 💀',
    'overheard in {place}: "I only shop at {b} for the bags". fair',
    'me at 2am scrolling {b} for things I do not need',
    'the {b} billboard in {place} is so random lol',
    'just realised my whole outfit is from {b}. no regrets',
    'anyone else watching the {b} keynote tonight?',
    'my dad still calls every phone a {b} phone',
    'packing for {place}, half my suitcase is {b} lol',
    'the queue outside {b} in {place} this morning was wild',
    'every group chat has one friend who swears by {b}',
    'not me buying a candle from {b} just because it smelled nice',
    '{b} trending again, what did they do this time',
    'reading the {b} tweets today is better than tv',
    'throwback to when {b} was just one tiny shop in {place}',
    'so anyway I ended up at {b} for lunch again',
    'dreamt I worked at {b}. woke up tired',
    'long day. sofa, tea, and the {b} advent calendar',
    'fun fact: the {b} logo used to be orange',
    'my gran just discovered {b} and now she is unstoppable',
    'watching people in {place} queue for {b} at 6am. committed',
    'unpopular opinion: the {b} jingle slaps',
  ],
};

export type SocialSeedExample = { text: string; label: Intent; template: string };

/** Deterministic slot filling: each template yields up to `copies` distinct variants. */
export function expandSocialSeeds(copies: number): SocialSeedExample[] {
  const out: SocialSeedExample[] = [];
  let counter = 0;
  for (const [label, templates] of Object.entries(SOCIAL_TEMPLATES) as [Intent, readonly string[]][]) {
    for (const template of templates) {
      const variants = new Set<string>();
      for (let copy = 0; copy < copies; copy++) variants.add(fill(template, counter++));
      for (const text of variants) out.push({ text, label, template });
    }
  }
  return out;
}

function fill(template: string, counter: number): string {
  const brands = SOCIAL_SLOTS.b;
  const start = (counter * 5) % brands.length;
  return template
    .replace(/\{(\w+)\}/g, (_, slot: string) => {
      const brand = ['b', 'b2', 'b3', 'b4'].indexOf(slot);
      if (brand >= 0) return brands[(start + brand * 3) % brands.length];
      const values = SOCIAL_SLOTS[slot];
      return values[(counter * (slot.length * 7 + 3) + slot.charCodeAt(0)) % values.length];
    })
    .replace(/\s+/g, ' ')
    .trim();
}
