import type { AccountKind } from '../modules/identity/index.ts';
import type { OrgRole } from '../platform/http/auth.ts';
import { newId } from '../platform/ids.ts';
import type { Rng } from './random.ts';
import { brandBio, personBio, resellerBio } from './text.ts';
import {
  CATEGORIES,
  FEATURED_BRANDS,
  FIRST_NAMES,
  LAST_NAMES,
  RESELLER_KINDS,
  RESELLER_PLACES,
  STEM_HEADS,
  STEM_TAILS,
} from './vocabulary.ts';

const DAY_MS = 86_400_000;

export type DemoAccount = {
  id: string;
  kind: AccountKind;
  handle: string;
  name: string;
  bio: string;
  links: { title: string; url: string }[];
  verified: boolean;
  createdAtMs: number;
  /** Brands: index into CATEGORIES; -1 otherwise. */
  category: number;
  /** People who can sign in; null for organizations. */
  email: string | null;
  isAdmin: boolean;
};

/** Accounts in a fixed order: brands, then resellers, then people (the three sign-in accounts first). */
export type DemoAccounts = {
  list: DemoAccount[];
  brands: number;
  resellers: number;
  /** Index of the first person; people run to the end of `list`. */
  firstPerson: number;
  /** Indices of the known sign-ins, or -1 when an existing account already had that handle or email. */
  demo: number;
  team: number;
  admin: number;
  members: { org: number; user: number; role: OrgRole }[];
};

/** Handles and emails in use, lower-cased; pre-filled from the database when it is not empty. */
export type Taken = { handles: Set<string>; emails: Set<string> };

const ascii = (s: string) => s.normalize('NFD').replace(/[^A-Za-z0-9]/g, '');

function uniqueHandle(base: string, taken: Taken, rng: Rng): string {
  let handle = base.slice(0, 30);
  while (handle.length < 2 || taken.handles.has(handle.toLowerCase())) {
    handle = `${base.slice(0, 25)}${1 + rng.int(9999)}`;
  }
  taken.handles.add(handle.toLowerCase());
  return handle;
}

function account(rng: Rng, nowMs: number, fields: Omit<DemoAccount, 'id' | 'createdAtMs'>): DemoAccount {
  // Accounts predate the posts, which span the last 60 days.
  const createdAtMs = Math.floor(nowMs - 61 * DAY_MS - rng.next() * 400 * DAY_MS);
  return { ...fields, id: newId(createdAtMs, rng.bytes16()), createdAtMs };
}

function brandName(i: number, rng: Rng): { name: string; handle: string; category: number } {
  const featured = FEATURED_BRANDS[i];
  if (featured) {
    return { ...featured, category: CATEGORIES.findIndex((c) => c.key === featured.category) };
  }
  const category = rng.int(CATEGORIES.length);
  const stem = `${rng.pick(STEM_HEADS)}${rng.pick(STEM_TAILS)}`;
  const suffix = rng.pick(CATEGORIES[category].suffixes);
  return {
    name: `${stem} ${suffix}`,
    handle: ascii(`${stem}${suffix.split(' ')[0]}`).toLowerCase(),
    category,
  };
}

function brands(count: number, rng: Rng, nowMs: number, taken: Taken): DemoAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const { name, handle: base, category } = brandName(i, rng);
    const handle = uniqueHandle(base, taken, rng);
    return account(rng, nowMs, {
      kind: 'brand',
      handle,
      name,
      bio: brandBio(rng, CATEGORIES[category]),
      links: [{ title: 'Shop', url: `https://${handle}.example` }],
      verified: i < FEATURED_BRANDS.length || rng.chance(0.85),
      category,
      email: null,
      isAdmin: false,
    });
  });
}

function resellers(count: number, rng: Rng, nowMs: number, taken: Taken): DemoAccount[] {
  return Array.from({ length: count }, () => {
    const name = `${rng.pick(RESELLER_PLACES)} ${rng.pick(RESELLER_KINDS)}`;
    const handle = uniqueHandle(ascii(name).toLowerCase(), taken, rng);
    return account(rng, nowMs, {
      kind: 'reseller',
      handle,
      name,
      bio: resellerBio(rng),
      links: [{ title: 'Store', url: `https://${handle}.example` }],
      verified: rng.chance(0.4),
      category: -1,
      email: null,
      isAdmin: false,
    });
  });
}

function personHandle(first: string, last: string, rng: Rng): string {
  const f = ascii(first);
  const l = ascii(last);
  const styles = [
    `${f}${l}`,
    `${f}_${l}`,
    `${f}${10 + rng.int(90)}`,
    `${f[0]}${l}`,
    `${l}_${f[0]}`,
    `the${f}`,
  ];
  const handle = rng.pick(styles);
  return rng.chance(0.7) ? handle.toLowerCase() : handle;
}

function person(
  rng: Rng,
  nowMs: number,
  taken: Taken,
  preset?: { handle: string; name: string; email: string; isAdmin?: boolean },
) {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const handle = preset ? preset.handle : uniqueHandle(personHandle(first, last, rng), taken, rng);
  const email = preset ? preset.email : `${handle.toLowerCase()}@mail.example`;
  taken.emails.add(email.toLowerCase());
  return account(rng, nowMs, {
    kind: 'person',
    handle,
    name: preset ? preset.name : `${first} ${last}`,
    bio: personBio(rng),
    links: [],
    verified: false,
    category: -1,
    email,
    isAdmin: preset?.isAdmin ?? false,
  });
}

/** A sign-in account with a fixed handle and email, unless the database already has either. */
function known(
  rng: Rng,
  nowMs: number,
  taken: Taken,
  preset: { handle: string; name: string; email: string; isAdmin?: boolean },
) {
  if (taken.handles.has(preset.handle.toLowerCase()) || taken.emails.has(preset.email.toLowerCase()))
    return undefined;
  taken.handles.add(preset.handle.toLowerCase());
  return person(rng, nowMs, taken, preset);
}

/** Brands (about 1 per 100 people, at least 8), a few resellers, and `people` people with sign-ins. */
export function buildAccounts(people: number, rng: Rng, nowMs: number, taken: Taken): DemoAccounts {
  const brandList = brands(Math.max(8, Math.round(people / 100)), rng, nowMs, taken);
  const resellerList = resellers(Math.max(3, Math.round(brandList.length / 4)), rng, nowMs, taken);
  const list = [...brandList, ...resellerList];
  const firstPerson = list.length;
  const first = brandList[0];
  const presets = [
    { handle: 'demo', name: 'Demo Shopper', email: 'demo@souk.example' },
    {
      handle: `${first.handle.slice(0, 25)}_team`,
      name: `${first.name} Team`,
      email: `team@${first.handle}.example`,
    },
    { handle: 'admin', name: 'Souk Admin', email: 'admin@souk.example', isAdmin: true },
  ];
  const special = presets.map((preset) => {
    const made = known(rng, nowMs, taken, preset);
    if (!made) return -1;
    list.push(made);
    return list.length - 1;
  });
  while (list.length < firstPerson + people) list.push(person(rng, nowMs, taken));
  const accounts = { list, brands: brandList.length, resellers: resellerList.length, firstPerson };
  const generated = firstPerson + special.filter((i) => i >= 0).length;
  const members = memberships(accounts, generated, special[1], rng);
  return { ...accounts, demo: special[0], team: special[1], admin: special[2], members };
}

/** Every organization gets an owner (the team sign-in owns the first brand); some brands also an agent. */
function memberships(
  accounts: Pick<DemoAccounts, 'list' | 'brands' | 'resellers'>,
  generated: number,
  team: number,
  rng: Rng,
) {
  const members: DemoAccounts['members'] = [];
  const randomPerson = () => generated + rng.int(accounts.list.length - generated);
  for (let org = 0; org < accounts.brands + accounts.resellers; org++) {
    const owner = org === 0 && team >= 0 ? team : randomPerson();
    members.push({ org, user: owner, role: 'owner' });
    const agent = randomPerson();
    if (org < accounts.brands && agent !== owner && rng.chance(0.5))
      members.push({ org, user: agent, role: 'agent' });
  }
  return members;
}
