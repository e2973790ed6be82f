import { Command } from 'commander';
import { composeModules } from '../app.ts';
import { EventBus } from '../platform/events/outbox.ts';
import { LiveHub } from '../platform/live/live-hub.ts';
import { withDatabase } from './main.ts';
import { describeRetrain } from './retrain.report.ts';

export function careCommand(): Command {
  const care = new Command('care').description('social care inbox');
  care
    .command('retrain')
    .description("learn each brand's intent model from its agents' corrections, on top of the shipped model")
    .option('--brand <handle>', 'only this brand (default: every brand with corrections)')
    .action((opts: { brand?: string }) =>
      withDatabase(async ({ db }) => {
        const { care: module } = composeModules(db, new EventBus(), new LiveHub());
        const results = await module.intentModels.retrainFromCli(opts.brand);
        if (results.length === 0) console.log('no brand has corrected intents yet: nothing to retrain');
        for (const { handle, outcome } of results) console.log(describeRetrain(handle, outcome).join('\n'));
        if (results.some((r) => r.outcome.status === 'rejected')) process.exitCode = 1;
      }),
    );
  return care;
}
