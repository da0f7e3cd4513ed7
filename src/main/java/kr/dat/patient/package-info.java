/** Patients registered by a doctor: codes, ownership, soft delete. */
package kr.dat.patient;
