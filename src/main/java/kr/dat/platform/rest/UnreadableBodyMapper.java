package kr.dat.platform.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request body that is not JSON, or not JSON of the expected shape: 422 {@code json_invalid}. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        return ValidationError.response(List.of(ValidationError.jsonInvalid()));
    }
}
