/** Events the listening module emits: alert channels (in-app, webhook, mail) subscribe to a new spike. */
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
};
