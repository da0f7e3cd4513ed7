/** Database plumbing: the Flyway migrator that owns the schema. */
package kr.dat.platform.persistence;
