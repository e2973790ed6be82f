import { usersSigningInWith } from '../modules/identity/index.ts';
import type { Db } from '../platform/db/database.ts';
import { DEMO_PASSWORD } from './generate.ts';

export type DemoSignIn = { role: 'demo shopper' | 'brand team' | 'admin'; email: string; handle: string };

// The known sign-ins of the demo world (accounts.ts): the shopper, the first brand's team (team@<brand>.example,
// handle <brand>_team), and the admin.
const SHOPPER = 'demo@souk.example';
const ADMIN = 'admin@souk.example';
const TEAM = 'team@%.example';

const roleOf = (u: { email: string; handle: string }): DemoSignIn['role'] | undefined => {
  const email = u.email.toLowerCase();
  if (email === SHOPPER) return 'demo shopper';
  if (email === ADMIN) return 'admin';
  if (u.handle.toLowerCase().endsWith('_team')) return 'brand team';
  return undefined;
};
const ORDER: DemoSignIn['role'][] = ['demo shopper', 'brand team', 'admin'];

/**
 * The demo world's sign-ins that still work with the published password, shopper first; empty when the database
 * holds no demo world (or its passwords were changed).
 */
export async function findDemoSignIns(db: Db): Promise<DemoSignIn[]> {
  const users = await usersSigningInWith(db, DEMO_PASSWORD, [SHOPPER, ADMIN, TEAM]);
  return users
    .flatMap((u) => {
      const role = roleOf(u);
      return role ? [{ role, email: u.email, handle: u.handle }] : [];
    })
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
}

/** One line per sign-in, as `souk start` prints them after "ready at", so a newcomer can sign in. */
export function describeDemoSignIns(signIns: DemoSignIn[]): string[] {
  const whose = (s: DemoSignIn) =>
    s.role === 'brand team'
      ? `a brand team member of @${s.email.replace(/^team@(.*)\.example$/i, '$1')}`
      : `the ${s.role}`;
  return signIns.map((s) => `demo sign-in: ${s.email} / ${DEMO_PASSWORD} (${whose(s)})`);
}
