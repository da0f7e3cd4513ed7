/** Diagnosis sessions: the state machine, start/live/cancel, expiry. State changes happen in DiagnosisService only. */
package kr.dat.diagnosis;
