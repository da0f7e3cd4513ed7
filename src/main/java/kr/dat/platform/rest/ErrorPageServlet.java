package kr.dat.platform.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The WAR's error page (web.xml): whatever fails outside JAX-RS — in the container before the
 * application runs, in a filter, in a servlet — is answered with the API's JSON error, never with
 * an HTML page, a class name or a stack trace. Requests whose headers were too large for the
 * container to parse (e.g. more cookies than it accepts) get 431. (A database outage is answered
 * by {@link RequestLimitsFilter} before it gets here.)
 */
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) { // asked for directly, not as an error page
            Problem.write(res, 404, reason(404));
            return;
        }
        Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i ? i : 500;
        if (HeaderLimits.exceeded(req)) {
            Problem.write(res, 431, HeaderLimits.TOO_LARGE);
            return;
        }
        if (status >= 500 && error != null) {
            Problem.write(res, status, Problem.incident(LOG, "Unexpected failure outside the API", error));
            return;
        }
        Problem.write(res, status, reason(status));
    }

    public static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
