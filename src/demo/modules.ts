import type { composeModules } from '../app.ts';
import { seedDemoAdvocates } from './advocates.ts';
import { seedDemoTiers } from './advocates-tiers.ts';
import { seedDemoBriefings } from './briefings.ts';
import { seedDemoCare } from './care.ts';
import { seedDemoCommerce } from './commerce.ts';
import { seedDemoGovernance } from './governance.ts';
import { seedDemoIdeas } from './ideas.ts';
import { seedDemoListening } from './listening.ts';
import { seedDemoRfp } from './rfp.ts';
import { seedDemoServiceQuality } from './service-quality.ts';

type Modules = ReturnType<typeof composeModules>;

/**
 * After the bulk world is written: what each module shows a newcomer, seeded through the modules' own services in
 * the order they build on each other (commerce's catalog before care's orders; advocates, which drains the event queue, last).
 */
export async function seedDemoModules(
  modules: Modules,
  opts: { seed: number; brands?: number; drain: () => Promise<unknown>; log?: (m: string) => void },
) {
  await seedDemoCommerce(modules, opts);
  await seedDemoCare(modules, { log: opts.log });
  await seedDemoIdeas(modules, { drain: opts.drain, log: opts.log });
  await seedDemoListening(modules, { log: opts.log });
  await seedDemoGovernance(modules, { log: opts.log });
  await seedDemoRfp(modules, { drain: opts.drain, log: opts.log });
  await seedDemoServiceQuality(modules, { log: opts.log });
  await seedDemoBriefings(modules, { log: opts.log });
  await seedDemoAdvocates(modules, { drain: opts.drain, log: opts.log });
  await seedDemoTiers(modules, { drain: opts.drain, log: opts.log });
}
