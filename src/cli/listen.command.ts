import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { composeModules } from '../app.ts';
import { type ColumnMapping, IMPORT_FORMATS, type ImportFormat } from '../lib/listening/index.ts';
import { AppError } from '../platform/errors.ts';
import { EventBus } from '../platform/events/outbox.ts';
import { LiveHub } from '../platform/live/live-hub.ts';
import { withDatabase } from './main.ts';

const mappingArg = (value: string): ColumnMapping => {
  try {
    const m = JSON.parse(value);
    if (m && typeof m === 'object' && m.id && m.text && m.createdAt) return m;
  } catch {}
  throw new InvalidArgumentError(
    'expected JSON naming at least id, text and createdAt, e.g. {"id":"id","text":"body","createdAt":"at"}',
  );
};

type ImportOptions = { brand: string; format: ImportFormat; mapping?: ColumnMapping; author?: string };

/** `souk listen …`: listening from the command line. */
export function listenCommand(): Command {
  const listen = new Command('listen').description('listening: mentions of a brand from other networks');
  listen
    .command('import')
    .description(
      'import a file of mentions for a brand (streamed; bad lines reported and skipped; re-running is safe)',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--brand <handle>', 'the brand the mentions are about')
    .addOption(
      new Option('--format <format>', 'the file’s layout').choices([...IMPORT_FORMATS]).makeOptionMandatory(),
    )
    .option('--mapping <json>', 'csv and jsonl: where each field is, as JSON', mappingArg)
    .option('--author <handle>', 'tweets-js: the archive’s handle')
    .action((file: string, opts: ImportOptions) =>
      withDatabase(async ({ db }) => {
        const modules = composeModules(db, new EventBus(), new LiveHub());
        const org = await modules.identity.orgs.orgByHandle(opts.brand);
        const size = statSync(file).size;
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format:
                  'import [{bar}] {percentage}% {imported} stored, {duplicates} already there, {errors} bad lines',
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        const stream = createReadStream(file);
        bar?.start(size, 0, { imported: 0, duplicates: 0, errors: 0 });
        try {
          const report = await modules.listening.imports.run(org.id, null, stream, {
            format: opts.format,
            mapping: opts.mapping,
            author: opts.author,
            fileName: path.basename(file),
            onProgress: (c) =>
              bar?.update(stream.bytesRead, {
                imported: c.imported,
                duplicates: c.duplicates,
                errors: c.errorCount,
              }),
          });
          bar?.update(size);
          bar?.stop();
          console.log(
            `${report.imported} mentions stored, ${report.duplicates} already there, ${report.ignored} not posts, ${report.error_count} bad lines`,
          );
          for (const e of report.errors.slice(0, 20)) console.log(`  line ${e.line}: ${e.reason}`);
          if (report.error_count > 20)
            console.log(
              `  … and ${report.error_count - 20} more (souk stores the first 1000 with the import)`,
            );
        } catch (err) {
          bar?.stop();
          if (err instanceof AppError) {
            console.error(err.message);
            process.exitCode = 1;
            return;
          }
          throw err;
        }
      }),
    );
  return listen;
}
