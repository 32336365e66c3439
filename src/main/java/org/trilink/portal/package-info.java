/**
 * Portal pages that combine several features: the actions on a case (decisions, referrals,
 * mediation, follow-ups). They sit above the features and call their control beans; no rule
 * lives here. Pages of one feature have their backing beans in that feature's boundary.
 */
package org.trilink.portal;
