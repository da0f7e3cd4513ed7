package kr.dat.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import kr.dat.platform.rest.Authenticated;
import kr.dat.platform.rest.DomainException;
import kr.dat.platform.rest.Jsonp;
import kr.dat.platform.rest.Problem;
import kr.dat.platform.rest.RequestOrigin;
import kr.dat.platform.rest.ValidationError;

/**
 * Checks {@code Authorization: Bearer <access JWT>} on {@link Authenticated} resources. Keeps the
 * contract's order: a malformed JSON body is reported (422) before a missing or bad token (401).
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    @Inject
    AuthService auth;

    @Inject
    Caller caller;

    @Inject
    RequestOrigin origin;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = bearerToken(header);
        if (token == null) {
            reject(request, Messages.NO_TOKEN);
            return;
        }
        try {
            AccountRepository.Principal principal = auth.authenticate(token);
            User user = principal.user();
            caller.authenticated(user.id(), user.role(), principal.doctorId());
            origin.user(user.id(), user.role().name());
        } catch (DomainException e) {
            reject(request, e.detail());
        }
    }

    static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            return null;
        }
        String token = header.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }

    private static void reject(ContainerRequestContext request, String detail) throws IOException {
        if (request.hasEntity() && !isWellFormedJson(request)) {
            request.abortWith(ValidationError.response(List.of(ValidationError.jsonInvalid())));
            return;
        }
        request.abortWith(Problem.response(401, detail));
    }

    /** Reads the body to check its syntax and puts it back for the resource. */
    private static boolean isWellFormedJson(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return true;
        }
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (JsonException | NumberFormatException e) {
            return false;
        } catch (RuntimeException e) { // Parsson refuses nesting deeper than its limit with a plain RuntimeException
            return false;
        }
    }
}
