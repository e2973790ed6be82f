import { ApiError } from '../../../shared/api/api-error.ts';

const LABELS: Record<string, string> = { sku: 'SKU', name: 'Name', stock: 'Stock' };

export type VariantDraft = { id?: string; sku: string; name: string; stock: string };

/** The options of a product (colour, size…), each with its own SKU and stock. */
export function VariantsEditor({
  variants,
  onChange,
  error,
  flagEmpty = false,
}: {
  variants: VariantDraft[];
  onChange: (variants: VariantDraft[]) => void;
  error: unknown;
  /** Mark empty SKUs as invalid (after a refused save). */
  flagEmpty?: boolean;
}) {
  const set = (index: number, patch: Partial<VariantDraft>) =>
    onChange(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  const fieldError = (index: number, key: string) =>
    error instanceof ApiError ? error.fieldMessage(`variants[${index}].${key}`) : undefined;
  return (
    <fieldset className="variants-editor span-2">
      <legend>Variants</legend>
      <p className="field-hint">
        One row per option with its own SKU and stock; a simple product has one row.
      </p>
      {variants.map((v, index) => {
        const problems = ['sku', 'name', 'stock'].flatMap((k) => {
          const m = fieldError(index, k);
          return m ? [`${LABELS[k]} ${m}`] : [];
        });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved, and only grow or shrink at the end
          <div key={index} className="variant-row">
            <input
              value={v.sku}
              onChange={(e) => set(index, { sku: e.target.value })}
              placeholder="SKU"
              aria-label={`SKU of variant ${index + 1}`}
              aria-invalid={Boolean(fieldError(index, 'sku')) || (flagEmpty && !v.sku.trim())}
              data-testid={`product-form-variant-sku-${index}`}
            />
            <input
              value={v.name}
              onChange={(e) => set(index, { name: e.target.value })}
              placeholder="Name (e.g. Green, M)"
              aria-label={`Name of variant ${index + 1}`}
              data-testid={`product-form-variant-name-${index}`}
            />
            <input
              value={v.stock}
              onChange={(e) => set(index, { stock: e.target.value })}
              inputMode="numeric"
              placeholder="Stock"
              aria-label={`Stock of variant ${index + 1}`}
              aria-invalid={
                Boolean(fieldError(index, 'stock')) || (flagEmpty && !/^\d+$/.test(v.stock.trim()))
              }
              data-testid={`product-form-variant-stock-${index}`}
            />
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              disabled={variants.length === 1}
              onClick={() => onChange(variants.filter((_, i) => i !== index))}
              aria-label={`Remove variant ${index + 1}`}
            >
              Remove
            </button>
            {problems.length > 0 && <p className="field-error span-2">{problems.join('; ')}</p>}
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-secondary btn-xs"
        data-testid="product-form-add-variant"
        onClick={() => onChange([...variants, { sku: '', name: '', stock: '0' }])}
      >
        Add variant
      </button>
    </fieldset>
  );
}
