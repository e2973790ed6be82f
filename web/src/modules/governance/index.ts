// The governance module's door: the only file the app and other modules import. It brings the module's styles.
import './governance.css';

/** The notice a composer shows before a writer without the brand's certificate types, and the flag behind it. */
export { CertificationNotice, useCertificationBlocks } from './components/certification-notice.tsx';
export { governanceWorkspaceTools } from './components/governance-nav.tsx';
/** A textarea with the findings highlighted in place, and the findings as a list with fixes and a reason. */
export { PolicyField } from './components/policy-field.tsx';
export { PolicyFindings } from './components/policy-findings.tsx';
export { PublishAtField } from './components/publish-at-field.tsx';
/** The brand's policy page (rules, try it, audit log) and its workspace entry. */
/** The approvals queue and its settings. */
export { governanceBrandRoutes, governancePublicRoutes } from './governance.routes.tsx';
/** Deals and public care replies through the brand's approvals. */
export { useSubmitCareReplyDraft, useSubmitDealDraft } from './hooks/use-approvals.ts';
/** Posting as a brand through its approvals and schedule: the state and the "Publish at" field. */
export { type BrandDraft, useBrandDraft } from './hooks/use-brand-draft.ts';
/** The policy check of a composer: lint as the writer types, the server's refusal shown the same way. */
export {
  isPolicyError,
  type LintTarget,
  type PolicyGuard,
  usePolicyGuard,
} from './hooks/use-policy-guard.ts';
