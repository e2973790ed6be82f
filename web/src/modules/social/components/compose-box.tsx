import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import {
  CertificationNotice,
  isPolicyError,
  type LintTarget,
  PolicyField,
  PolicyFindings,
  PublishAtField,
  useBrandDraft,
  useCertificationBlocks,
  usePolicyGuard,
} from '../../governance/index.ts';
import type { Me } from '../../identity/index.ts';
import { postingIdentities } from '../../identity/index.ts';
import { ImagePicker, mediaInputOf, type PickedImage } from '../../media/index.ts';
import type { OriginalPost, Post, Visibility } from '../api/social.types.ts';
import { useMentionAutocomplete } from '../hooks/use-mention-autocomplete.ts';
import { useCreatePost } from '../hooks/use-post-actions.ts';
import {
  CharCounter,
  countChars,
  counterState,
  PostAsSelect,
  VisibilitySelect,
} from './compose-controls.tsx';
import { MentionListbox, mentionOptionId } from './mention-listbox.tsx';
import { QuotedCard, quotedOf } from './quoted-card.tsx';

type ComposeBoxProps = {
  me: Me;
  /** Set when this box answers a post. */
  replyTo?: Post;
  /** Set when this box quotes a post: its card shows under the text. */
  quote?: OriginalPost;
  autoFocus?: boolean;
  onPosted?: () => void;
};

/**
 * Write a post, a reply or a quote, as yourself or as an organization you post for, with a chosen audience. Text or
 * at least one image is needed (an image-only post is fine).
 */
export function ComposeBox({ me, replyTo, quote, autoFocus, onPosted }: ComposeBoxProps) {
  const identities = postingIdentities(me);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(replyTo?.visibility ?? 'public');
  const [asHandle, setAsHandle] = useState(me.account.handle);
  const [posted, setPosted] = useState<string | null>(null);
  const [images, setImages] = useState<PickedImage[]>([]);
  const create = useCreatePost();
  const ids = useId();
  const mentions = useMentionAutocomplete(text, setText);
  const listId = `${ids}-mentions`;
  // As the brand: its policy for brand posts; as oneself: each brand one works for, when the post names it.
  const targets: LintTarget[] =
    asHandle === me.account.handle
      ? me.memberships.map((m) => ({ handle: m.org.handle, channel: 'employee_post' }))
      : [{ handle: asHandle, channel: 'brand_post' }];
  const asBrand = asHandle !== me.account.handle && !replyTo;
  const draft = useBrandDraft(
    asBrand ? asHandle : undefined,
    me.memberships.find((m) => m.org.handle === asHandle)?.role,
    create.error,
  );
  const sendError = draft.viaDraft ? draft.submit.error : create.error;
  const policy = usePolicyGuard(text, targets, sendError);

  const count = countChars(text);
  const state = counterState(count);
  const pending = create.isPending || draft.submit.isPending;
  // Drafts for approval carry text only; a post of images alone goes out directly.
  const hasContent = text.trim().length > 0 || (images.length > 0 && !draft.viaDraft);
  const uncertified = useCertificationBlocks(asHandle !== me.account.handle ? asHandle : undefined);
  const canSubmit = hasContent && state !== 'over' && !pending && policy.canSubmit && !uncertified;
  const author = identities.find((a) => a.handle === asHandle) ?? me.account;
  const textError = sendError instanceof ApiError ? sendError.fieldMessage('text') : undefined;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSubmit) return;
    if (draft.viaDraft) {
      draft.submit.mutate(
        {
          text,
          ...(draft.publishAtIso ? { publishAt: draft.publishAtIso } : {}),
          ...(policy.override ? { policyOverride: policy.override } : {}),
        },
        {
          onSuccess: (sent) => {
            setText('');
            draft.setPublishAt('');
            policy.setReason('');
            setPosted(sent.status === 'pending' ? 'Sent for approval' : 'Scheduled');
          },
        },
      );
      return;
    }
    const as = asHandle === me.account.handle ? undefined : asHandle;
    create.mutate(
      {
        text,
        visibility,
        inReplyToId: replyTo?.id,
        quoteOfId: quote?.id,
        as,
        ...(policy.override ? { policyOverride: policy.override } : {}),
        ...(images.length ? { media: mediaInputOf(images) } : {}),
      },
      {
        onSuccess: () => {
          setText('');
          setImages([]);
          setPosted('Posted');
          policy.setReason('');
          onPosted?.();
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(event)) return;
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit();
  };

  return (
    <form
      className="compose"
      onSubmit={submit}
      aria-label={replyTo ? 'Reply' : quote ? 'Quote post' : 'New post'}
    >
      <Avatar account={author} size={44} />
      <div className="compose-main">
        <label htmlFor={`${ids}-text`} className="visually-hidden">
          {replyTo ? `Reply to @${replyTo.author.handle}` : quote ? 'Add a comment' : 'What’s happening?'}
        </label>
        <div className="compose-field">
          <PolicyField textareaRef={mentions.textareaProps.ref} text={text} findings={policy.findings}>
            <textarea
              {...mentions.textareaProps}
              id={`${ids}-text`}
              data-testid="compose-text"
              className="compose-text"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                mentions.typed(e.target.selectionStart ?? e.target.value.length);
                setPosted(null);
              }}
              role="combobox"
              aria-autocomplete="list"
              aria-haspopup="listbox"
              aria-expanded={mentions.open}
              aria-controls={mentions.open ? listId : undefined}
              aria-activedescendant={
                mentions.open ? mentionOptionId(listId, mentions.activeIndex) : undefined
              }
              onKeyDown={onKeyDown}
              placeholder={
                replyTo
                  ? `Reply to @${replyTo.author.handle}…`
                  : quote
                    ? 'Add a comment…'
                    : 'What’s happening?'
              }
              rows={replyTo ? 2 : 3}
              // biome-ignore lint/a11y/noAutofocus: focusing the reply box is what "Reply" asked for
              autoFocus={autoFocus}
              aria-invalid={Boolean(textError) || state === 'over'}
              aria-describedby={`${ids}-counter`}
            />
          </PolicyField>
          {mentions.open && (
            <MentionListbox
              id={listId}
              options={mentions.options}
              activeIndex={mentions.activeIndex}
              onHover={mentions.setActive}
              onPick={mentions.pick}
            />
          )}
        </div>
        {quote && (
          <div className="compose-quote">
            <QuotedCard quote={quotedOf(quote)} linked={false} />
          </div>
        )}
        {textError && <p className="field-error">Text {textError}</p>}
        <PolicyFindings
          guard={policy}
          text={text}
          onChange={setText}
          textarea={mentions.textareaProps.ref.current}
        />
        {sendError && !textError && !isPolicyError(sendError) && !draft.needsApproval ? (
          <ErrorBanner error={sendError} fields={['text']} />
        ) : null}
        {asHandle !== me.account.handle && <CertificationNotice handle={asHandle} />}
        {asBrand && <PublishAtField draft={draft} />}
        <ImagePicker
          items={images}
          onChange={setImages}
          max={4}
          as={asHandle === me.account.handle ? undefined : asHandle}
          label="Add images"
        />
        <div className="compose-bar">
          <div className="compose-options">
            <PostAsSelect identities={identities} value={asHandle} onChange={setAsHandle} />
            <VisibilitySelect value={visibility} onChange={setVisibility} />
          </div>
          <div className="compose-submit">
            {posted && (
              <span className="compose-posted" role="status">
                {posted}
              </span>
            )}
            <CharCounter id={`${ids}-counter`} count={count} />
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="compose-submit"
              disabled={!canSubmit}
            >
              {pending
                ? 'Sending…'
                : replyTo
                  ? 'Reply'
                  : quote
                    ? 'Quote'
                    : draft.needsApproval
                      ? 'Submit for approval'
                      : draft.viaDraft
                        ? 'Schedule'
                        : 'Post'}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}
