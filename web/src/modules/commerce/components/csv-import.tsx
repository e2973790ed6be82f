import { type ChangeEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { commerceApi } from '../api/commerce.api.ts';
import type { CsvRowError } from '../api/commerce.types.ts';
import { useImportCsv } from '../hooks/use-catalog.ts';

const HEADER = 'slug,title,description,price,currency,reseller_floor,exclusive,images,sku,variant,stock';

/** The row-level problems of a refused import, by line and column, so the file can be fixed in one pass. */
function CsvErrors({ errors }: { errors: CsvRowError[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="csv-errors">
        <thead>
          <tr>
            <th>Line</th>
            <th>Column</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.line}:${e.field}:${e.message}`}>
              <td className="num">{e.line}</td>
              <td>
                <code>{e.field}</code>
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Import products from a CSV file (all rows or none), and the export link. */
export function CsvImport({ handle }: { handle: string }) {
  const importCsv = useImportCsv(handle);
  const [name, setName] = useState('');
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setName(file.name);
    importCsv.mutate(await file.text());
  };
  const error = importCsv.error;
  const rows =
    error instanceof ApiError && error.code === 'csv_invalid'
      ? error.errors.map((e) => ({ line: e.line ?? 0, field: e.field, message: e.message }))
      : [];
  return (
    <div className="csv-import" data-testid="csv-import">
      <div className="workspace-toolbar">
        <label className="btn btn-secondary btn-sm">
          Import CSV…
          <input
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(e) => void onFile(e)}
            data-testid="csv-file"
          />
        </label>
        <a
          className="btn btn-ghost btn-sm"
          href={commerceApi.exportCsvUrl(handle)}
          download
          data-testid="csv-export"
        >
          Export CSV
        </a>
        {importCsv.isPending && <span className="muted small">Importing {name}…</span>}
        {importCsv.data && (
          <span className="success-text" role="status" data-testid="csv-result">
            {name}: {importCsv.data.created} created, {importCsv.data.updated} updated
          </span>
        )}
      </div>
      <p className="field-hint">
        Columns: <code>{HEADER}</code>. One row per variant; rows with the same slug form one product.
      </p>
      {rows.length > 0 ? (
        <div className="error-banner" role="alert">
          <p>
            Nothing was imported from {name}: {rows.length} problem{rows.length === 1 ? '' : 's'} to fix.
          </p>
          <CsvErrors errors={rows} />
        </div>
      ) : (
        error && <ErrorBanner error={error} />
      )}
    </div>
  );
}
