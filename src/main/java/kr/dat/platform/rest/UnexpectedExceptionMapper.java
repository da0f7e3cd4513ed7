package kr.dat.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Anything unexpected: logged with an incident id, answered with a plain 500 that carries no
 * exception or SQL text, only the incident id. A database that does not answer (stalled,
 * restarting, pool exhausted) is a 503 with Retry-After — never a 401 or a 500. A
 * {@link DomainException} wrapped by a container is unwrapped first.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException de) {
                return Problem.response(de.status(), de.detail());
            }
        }
        if (DatabaseUnavailable.isCause(e)) {
            return Response.fromResponse(Problem.response(503, DatabaseUnavailable.incident(LOG, e)))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        return Problem.response(500, Problem.incident(LOG, "Unexpected failure", e));
    }
}
