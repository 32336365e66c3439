/**
 * Wiring shared by every feature: the JAX-RS application, schema migration at start-up,
 * RFC 9457 problem answers, authentication, validation constraints and the demo data.
 * Features depend on this package; it depends on no feature except to read staff for login.
 */
package org.trilink.platform;
