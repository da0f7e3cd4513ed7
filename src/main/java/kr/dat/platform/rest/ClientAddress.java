package kr.dat.platform.rest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address: the peer, or behind a reverse proxy that the operator trusts
 * ({@code TRUST_PROXY_HEADERS=true}) the first address of {@code X-Forwarded-For}. Without it,
 * every user behind nginx would share 127.0.0.1 (defect 5 of the old server).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest http, boolean trustProxyHeaders) {
        if (trustProxyHeaders) {
            String forwarded = http.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",")[0].strip();
                if (!first.isEmpty() && first.length() <= 45) {
                    return first;
                }
            }
        }
        return http.getRemoteAddr();
    }
}
