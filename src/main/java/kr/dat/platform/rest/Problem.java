package kr.dat.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error body of the API: {@code {"detail": "..."}}. */
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
}
