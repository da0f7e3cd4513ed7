/** Accounts: registration, login, JWT access tokens, rotating refresh tokens, throttling. */
package kr.dat.auth;
