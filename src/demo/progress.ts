import cliProgress from 'cli-progress';

/** Reports how far a long build is: a progress bar on a terminal, or one log line per finished phase. */
export type Progress = {
  phase(name: string, total: number): void;
  tick(count: number): void;
  done(): void;
};

export function createProgress(options: { bar: boolean; log?: (msg: string) => void }): Progress {
  let name = '';
  let count = 0;
  let startedAt = 0;
  const bar = options.bar
    ? new cliProgress.SingleBar(
        {
          format: 'demo {phase} [{bar}] {percentage}% {value}/{total}',
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const finish = () => {
    if (!name) return;
    if (bar) bar.stop();
    else
      options.log?.(
        `demo: ${count.toLocaleString('en')} ${name} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
      );
    name = '';
  };
  return {
    phase(next, total) {
      finish();
      name = next;
      count = 0;
      startedAt = performance.now();
      bar?.start(total, 0, { phase: next.padEnd(14) });
    },
    tick(n) {
      count += n;
      bar?.increment(n);
    },
    done: finish,
  };
}
