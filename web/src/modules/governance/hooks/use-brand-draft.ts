import { useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { useApprovalSettings, useSubmitDraft } from './use-approvals.ts';

/**
 * Posting as a brand through its approvals: whether the writer's role needs approval (or the server said so),
 * a chosen time to publish at, and the submission of the draft that carries both.
 */
export function useBrandDraft(
  handle: string | undefined,
  role: string | undefined,
  postError: unknown,
  kind: 'roles' | 'dealRoles' | 'careReplyRoles' = 'roles',
) {
  const settings = useApprovalSettings(handle ?? '', Boolean(handle));
  const submit = useSubmitDraft(handle ?? '');
  const [publishAt, setPublishAt] = useState('');
  const asked = postError instanceof ApiError && postError.code === 'approval_required';
  const needsApproval = Boolean(handle) && (asked || Boolean(role && settings.data?.[kind].includes(role)));
  return {
    needsApproval,
    publishAt,
    setPublishAt,
    submit,
    /** The post goes to the drafts (approval or schedule) rather than straight out. */
    viaDraft: Boolean(handle) && (needsApproval || Boolean(publishAt)),
    /** The time as the API takes it, when one was chosen. */
    publishAtIso: publishAt ? new Date(publishAt).toISOString() : undefined,
  };
}

export type BrandDraft = ReturnType<typeof useBrandDraft>;
