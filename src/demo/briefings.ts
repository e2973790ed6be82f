import type { composeModules } from '../app.ts';

type Modules = ReturnType<typeof composeModules>;

/** Last week's briefing book for every brand that listens, as the Monday schedule writes it. */
export async function seedDemoBriefings(modules: Modules, opts: { log?: (m: string) => void }) {
  const written = await modules.briefings.service.writeWeekly();
  opts.log?.(`demo: ${written} weekly briefing books`);
  return written;
}
