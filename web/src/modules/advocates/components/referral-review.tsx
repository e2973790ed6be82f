import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type BrandReferral, referralsApi } from '../api/advocates.api.ts';

/** Approve or reject a flagged referral, with the reason the referrer will see. */
export function ReferralReview({ handle, referral }: { handle: string; referral: BrandReferral }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const review = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      referralsApi.review(handle, referral.id, decision, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals', handle] }),
  });
  const ready = reason.trim().length >= 3 && !review.isPending;
  return (
    <div className="referral-review">
      <input
        aria-label="Reason"
        placeholder="Reason (the referrer sees it)"
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-sm btn-primary"
        disabled={!ready}
        onClick={() => review.mutate('approve')}
      >
        Approve
      </button>
      <button
        type="button"
        className="btn btn-sm btn-danger-outline"
        disabled={!ready}
        onClick={() => review.mutate('reject')}
      >
        Reject
      </button>
      {review.error && <ErrorBanner error={review.error} fields={['reason']} />}
    </div>
  );
}
