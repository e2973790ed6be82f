import type { Migration } from 'kysely';
import * as outbox from './2026-11-22T1000_platform_create-outbox.ts';
import * as accounts from './2026-11-22T1010_identity_create-accounts.ts';
import * as posts from './2026-11-22T1020_social_create-posts.ts';
import * as notifications from './2026-11-22T1030_notifications_create-notifications.ts';
import * as commerce from './2026-11-22T1100_commerce_create-catalog-deals-orders.ts';
import * as placeOrder from './2026-11-22T1110_commerce_place-order-function.ts';
import * as care from './2026-11-22T1200_care_create-inbox.ts';
import * as careSla from './2026-11-22T1210_care_sla-policies.ts';
import * as careExtras from './2026-11-22T1220_care_merge-mentions-identities.ts';
import * as careIntentModels from './2026-11-22T1230_care_brand-intent-models.ts';
import * as placeOrdersBatch from './2026-11-22T1300_commerce_place-orders-batch.ts';
import * as pendingDeliveries from './2026-11-30T0900_platform_pending-deliveries-index.ts';
import * as loginAttempts from './2026-12-05T1100_identity_login-attempt-counters.ts';
import * as postVisibleFrom from './2026-12-05T1110_social_post-visible-from.ts';
import * as dealAnnounceEarly from './2026-12-05T1120_commerce_deal-announce-early.ts';
import * as dealClicks from './2026-12-06T0110_commerce_deal-clicks.ts';
import * as orderNotifications from './2026-12-06T0111_notifications_order-updates.ts';
import * as productSearch from './2026-12-06T0112_commerce_product-search.ts';
import * as careTriageFollows from './2026-12-06T0200_care_triage-follows-messages.ts';
import * as mailMessages from './2026-12-06T1000_mail_create-messages.ts';
import * as accountSecurity from './2026-12-06T1001_identity_account-security.ts';
import * as twoFactor from './2026-12-06T1002_identity_two-factor.ts';
import * as mediaCreate from './2026-12-06T1100_media_create-media.ts';
import * as dealEdits from './2026-12-06T1200_commerce_deal-edits.ts';
import * as shipments from './2026-12-06T1201_commerce_shipments.ts';
import * as careNeedsReview from './2026-12-06T1300_care_needs-review.ts';
import * as listeningMentions from './2026-12-06T1400_listening_mentions-topics.ts';
import * as advocatesInfluence from './2026-12-06T1500_advocates_create-influence.ts';
import * as ideasPortal from './2026-12-06T1600_ideas_create-portal.ts';
import * as ideaShippedNotifications from './2026-12-06T1601_notifications_idea-shipped.ts';
import * as careIdeaConsent from './2026-12-06T1602_care_idea-consent.ts';
import * as governancePolicy from './2026-12-06T1700_governance_policy.ts';
import * as identityHandlePrefix from './2026-12-06T1800_identity_handle-prefix.ts';
import * as listeningSpikes from './2026-12-06T1900_listening_spikes.ts';
import * as notificationKinds from './2026-12-07T0001_notifications_kinds-table.ts';
import * as notificationsPreferences from './2026-12-07T0100_notifications_preferences.ts';
import * as commerceShopBasics from './2026-12-07T0200_commerce_shop-basics.ts';
import * as notificationsOrderReturn from './2026-12-07T0201_notifications_order-return.ts';
import * as socialQuotePosts from './2026-12-07T0300_social_quote-posts.ts';
import * as rfpCreate from './2026-12-07T0500_rfp_create-requests.ts';
import * as rfpNotifications from './2026-12-07T0501_notifications_rfp.ts';
import * as advocatesReferralsLedger from './2026-12-07T0600_advocates_referrals-ledger.ts';
import * as governanceApprovals from './2026-12-07T0700_governance_approvals.ts';
import * as listeningBriefings from './2026-12-08T0100_listening_briefings.ts';
import * as careServiceRanking from './2026-12-08T0101_care_service-ranking.ts';
import * as listeningAlertsScale from './2026-12-08T0200_listening_alerts-scale.ts';
import * as ideasSimilarWords from './2026-12-08T0300_ideas_similar-words.ts';
import * as ideasChallengesReports from './2026-12-08T0301_ideas_challenges-reports.ts';
import * as rfpDmQuotesSales from './2026-12-08T0400_rfp_dm-quotes-sales.ts';
import * as governanceApprovalKinds from './2026-12-08T0500_governance_approval-kinds.ts';
import * as governanceCertification from './2026-12-08T0510_governance_certification.ts';
import * as advocatesTiers from './2026-12-08T0600_advocates_tiers.ts';
import * as commerceEarlyAccess from './2026-12-08T0601_commerce_early-access.ts';
import * as commerceSharePurchases from './2026-12-08T0602_commerce_share-purchases.ts';
import * as commerceProductAudience from './2026-12-09T0100_commerce_product-audience.ts';
import * as ideasChallengeTier from './2026-12-09T0101_ideas_challenge-tier.ts';
import * as careConversions from './2026-12-09T0200_care_conversions.ts';
import * as socialPostsPostedBy from './2026-12-09T0201_social_posts-posted-by.ts';
import * as rfpFromCare from './2026-12-09T0202_rfp_from-care.ts';
import * as ideasModerationDecisions from './2026-12-09T0300_ideas_moderation-decisions.ts';
import * as ideasTitleWordsColumn from './2026-12-09T0301_ideas_title-words-column.ts';
import * as governanceEmployeeAdvocacy from './2026-12-09T0400_governance_employee-advocacy.ts';
import * as socialReshareParentIndex from './2026-12-09T0401_social_reshare-parent-index.ts';
import * as listeningMembership from './2026-12-09T0500_listening_membership.ts';
import * as listeningMastodonSources from './2026-12-09T0600_listening_mastodon-sources.ts';
import * as listeningTagsLean from './2026-12-10T0100_listening_tags-lean.ts';

/** Every migration, by its frozen name. Add new ones at the end; never edit a merged one. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1000_platform_create-outbox': outbox,
  '2026-11-22T1010_identity_create-accounts': accounts,
  '2026-11-22T1020_social_create-posts': posts,
  '2026-11-22T1030_notifications_create-notifications': notifications,
  '2026-11-22T1100_commerce_create-catalog-deals-orders': commerce,
  '2026-11-22T1110_commerce_place-order-function': placeOrder,
  '2026-11-22T1200_care_create-inbox': care,
  '2026-11-22T1210_care_sla-policies': careSla,
  '2026-11-22T1220_care_merge-mentions-identities': careExtras,
  '2026-11-22T1230_care_brand-intent-models': careIntentModels,
  '2026-11-22T1300_commerce_place-orders-batch': placeOrdersBatch,
  '2026-11-30T0900_platform_pending-deliveries-index': pendingDeliveries,
  '2026-12-05T1100_identity_login-attempt-counters': loginAttempts,
  '2026-12-05T1110_social_post-visible-from': postVisibleFrom,
  '2026-12-05T1120_commerce_deal-announce-early': dealAnnounceEarly,
  '2026-12-06T0110_commerce_deal-clicks': dealClicks,
  '2026-12-06T0111_notifications_order-updates': orderNotifications,
  '2026-12-06T0112_commerce_product-search': productSearch,
  '2026-12-06T0200_care_triage-follows-messages': careTriageFollows,
  '2026-12-06T1000_mail_create-messages': mailMessages,
  '2026-12-06T1001_identity_account-security': accountSecurity,
  '2026-12-06T1100_media_create-media': mediaCreate,
  '2026-12-06T1200_commerce_deal-edits': dealEdits,
  '2026-12-06T1600_ideas_create-portal': ideasPortal,
  '2026-12-06T1601_notifications_idea-shipped': ideaShippedNotifications,
  '2026-12-06T1002_identity_two-factor': twoFactor,
  '2026-12-06T1201_commerce_shipments': shipments,
  '2026-12-06T1300_care_needs-review': careNeedsReview,
  '2026-12-06T1400_listening_mentions-topics': listeningMentions,
  '2026-12-06T1500_advocates_create-influence': advocatesInfluence,
  '2026-12-06T1602_care_idea-consent': careIdeaConsent,
  '2026-12-06T1700_governance_policy': governancePolicy,
  '2026-12-06T1800_identity_handle-prefix': identityHandlePrefix,
  '2026-12-06T1900_listening_spikes': listeningSpikes,
  '2026-12-07T0001_notifications_kinds-table': notificationKinds,
  '2026-12-07T0600_advocates_referrals-ledger': advocatesReferralsLedger,
  '2026-12-07T0100_notifications_preferences': notificationsPreferences,
  '2026-12-07T0300_social_quote-posts': socialQuotePosts,
  '2026-12-07T0700_governance_approvals': governanceApprovals,
  '2026-12-07T0500_rfp_create-requests': rfpCreate,
  '2026-12-07T0501_notifications_rfp': rfpNotifications,
  '2026-12-07T0200_commerce_shop-basics': commerceShopBasics,
  '2026-12-07T0201_notifications_order-return': notificationsOrderReturn,
  '2026-12-08T0100_listening_briefings': listeningBriefings,
  '2026-12-08T0101_care_service-ranking': careServiceRanking,
  '2026-12-08T0200_listening_alerts-scale': listeningAlertsScale,
  '2026-12-08T0300_ideas_similar-words': ideasSimilarWords,
  '2026-12-08T0301_ideas_challenges-reports': ideasChallengesReports,
  '2026-12-08T0400_rfp_dm-quotes-sales': rfpDmQuotesSales,
  '2026-12-08T0500_governance_approval-kinds': governanceApprovalKinds,
  '2026-12-08T0510_governance_certification': governanceCertification,
  '2026-12-08T0600_advocates_tiers': advocatesTiers,
  '2026-12-08T0601_commerce_early-access': commerceEarlyAccess,
  '2026-12-08T0602_commerce_share-purchases': commerceSharePurchases,
  '2026-12-09T0100_commerce_product-audience': commerceProductAudience,
  '2026-12-09T0101_ideas_challenge-tier': ideasChallengeTier,
  '2026-12-09T0200_care_conversions': careConversions,
  '2026-12-09T0201_social_posts-posted-by': socialPostsPostedBy,
  '2026-12-09T0202_rfp_from-care': rfpFromCare,
  '2026-12-09T0300_ideas_moderation-decisions': ideasModerationDecisions,
  '2026-12-09T0301_ideas_title-words-column': ideasTitleWordsColumn,
  '2026-12-09T0400_governance_employee-advocacy': governanceEmployeeAdvocacy,
  '2026-12-09T0401_social_reshare-parent-index': socialReshareParentIndex,
  '2026-12-09T0500_listening_membership': listeningMembership,
  '2026-12-09T0600_listening_mastodon-sources': listeningMastodonSources,
  '2026-12-10T0100_listening_tags-lean': listeningTagsLean,
};
