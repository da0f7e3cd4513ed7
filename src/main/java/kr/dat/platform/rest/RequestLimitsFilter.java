package kr.dat.platform.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * First filter of every request (web.xml): oversized headers get 431 before anything reads them,
 * and a database outage met anywhere below it outside JAX-RS (which answers its own), e.g. in a
 * headset's handshake looking up its patient, is a 503 with Retry-After as in the API — not a 500
 * the container logs with a stack trace.
 */
public class RequestLimitsFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(RequestLimitsFilter.class.getName());

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        if (HeaderLimits.exceeded(http)) {
            LOG.warning(() -> "Request with oversized headers from " + http.getRemoteAddr() + " refused (431)");
            Problem.write((HttpServletResponse) res, 431, HeaderLimits.TOO_LARGE);
            return;
        }
        try {
            chain.doFilter(req, res);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            DatabaseUnavailable.answer((HttpServletResponse) res, LOG, e);
        }
    }
}
