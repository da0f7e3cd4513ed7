package kr.dat.platform.rest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one error body of the API, {@code {"detail": "..."}}, written the same way by the JAX-RS
 * mappers ({@link #response}) and by the servlet filters and the error page outside JAX-RS
 * ({@link #write}); a 401 always carries {@code WWW-Authenticate: Bearer}.
 */
public record Problem(String detail) {

    public static Response response(int status, String detail) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(new Problem(detail));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** The same body for a servlet response; nothing if the response is already committed. */
    public static void write(HttpServletResponse res, int status, String detail) throws IOException {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("application/json;charset=utf-8");
        if (status == 401) {
            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        byte[] body = Jsonp.PROVIDER.createObjectBuilder().add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /**
     * Logs an unexpected failure under a new incident id and returns the detail to answer with:
     * the id only, no exception or SQL text, so that a user's report can be found in the log.
     */
    public static String incident(Logger log, String what, Throwable e) {
        String incident = UUID.randomUUID().toString();
        log.log(Level.SEVERE, what + ", incident " + incident, e);
        return "Internal Server Error (incident " + incident + ")";
    }
}
