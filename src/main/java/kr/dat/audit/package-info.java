/**
 * The audit trail: append-only access records of the personal-information system (who accessed
 * whose data, when, from where), kept for {@code AUDIT_RETENTION_DAYS} and read by ADMIN users.
 * Depends only on the platform; every feature records its own events here.
 */
package kr.dat.audit;
