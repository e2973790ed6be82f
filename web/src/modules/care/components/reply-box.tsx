import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { LockIcon } from '../../../shared/ui/icons.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import {
  CertificationNotice,
  isPolicyError,
  PolicyField,
  PolicyFindings,
  useBrandDraft,
  useCertificationBlocks,
  usePolicyGuard,
  useSubmitCareReplyDraft,
} from '../../governance/index.ts';
import { useMe } from '../../identity/index.ts';
import { REPLY_LIMITS, type ReplyMode } from '../api/care.types.ts';
import { useInboxSettings } from '../hooks/use-care-extras.ts';
import { useReply } from '../hooks/use-inbox.ts';
import { CannedPicker, insertSnippet } from './canned-picker.tsx';

/** Characters as the server counts them: code points, so an emoji counts once. */
const length = (text: string) => [...text].length;

/**
 * Answer as the brand, in public in the thread or privately by direct message, against the mode's limit (the
 * brand's own for public replies). `privateBlocked` says why a private message cannot go out yet (no consent):
 * the mode stays selectable so the agent reads why, but sending waits.
 */
export function ReplyBox({
  handle,
  conversationId,
  privateBlocked,
}: {
  handle: string;
  conversationId: string;
  privateBlocked: string | null;
}) {
  const [mode, setMode] = useState<ReplyMode>('public');
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const reply = useReply(handle, conversationId);
  const settings = useInboxSettings(handle).data;
  const limit =
    mode === 'public'
      ? (settings?.publicReplyLimit ?? REPLY_LIMITS.public)
      : (settings?.privateReplyLimit ?? REPLY_LIMITS.private);
  const used = length(text);
  const over = used > limit;
  const blocked = mode === 'private' ? privateBlocked : null;
  // A public reply speaks for the brand in the open: the policy checks it; a direct message it does not.
  const policy = usePolicyGuard(
    text,
    mode === 'public' ? [{ handle, channel: 'care_reply' }] : [],
    reply.error,
  );
  // A public reply by a role the brand's approvals name waits in its queue; one needs a certificate when required.
  const role = useMe().data?.memberships.find((m) => m.org.handle === handle)?.role;
  const approval = useBrandDraft(handle, role, reply.error, 'careReplyRoles');
  const viaApproval = mode === 'public' && approval.needsApproval;
  const submitDraft = useSubmitCareReplyDraft(handle);
  const uncertified = useCertificationBlocks(mode === 'public' ? handle : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || over || blocked || !policy.canSubmit || uncertified) return;
    if (viaApproval) {
      submitDraft.mutate(
        {
          conversationId,
          text: text.trim(),
          ...(policy.override ? { policyOverride: policy.override } : {}),
        },
        { onSuccess: () => setText('') },
      );
      return;
    }
    reply.mutate(
      { text: text.trim(), mode, ...(policy.override ? { policyOverride: policy.override } : {}) },
      {
        onSuccess: () => {
          setText('');
          policy.setReason('');
        },
      },
    );
  };
  // A canned reply replaces the selection (or goes in at the caret), then the agent edits on from its end.
  const insert = (snippet: string) => {
    const el = field.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const { next, caret } = insertSnippet(text, start, end, snippet);
    setText(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };
  const fieldError = reply.error instanceof ApiError ? reply.error.fieldMessage('text') : undefined;
  return (
    <form className="care-reply" onSubmit={submit} aria-label="Reply">
      <div className="care-reply-head">
        <fieldset className="segmented" aria-label="Reply mode">
          {(['public', 'private'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={mode === option ? 'segment active' : 'segment'}
              aria-pressed={mode === option}
              onClick={() => setMode(option)}
              data-testid={`reply-mode-${option}`}
              data-available={option === 'private' && privateBlocked ? 'false' : 'true'}
              title={option === 'private' && privateBlocked ? privateBlocked : undefined}
            >
              {option === 'public' ? 'Public reply' : 'Private message'}
              {option === 'private' && privateBlocked && <LockIcon size={13} className="segment-lock" />}
            </button>
          ))}
        </fieldset>
        <span
          className={over ? 'care-counter over' : used > limit * 0.9 ? 'care-counter near' : 'care-counter'}
          data-testid="reply-counter"
          aria-live="polite"
        >
          {used}/{limit}
        </span>
      </div>
      {blocked && (
        <p className="care-reply-blocked" role="note" data-testid="private-blocked">
          {blocked}
        </p>
      )}
      <PolicyField textareaRef={field} text={text} findings={policy.findings}>
        <textarea
          ref={field}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          placeholder={mode === 'public' ? 'Reply in the customer’s thread…' : 'Write a direct message…'}
          aria-label="Reply text"
          aria-invalid={over || fieldError ? true : undefined}
          data-testid="reply-text"
        />
      </PolicyField>
      {over && (
        <p className="field-error">
          {mode === 'public' ? 'Public replies' : 'Private messages'} are at most {limit} characters.
        </p>
      )}
      <PolicyFindings guard={policy} text={text} onChange={setText} textarea={field.current} />
      {reply.error && !isPolicyError(reply.error) && !viaApproval && (
        <ErrorBanner error={reply.error} fields={['text']} />
      )}
      <ErrorBanner error={submitDraft.error} fields={['text']} />
      {submitDraft.isSuccess && !text && (
        <p className="small muted" role="status" data-testid="reply-sent-for-approval">
          Sent for approval: it goes out once an approver passes it.
        </p>
      )}
      {mode === 'public' && <CertificationNotice handle={handle} />}
      <div className="care-reply-tools">
        <CannedPicker handle={handle} conversationId={conversationId} mode={mode} onInsert={insert} />
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={
            !text.trim() ||
            over ||
            reply.isPending ||
            submitDraft.isPending ||
            Boolean(blocked) ||
            !policy.canSubmit ||
            uncertified
          }
          data-testid="reply-submit"
        >
          {reply.isPending || submitDraft.isPending
            ? 'Sending…'
            : viaApproval
              ? 'Submit for approval'
              : mode === 'public'
                ? 'Reply publicly'
                : 'Send privately'}
        </button>
      </div>
    </form>
  );
}
