/** Events governance emits: the advocates ledger turns staff shares and the sales they led to into points. */
export type GovernanceEvents = {
  /** An employee shared a post from the brand's content library. */
  'governance.staff_shared': {
    shareId: string;
    orgId: string;
    employeeId: string;
    postId: string;
    libraryPostId: string;
  };
  /** A paid order was attributed to an employee's share. */
  'governance.staff_sale': {
    shareId: string;
    orgId: string;
    employeeId: string;
    orderId: string;
    totalMinor: number;
    currency: string;
  };
};
