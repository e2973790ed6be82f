import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { ApiResponse } from '../../../shared/api/types.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { DealCard } from '../api/commerce.types.ts';

type Sharing = ApiResponse<'/me/purchase-sharing'>;
type FriendsBought = DealCard['viewer']['friendsBought'];

const KEY = ['purchase-sharing'];

function useSharing() {
  const queryClient = useQueryClient();
  const sharing = useQuery({ queryKey: KEY, queryFn: () => api<Sharing>('/me/purchase-sharing') });
  const decide = useMutation({
    mutationFn: (share: boolean) =>
      api<Sharing>('/me/purchase-sharing', { method: 'PUT', body: { sharePurchases: share } }),
    onSuccess: (data) => queryClient.setQueryData(KEY, data),
  });
  return { sharing, decide };
}

/** Asked once at checkout, with a clear yes or no; nothing is shared until the buyer says yes. */
export function PurchaseSharingAsk() {
  const { sharing, decide } = useSharing();
  if (!sharing.data || sharing.data.asked) return null;
  return (
    <fieldset className="purchase-sharing-ask" data-testid="purchase-sharing-ask">
      <legend>Let people who follow you see what you buy?</legend>
      <p className="muted small">
        They would see “you bought this” on deals and products. You can change this in Settings.
      </p>
      <div className="purchase-sharing-buttons">
        <button
          type="button"
          className="btn"
          onClick={() => decide.mutate(true)}
          data-testid="share-purchases-yes"
        >
          Yes, share
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => decide.mutate(false)}
          data-testid="share-purchases-no"
        >
          No, keep private
        </button>
      </div>
      {decide.error && <ErrorBanner error={decide.error} />}
    </fieldset>
  );
}

/** The Settings switch for the same choice. */
export function PurchaseSharingSetting() {
  const { sharing, decide } = useSharing();
  if (!sharing.data) return null;
  return (
    <label className="checkbox-row">
      <input
        type="checkbox"
        checked={sharing.data.sharePurchases}
        onChange={(e) => decide.mutate(e.target.checked)}
        data-testid="share-purchases-setting"
      />
      Let people who follow me see what I bought (“people you follow bought this”)
    </label>
  );
}

/** "Ana, Ben and 3 others you follow bought this": only buyers who share their purchases. */
export function FriendsBoughtLine({ friends }: { friends: FriendsBought }) {
  if (friends.count === 0) return null;
  const names = friends.people.map((p) => p.name);
  const others = friends.count - names.length;
  const who =
    others > 0
      ? `${names.join(', ')} and ${others} other${others === 1 ? '' : 's'}`
      : names.length > 1
        ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
        : names[0];
  return (
    <p className="friends-bought small" data-testid="friends-bought">
      {friends.count === 1
        ? `${who}, whom you follow, bought this`
        : `${friends.count} people you follow bought this: ${who}`}
    </p>
  );
}

/** The same line on a product page (signed-in viewers only). */
export function ProductFriendsBought({ productId }: { productId: string }) {
  const friends = useQuery({
    queryKey: ['friends-bought', productId],
    queryFn: () => api<FriendsBought>(`/products/${encodeURIComponent(productId)}/friends-bought`),
  });
  return friends.data ? <FriendsBoughtLine friends={friends.data} /> : null;
}
