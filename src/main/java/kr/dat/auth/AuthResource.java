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
import kr.dat.platform.rest.Authenticated;
import kr.dat.platform.rest.ClientAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/auth}: accounts and tokens (docs/protocol.md §2). */
@Path("auth")
@Tag(name = "auth", description = "Accounts and tokens")
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
    @Operation(summary = "Register an account", description = "A DOCTOR also gets a doctor profile. Needs the admin code.")
    @APIResponse(responseCode = "201", description = "The new user")
    @APIResponse(responseCode = "400", description = "관리자 코드가 일치하지 않습니다 / 이미 사용 중인 로그인 ID입니다")
    @APIResponse(responseCode = "422", description = "Validation errors (pydantic-style list)")
    public Response register(@Valid @NotNull AuthRequests.Register body) {
        User user = auth.register(new AuthService.Registration(body.loginId(), body.password(), body.name(),
                UserRole.valueOf(body.role()), body.adminCode()), client());
        return Response.status(Response.Status.CREATED).entity(UserView.of(user, config.apiZone())).build();
    }

    @POST
    @Path("login")
    @Operation(summary = "Log in", description = "Returns an access token (60 min) and a refresh token (1440 min). "
            + "Repeated failures lock the account or the address for a while.")
    @APIResponse(responseCode = "200", description = "{\"access_token\", \"refresh_token\"}")
    @APIResponse(responseCode = "401", description = "로그인 ID 또는 비밀번호가 일치하지 않습니다")
    public TokenView login(@Valid @NotNull AuthRequests.Login body) {
        return TokenView.of(auth.login(body.loginId(), body.password(), client()));
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Refresh the tokens", description = "Returns a new pair: store the new refresh token. "
            + "An earlier token of the same login keeps working until it expires or the user logs out (one per browser tab), "
            + "unless REFRESH_TOKEN_REUSE_DETECTION is on.")
    @APIResponse(responseCode = "200", description = "A new pair")
    @APIResponse(responseCode = "401", description = "Refresh Token이 없습니다 / 유효하지 않은 Refresh Token입니다")
    public TokenView refresh(@Valid @NotNull AuthRequests.Refresh body) {
        return TokenView.of(auth.refresh(body.refreshToken(), client()));
    }

    @POST
    @Path("logout")
    @Operation(summary = "Log out everywhere", description = "Revokes every refresh token of the user; their access tokens stop working at once.")
    @APIResponse(responseCode = "200", description = "Empty body")
    @APIResponse(responseCode = "401", description = "인증 토큰이 제공되지 않았습니다 / 인증에 실패했습니다")
    @Authenticated
    public Response logout() {
        auth.logout(caller);
        return Response.ok().build();
    }

    @GET
    @Path("me")
    @Operation(summary = "The current user")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "401", description = "인증 토큰이 제공되지 않았습니다 / 인증에 실패했습니다")
    @Authenticated
    public UserView me() {
        return UserView.of(auth.me(caller), config.apiZone());
    }

    private AuthService.Client client() {
        return new AuthService.Client(clientAddress(), http.getHeader(HttpHeaders.USER_AGENT));
    }

    private String clientAddress() {
        return ClientAddress.of(http, config.trustProxyHeaders());
    }
}
