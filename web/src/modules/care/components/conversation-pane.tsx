import { Avatar } from '../../../shared/ui/avatar.tsx';
import { EmptyState, Loading, PageError } from '../../../shared/ui/status.tsx';
import { useConversation } from '../hooks/use-inbox.ts';
import { IntentChip, PriorityChip, SentimentIndicator } from './care-chips.tsx';
import { ConversationActions } from './conversation-actions.tsx';
import { Customer360Panel } from './customer-360.tsx';
import { IdeaRequestAction } from './idea-request.tsx';
import { MergeAction, MergeActivity, MergedBanner } from './merge-action.tsx';
import { MessageList } from './message-list.tsx';
import { NoteBox } from './note-box.tsx';
import { PrivateConsentAction, privateReplyBlock } from './private-consent.tsx';
import { ReplyBox } from './reply-box.tsx';
import { SlaTimer } from './sla-timer.tsx';

/** The right pane: one conversation to work, with the customer 360 beside it. */
export function ConversationPane({
  handle,
  id,
  onOpen,
}: {
  handle: string;
  id: string | null;
  onOpen: (id: string) => void;
}) {
  const query = useConversation(handle, id);
  if (!id) {
    return (
      <section className="inbox-pane inbox-detail">
        <EmptyState title="Pick a conversation">
          <p>Its messages, the reply box and everything about the customer open here.</p>
        </EmptyState>
      </section>
    );
  }
  if (query.isPending) {
    return (
      <section className="inbox-pane inbox-detail">
        <Loading />
      </section>
    );
  }
  if (query.error && !query.data) {
    return (
      <section className="inbox-pane inbox-detail">
        <PageError error={query.error} notFoundTitle="This conversation is gone" />
      </section>
    );
  }
  const c = query.data;
  return (
    <section className="inbox-pane inbox-detail" aria-label="Conversation" data-testid="conversation-detail">
      <div className="inbox-detail-main">
        <header className="care-detail-head">
          {c.customer && <Avatar account={c.customer} size={40} />}
          <div className="care-detail-who">
            <h2 className="truncate">{c.customer?.name ?? 'Unknown customer'}</h2>
            <span className="handle">@{c.customer?.handle}</span>
          </div>
          <span className={`care-status status-${c.status}`} data-testid="conversation-status">
            {c.status}
          </span>
        </header>
        <div className="care-detail-chips">
          <IntentChip intent={c.intent} testId="conversation-intent" />
          <SentimentIndicator sentiment={c.sentiment} />
          <PriorityChip priority={c.priority} />
          <span className="inbox-queue">{c.queue?.name ?? 'No queue'}</span>
          {c.language && <span className="care-chip">{c.language}</span>}
          <SlaTimer conversation={c} />
          {c.csat !== null && (
            <span className="care-chip" data-testid="conversation-csat" title="The customer’s rating">
              Rated {c.csat}/5
            </span>
          )}
        </div>
        {c.mergedIntoId ? (
          <MergedBanner conversation={c} onOpen={onOpen} />
        ) : (
          <>
            <ConversationActions handle={handle} conversation={c} />
            <div className="care-secondary-actions">
              <PrivateConsentAction key={`private-${c.id}`} handle={handle} conversation={c} />
              <IdeaRequestAction key={`idea-${c.id}`} handle={handle} conversation={c} />
              <MergeAction key={`merge-${c.id}`} handle={handle} conversation={c} onMerged={onOpen} />
            </div>
          </>
        )}
        <MergeActivity conversation={c} onOpen={onOpen} />
        <MessageList handle={handle} conversationId={c.id} messages={c.messages} />
        {!c.mergedIntoId && (
          <>
            <ReplyBox
              key={`reply-${c.id}`}
              handle={handle}
              conversationId={c.id}
              privateBlocked={privateReplyBlock(c)}
            />
            <NoteBox key={`note-${c.id}`} handle={handle} conversationId={c.id} />
          </>
        )}
      </div>
      <Customer360Panel handle={handle} data={c.customer360} currentId={c.id} onOpen={onOpen} />
    </section>
  );
}
