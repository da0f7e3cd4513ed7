/** Readiness checks that really touch PostgreSQL and the bucket, also served at /api/health. */
package kr.dat.platform.health;
