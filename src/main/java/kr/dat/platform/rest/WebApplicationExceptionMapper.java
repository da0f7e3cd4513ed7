package kr.dat.platform.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors raised by the JAX-RS runtime itself (unknown route, wrong method, ...) in the contract's shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return Problem.response(404, "Not Found");
        }
        if (e instanceof NotAllowedException) {
            Response r = Problem.response(405, "Method Not Allowed");
            Object allow = e.getResponse().getHeaders().getFirst("Allow");
            return allow == null ? r : Response.fromResponse(r).header("Allow", allow).build();
        }
        if (e instanceof jakarta.ws.rs.BadRequestException) {
            // RESTEasy reports an unreadable request entity this way
            return ValidationError.response(java.util.List.of(ValidationError.jsonInvalid()));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase());
    }
}
