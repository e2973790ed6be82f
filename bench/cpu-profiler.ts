import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/** A CPU profile of this process between start() and stop(file), for a benchmark's `--profile FILE`. */
export function cpuProfiler() {
  const inspector = new Session();
  return {
    async start() {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    },
    async stop(m: { file: string }) {
      const { profile } = await inspector.post('Profiler.stop');
      fs.writeFileSync(m.file, JSON.stringify(profile));
      inspector.disconnect();
    },
  };
}
