import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { CURRENCIES, parseDecimal, toDecimal } from '../../../shared/format/money.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { useAdvocateSegments, useBrandTiers } from '../../advocates/index.ts';
import { ImagePicker, mediaInputOf, type PickedImage } from '../../media/index.ts';
import type { Product, ProductInput } from '../api/commerce.types.ts';
import { useSaveProduct } from '../hooks/use-catalog.ts';
import { GroupOptions } from './deal-terms-fields.tsx';
import { type VariantDraft, VariantsEditor } from './variants-editor.tsx';

type Draft = {
  title: string;
  slug: string;
  description: string;
  images: string;
  gallery: PickedImage[];
  price: string;
  currency: string;
  floor: string;
  exclusive: boolean;
  /** '' (anyone), `tier:<key>` (that tier and above) or `segment:<id>`. */
  audience: string;
  variants: VariantDraft[];
};

function draftOf(product?: Product): Draft {
  if (!product) {
    return {
      title: '',
      slug: '',
      description: '',
      images: '',
      gallery: [],
      price: '',
      currency: 'EUR',
      floor: '',
      exclusive: false,
      audience: '',
      variants: [{ sku: '', name: '', stock: '0' }],
    };
  }
  return {
    title: product.title,
    slug: product.slug,
    description: product.description,
    images: product.images.join('\n'),
    gallery: product.gallery.map((g) => ({ media: g, alt: g.alt })),
    price: toDecimal(product.priceMinor, product.currency),
    currency: product.currency,
    floor: product.resellerFloorMinor == null ? '' : toDecimal(product.resellerFloorMinor, product.currency),
    exclusive: product.exclusive,
    audience: product.audience ?? '',
    variants: product.variants.map((v) => ({ id: v.id, sku: v.sku, name: v.name, stock: String(v.stock) })),
  };
}

/** The form's own checks (money in decimals, whole stock numbers) before the server's. */
function toInput(d: Draft): { input?: ProductInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!d.title.trim()) errors.title = 'is required';
  const priceMinor = parseDecimal(d.price, d.currency);
  if (!d.price.trim()) errors.price = 'is required, e.g. 129.99';
  else if (priceMinor === null) errors.price = 'must be an amount like 129.99';
  const floor = d.floor.trim() === '' ? null : parseDecimal(d.floor, d.currency);
  if (d.floor.trim() !== '' && floor === null) errors.floor = 'must be empty or an amount like 99.00';
  if (priceMinor !== null && floor !== null && floor > priceMinor) errors.floor = 'is above the list price';
  const variantProblems = [
    ...(d.variants.some((v) => !v.sku.trim()) ? ['every variant needs a SKU'] : []),
    ...(d.variants.some((v) => !/^\d+$/.test(v.stock.trim())) ? ['stock must be a whole number'] : []),
  ];
  if (variantProblems.length) errors.variants = variantProblems.join('; ');
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      title: d.title.trim(),
      ...(d.slug.trim() ? { slug: d.slug.trim() } : {}),
      description: d.description,
      images: d.images
        .split(/\s+/)
        .map((s) => s.trim())
        .filter(Boolean),
      media: mediaInputOf(d.gallery),
      priceMinor: priceMinor!,
      currency: d.currency,
      resellerFloorMinor: floor,
      exclusive: d.exclusive,
      audience: d.audience || null,
      variants: d.variants.map((v) => ({
        sku: v.sku.trim(),
        ...(v.name.trim() ? { name: v.name.trim() } : {}),
        stock: Number(v.stock),
      })),
    },
  };
}

const SERVER_FIELDS = [
  'title',
  'slug',
  'description',
  'images',
  'media',
  'priceMinor',
  'currency',
  'resellerFloorMinor',
  'audience',
  'variants',
];

/** Create or edit a product: prices typed as decimals and sent as integer minor units. */
export function ProductForm({
  handle,
  product,
  onDone,
}: {
  handle: string;
  product?: Product;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(product));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useSaveProduct(handle);
  const tiers = useBrandTiers(handle);
  const segments = useAdvocateSegments(handle);
  const form = useRef<HTMLFormElement>(null);
  // After a refused save (the form's own checks or the server's), bring the first flagged field into view and
  // focus it, so the error is never left off screen.
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each attempt and each server answer
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    if (first.matches('input, select, textarea')) first.focus({ preventScroll: true });
  }, [attempt, save.error]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const server = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = toInput(draft);
    setLocal(errors);
    setAttempt((n) => n + 1);
    if (input) save.mutate({ id: product?.id, input }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="product-form" noValidate ref={form}>
      <div className="form-grid">
        <div className="span-2">
          <Field label="Title" error={local.title ?? server('title')}>
            {(p) => (
              <input
                {...p}
                value={draft.title}
                onChange={(e) => set({ title: e.target.value })}
                data-testid="product-form-title"
              />
            )}
          </Field>
        </div>
        <Field label="Price" error={local.price ?? server('priceMinor')}>
          {(p) => (
            <input
              {...p}
              value={draft.price}
              inputMode="decimal"
              placeholder="129.99"
              onChange={(e) => set({ price: e.target.value })}
              data-testid="product-form-price"
            />
          )}
        </Field>
        <Field label="Currency" error={server('currency')}>
          {(p) => (
            <select
              {...p}
              value={draft.currency}
              onChange={(e) => set({ currency: e.target.value })}
              data-testid="product-form-currency"
            >
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Reseller price floor"
          error={local.floor ?? server('resellerFloorMinor')}
          hint="The lowest price you promised resellers to advertise; deals may not go under it."
        >
          {(p) => (
            <input
              {...p}
              value={draft.floor}
              inputMode="decimal"
              placeholder="none"
              onChange={(e) => set({ floor: e.target.value })}
              data-testid="product-form-floor"
            />
          )}
        </Field>
        <Field label="Slug" error={server('slug')} hint="In links; made from the title when empty.">
          {(p) => (
            <input
              {...p}
              value={draft.slug}
              onChange={(e) => set({ slug: e.target.value })}
              data-testid="product-form-slug"
            />
          )}
        </Field>
        <label className="checkbox-row span-2">
          <input
            type="checkbox"
            checked={draft.exclusive}
            onChange={(e) => set({ exclusive: e.target.checked })}
            data-testid="product-form-exclusive"
          />
          Own-store exclusive (resellers do not sell it: personalisation, extended warranty, bundles)
        </label>
        <div className="span-2">
          <Field
            label="Who may buy it"
            error={server('audience')}
            hint="Insiders only: a tier of your advocates and those above it (a perk they earn), or a saved segment."
          >
            {(p) => (
              <select
                {...p}
                value={draft.audience}
                onChange={(e) => set({ audience: e.target.value })}
                data-testid="product-form-audience"
              >
                <option value="">Anyone</option>
                <GroupOptions segments={segments.data?.items ?? []} tiers={tiers.data?.tiers ?? []} />
              </select>
            )}
          </Field>
        </div>
        <div className="span-2">
          <Field label="Description" error={server('description')}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={draft.description}
                onChange={(e) => set({ description: e.target.value })}
                data-testid="product-form-description"
              />
            )}
          </Field>
        </div>
        <div className="span-2" data-testid="product-form-gallery">
          <p className="small">Pictures</p>
          <ImagePicker
            items={draft.gallery}
            onChange={(gallery) => set({ gallery })}
            max={12}
            as={handle}
            label="Upload pictures"
          />
          {server('media') && <p className="field-error">{server('media')}</p>}
        </div>
        <div className="span-2">
          <Field label="Image links" error={server('images')} hint="One https:// link per line.">
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={draft.images}
                onChange={(e) => set({ images: e.target.value })}
                data-testid="product-form-images"
              />
            )}
          </Field>
        </div>
        <VariantsEditor
          variants={draft.variants}
          onChange={(variants) => set({ variants })}
          error={save.error}
          flagEmpty={Boolean(local.variants)}
        />
        {local.variants && (
          <p className="field-error span-2" role="alert" data-testid="product-form-variants-error">
            Variants: {local.variants}
          </p>
        )}
      </div>
      <div data-testid="product-form-error">
        <ErrorBanner error={save.error} fields={SERVER_FIELDS} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="product-form-submit"
        >
          {product ? 'Save product' : 'Add product'}
        </button>
      </div>
    </form>
  );
}
