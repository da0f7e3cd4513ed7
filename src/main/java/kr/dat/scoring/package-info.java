/** Results: scoring the headset's CSV (SCORING.md), storing original and processed files, the record endpoints. */
package kr.dat.scoring;
