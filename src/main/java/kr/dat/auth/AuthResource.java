package kr.dat.auth;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.dat.platform.config.AppConfig;

/** {@code /api/auth}: accounts and tokens (CONTRACT.md §2). */
@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    Caller caller;

    @Inject
    AppConfig config;

    @Context
    HttpServletRequest http;

    @POST
    @Path("register")
    public Response register(@Valid @NotNull AuthRequests.Register body) {
        User user = auth.register(new AuthService.Registration(body.loginId(), body.password(), body.name(),
                UserRole.valueOf(body.role()), body.adminCode()));
        return Response.status(Response.Status.CREATED).entity(UserView.of(user, config.apiZone())).build();
    }

    @POST
    @Path("login")
    public TokenView login(@Valid @NotNull AuthRequests.Login body) {
        return TokenView.of(auth.login(body.loginId(), body.password(), client()));
    }

    @POST
    @Path("refresh")
    public TokenView refresh(@Valid @NotNull AuthRequests.Refresh body) {
        return TokenView.of(auth.refresh(body.refreshToken(), client()));
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        auth.logout(caller);
        return Response.ok().build();
    }

    @GET
    @Path("me")
    @Authenticated
    public UserView me() {
        return UserView.of(auth.me(caller), config.apiZone());
    }

    private AuthService.Client client() {
        return new AuthService.Client(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
    }
}
