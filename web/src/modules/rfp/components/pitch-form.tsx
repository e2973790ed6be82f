import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney, parseDecimal, toDecimal } from '../../../shared/format/money.ts';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type RfpRequest, rfpApi, rfpKeys } from '../api/rfp.api.ts';

type Line = { variantId: string; quantity: number; price: string };

/** A brand's pitch: lines from its catalog at quoted unit prices, a title, terms and a message. */
export function PitchForm({ request, brand }: { request: RfpRequest; brand: string }) {
  const queryClient = useQueryClient();
  const products = useQuery({ queryKey: ['rfp', 'products', brand], queryFn: () => rfpApi.products(brand) });
  const [title, setTitle] = useState('');
  const [terms, setTerms] = useState('');
  const [message, setMessage] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const pitch = useMutation({
    mutationFn: () =>
      rfpApi.pitch(request.id, {
        brand,
        title,
        terms,
        message,
        items: lines.map((l) => ({
          variantId: l.variantId,
          quantity: l.quantity,
          unitPriceMinor: parseDecimal(l.price, request.currency) ?? -1,
        })),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rfpKeys.all }),
  });
  if (products.isPending) return <Loading />;
  const variants = (products.data?.items ?? [])
    .filter((p) => p.currency === request.currency)
    .flatMap((p) =>
      p.variants.map((v) => ({
        id: v.id,
        label: v.name ? `${p.title} (${v.name})` : p.title,
        priceMinor: p.priceMinor,
      })),
    );
  const total = lines.reduce(
    (sum, l) => sum + (parseDecimal(l.price, request.currency) ?? 0) * l.quantity,
    0,
  );
  const add = (variantId: string) => {
    const v = variants.find((x) => x.id === variantId);
    if (!v || lines.some((l) => l.variantId === variantId)) return;
    setLines([...lines, { variantId, quantity: 1, price: toDecimal(v.priceMinor, request.currency) }]);
  };
  return (
    <form
      className="rfp-form pitch-form"
      data-testid="pitch-form"
      onSubmit={(e) => {
        e.preventDefault();
        pitch.mutate();
      }}
    >
      <h3>Pitch as @{brand}</h3>
      <label>
        Title
        <input
          name="pitch-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={3}
        />
      </label>
      <label>
        Add a product
        <select name="pitch-product" value="" onChange={(e) => add(e.target.value)}>
          <option value="">Choose from your catalog…</option>
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} — list {formatMoney(v.priceMinor, request.currency)}
            </option>
          ))}
        </select>
      </label>
      {lines.map((l, index) => (
        <div className="rfp-form-row pitch-line" key={l.variantId}>
          <span>{variants.find((v) => v.id === l.variantId)?.label}</span>
          <label>
            Qty
            <input
              type="number"
              min={1}
              max={100}
              value={l.quantity}
              onChange={(e) =>
                setLines(lines.map((x, i) => (i === index ? { ...x, quantity: Number(e.target.value) } : x)))
              }
            />
          </label>
          <label>
            Unit price
            <input
              name="pitch-price"
              inputMode="decimal"
              value={l.price}
              onChange={(e) =>
                setLines(lines.map((x, i) => (i === index ? { ...x, price: e.target.value } : x)))
              }
            />
          </label>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => setLines(lines.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <p>Total: {formatMoney(total, request.currency)}</p>
      <label>
        Terms
        <input name="pitch-terms" value={terms} onChange={(e) => setTerms(e.target.value)} maxLength={1000} />
      </label>
      <label>
        Message
        <textarea
          name="pitch-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={1000}
          rows={2}
        />
      </label>
      <ErrorBanner error={pitch.error} />
      <button
        type="submit"
        className="btn btn-primary"
        disabled={pitch.isPending || lines.length === 0}
        data-testid="pitch-submit"
      >
        Send pitch
      </button>
    </form>
  );
}
