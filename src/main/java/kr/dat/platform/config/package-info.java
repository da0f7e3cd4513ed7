/** Configuration keys, the start-up safety check and the time helpers (UTC storage, KST display). */
package kr.dat.platform.config;
