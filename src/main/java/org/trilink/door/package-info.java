/**
 * The parties' own door (issue 24): public, phone-first pages under {@code /public/} and the public
 * API under {@code /api/v1/public/}, outside the staff login. A party agrees to the privacy notice,
 * proves a phone by a one-time SMS code ({@code control/PublicCodes}) and then holds a pass
 * ({@code control/PartyPasses}) that opens what that phone may do: apply online (the case goes
 * through the staff intake's own rules, channel ONLINE), follow a case, see and ask to correct
 * their personal data, and sign the mediation agreement with a fresh code ({@code control/PartySignatures}).
 * Staff see correction requests on the case and print each office's QR poster. docs/public-door.md
 * tells how the stages after following (sign, rate) build on the pass.
 */
package org.trilink.door;
