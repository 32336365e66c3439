/**
 * The embedded demo (on unless the production profile is on): the README's logins, the demo
 * partner and about 2,000 cases of the district, written into an empty database at the first
 * start; and the production guard, which refuses to start production while any of the demo's
 * published passwords or secrets is still in use. A feature of its own above the others: it
 * writes what several features own (staff, cases, referrals, follow-ups), and no feature depends
 * on it.
 */
package org.trilink.demo;
