package kr.dat.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * What a request's headers may weigh. The API uses no cookies and short headers; a request beyond
 * these limits is answered 431 with a JSON {@code detail} (Undertow's own limit, 1 MiB of headers,
 * stays behind these as the last line: beyond it Undertow closes with a bare 400).
 */
public final class HeaderLimits {

    public static final String TOO_LARGE = "요청 헤더가 너무 큽니다.";
    static final int MAX_TOTAL_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_COOKIES = 100;

    private HeaderLimits() {
    }

    /** Reads the raw header values only (never the parsed cookies, whose parsing is what may fail). */
    public static boolean exceeded(HttpServletRequest request) {
        long total = 0;
        int cookies = 0;
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                String value = values.nextElement();
                if (value.length() > MAX_HEADER_BYTES) {
                    return true;
                }
                total += name.length() + value.length() + 4;
                if (name.equalsIgnoreCase("Cookie")) {
                    cookies += cookieCount(value);
                }
            }
        }
        return total > MAX_TOTAL_BYTES || cookies > MAX_COOKIES;
    }

    static int cookieCount(String cookieHeader) {
        int n = cookieHeader.isBlank() ? 0 : 1;
        for (int i = 0; i < cookieHeader.length(); i++) {
            if (cookieHeader.charAt(i) == ';') {
                n++;
            }
        }
        return n;
    }
}
