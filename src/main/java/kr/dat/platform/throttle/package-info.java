/** Counting failures and connections per key, for throttling guessers. */
package kr.dat.platform.throttle;
