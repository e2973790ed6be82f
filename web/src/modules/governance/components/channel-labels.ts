import type { Channel } from '../api/governance.api.ts';

/** Where a brand member writes, as the policy page names it. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  brand_post: 'Post as the brand',
  deal: 'Deal',
  care_reply: 'Public care reply',
  public_note: 'Public note',
  employee_post: 'Staff’s own post',
};
