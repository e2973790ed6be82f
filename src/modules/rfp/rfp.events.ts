/** Events the rfp module emits: notifications tells the consumer of pitches and every pitching brand of the award. */
export type RfpEvents = {
  'rfp.pitched': { requestId: string; pitchId: string; orgId: string; consumerId: string; title: string };
  'rfp.awarded': {
    requestId: string;
    title: string;
    consumerId: string;
    winnerOrgId: string;
    orderId: string;
    loserOrgIds: string[];
  };
};
