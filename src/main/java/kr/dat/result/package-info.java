/** Results: scoring the headset's CSV (docs/scoring.md), storing original and processed files, the record endpoints. */
package kr.dat.result;
