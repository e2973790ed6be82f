/**
 * Events the listening module emits: alert channels (in-app, webhook, mail) subscribe to a new spike; the backfill
 * of a topic's membership runs one chunk per event (its own subscriber), so a restart resumes where it stopped.
 */
export type ListeningEvents = {
  /** A topic's volume rose far above its seasonal baseline; `why` names its most over-represented terms. */
  'listening.spike_detected': {
    spikeId: string;
    orgId: string;
    topicId: string;
    topicName: string;
    startedAt: string;
    observed: number;
    expected: number;
    why: string[];
  };
  /** Apply the topic's query to the next chunk of stored mentions (run `runId`; a newer run makes it a no-op). */
  'listening.backfill_chunk': { orgId: string; topicId: string; runId: string };
  /** Remove the next chunk of a deleted topic's membership rows. */
  'listening.membership_forget': { orgId: string; topicId: string };
};
