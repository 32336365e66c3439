/**
 * The security audit trail for the district admin and an assessor (等保三级 安全审计): the
 * entries the platform records (sign-ins, failures, locks, account and partner changes), found,
 * exported to Excel, checked for tampering, and purged after their retention. Depends on the
 * platform only.
 */
package org.trilink.audit;
