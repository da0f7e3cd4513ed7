package kr.dat.it;

import static kr.dat.it.Api.ADMIN_CODE;
import static kr.dat.it.Api.PASSWORD;
import static kr.dat.it.Api.loginBody;
import static kr.dat.it.Api.registerBody;
import static kr.dat.it.Api.uniqueLogin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/auth} against the real server (CONTRACT.md §1–2). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL url;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(url);
    }

    @Test
    void versionAtTheRoot() {
        Api.Reply r = api.get("", null);
        assertEquals(200, r.status());
        assertTrue(r.json().getString("version").matches("\\d+\\.\\d+\\.\\d+"), r.body());
    }

    @Test
    void registerDoctorReturnsUserWithKstTimestamps() {
        String login = uniqueLogin("reg");
        Api.Reply r = api.post("auth/register", registerBody(login, PASSWORD, "김의사", "DOCTOR", ADMIN_CODE), null);
        assertEquals(201, r.status(), r.body());
        JsonObject u = r.json();
        assertEquals(login, u.getString("login_id"));
        assertEquals("김의사", u.getString("name"));
        assertEquals("DOCTOR", u.getString("role"));
        assertTrue(u.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?\\+09:00"),
                u.getString("created_at"));
        assertTrue(u.containsKey("updated_at") && u.containsKey("id"));
        assertEquals(6, u.size(), "exactly the contract's fields: " + u);
    }

    @Test
    void everyRegistrableRoleIsCreatedAndCanLogIn() {
        for (String role : new String[] {"NONE", "NURSE", "STAFF"}) {
            Api.Session s = api.registerAndLogin(role);
            Api.Reply me = api.get("auth/me", s.accessToken());
            assertEquals(200, me.status(), role + ": " + me.body());
            assertEquals(role, me.json().getString("role"));
        }
    }

    @Test
    void patientRoleIsNotRegistrable() {
        Api.Reply r = api.post("auth/register", registerBody(uniqueLogin("pat"), PASSWORD, "x", "PATIENT", ADMIN_CODE), null);
        assertEquals(422, r.status());
        assertEquals("enum", r.json().getJsonArray("detail").getJsonObject(0).getString("type"));
    }

    @Test
    void wrongAdminCodeIsCheckedBeforeDuplicateLogin() {
        Api.Session existing = api.doctor();
        Api.Reply r = api.post("auth/register", registerBody(existing.loginId(), PASSWORD, "x", "DOCTOR", "9999"), null);
        assertEquals(400, r.status());
        assertEquals("관리자 코드가 일치하지 않습니다", r.detail());
    }

    @Test
    void duplicateLoginIdIsRejected() {
        Api.Session existing = api.doctor();
        Api.Reply r = api.post("auth/register", registerBody(existing.loginId(), PASSWORD, "x", "NURSE", ADMIN_CODE), null);
        assertEquals(400, r.status());
        assertEquals("이미 사용 중인 로그인 ID입니다", r.detail());
    }

    @Test
    void registrationValidation() {
        Api.Reply shortId = api.post("auth/register", registerBody("ab", PASSWORD, "x", "DOCTOR", ADMIN_CODE), null);
        assertEquals(422, shortId.status());
        JsonObject e = shortId.json().getJsonArray("detail").getJsonObject(0);
        assertEquals("string_too_short", e.getString("type"));
        assertEquals("[\"body\",\"login_id\"]", e.getJsonArray("loc").toString());
        assertEquals("ab", e.getString("input"));

        Api.Reply noLetter = api.post("auth/register", registerBody(uniqueLogin("v"), "12345678", "x", "DOCTOR", ADMIN_CODE), null);
        assertEquals(422, noLetter.status());
        assertTrue(noLetter.body().contains("Value error, 비밀번호는 영문자를 최소 1자 이상 포함해야 합니다."), noLetter.body());

        Api.Reply noDigit = api.post("auth/register", registerBody(uniqueLogin("v"), "abcdefgh", "x", "DOCTOR", ADMIN_CODE), null);
        assertEquals(422, noDigit.status());
        assertTrue(noDigit.body().contains("Value error, 비밀번호는 숫자를 최소 1자 이상 포함해야 합니다."), noDigit.body());

        Api.Reply missing = api.post("auth/register", "{\"login_id\":\"abcdef\"}", null);
        assertEquals(422, missing.status());
        assertTrue(missing.body().contains("\"missing\""), missing.body());

        Api.Reply malformed = api.post("auth/register", "{\"login_id\":", null);
        assertEquals(422, malformed.status());
        assertEquals("json_invalid", malformed.json().getJsonArray("detail").getJsonObject(0).getString("type"));
    }

    @Test
    void loginReturnsExactlyTwoTokensWithContractClaims() {
        Api.Session s = api.doctor();
        Api.Reply r = api.post("auth/login", loginBody(s.loginId(), PASSWORD), null);
        assertEquals(200, r.status());
        JsonObject body = r.json();
        assertEquals(2, body.size(), body.toString());
        assertEquals(null, r.header("Set-Cookie"));
        String payload = new String(Base64.getUrlDecoder().decode(body.getString("access_token").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"sub\":\"" + s.userId() + "\""), payload);
        assertTrue(payload.contains("\"type\":\"access\""), payload);
        assertTrue(payload.matches(".*\"exp\":\\d+.*"), payload);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.Session s = api.doctor();
        Api.Reply wrong = api.post("auth/login", loginBody(s.loginId(), "Wrong-pass1"), null);
        Api.Reply unknown = api.post("auth/login", loginBody(uniqueLogin("nobody"), "Wrong-pass1"), null);
        for (Api.Reply r : new Api.Reply[] {wrong, unknown}) {
            assertEquals(401, r.status());
            assertEquals("로그인 ID 또는 비밀번호가 일치하지 않습니다", r.detail());
            assertEquals("Bearer", r.header("WWW-Authenticate"));
        }
    }

    @Test
    void accountIsLockedAfterRepeatedFailures() {
        Api.Session s = api.doctor();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("auth/login", loginBody(s.loginId(), "Wrong-pass" + i), null).status());
        }
        Api.Reply locked = api.post("auth/login", loginBody(s.loginId(), PASSWORD), null);
        assertEquals(401, locked.status(), "the right password is refused while the account is locked");
        assertEquals("로그인 ID 또는 비밀번호가 일치하지 않습니다", locked.detail());
    }

    @Test
    void meNeedsAValidToken() {
        Api.Session s = api.doctor();
        Api.Reply me = api.get("auth/me", s.accessToken());
        assertEquals(200, me.status());
        assertEquals(s.loginId(), me.json().getString("login_id"));

        Api.Reply none = api.get("auth/me", null);
        assertEquals(401, none.status());
        assertEquals("인증 토큰이 제공되지 않았습니다", none.detail());
        assertEquals("Bearer", none.header("WWW-Authenticate"));

        Api.Reply basic = api.send("GET", "auth/me", null, null);
        assertEquals(401, basic.status());

        Api.Reply garbage = api.get("auth/me", "not.a.jwt");
        assertEquals(401, garbage.status());
        assertEquals("인증에 실패했습니다", garbage.detail());

        Api.Reply refreshAsAccess = api.get("auth/me", s.refreshToken());
        assertEquals(401, refreshAsAccess.status(), "a refresh token is the wrong type");
        assertEquals("인증에 실패했습니다", refreshAsAccess.detail());
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        Api.Session s = api.doctor();
        Api.Reply first = api.post("auth/refresh", "{\"refresh_token\":\"" + s.refreshToken() + "\"}", null);
        assertEquals(200, first.status(), first.body());
        String rotated = first.json().getString("refresh_token");
        String newAccess = first.json().getString("access_token");
        assertNotEquals(s.refreshToken(), rotated, "the refresh token is rotated");
        assertEquals(200, api.get("auth/me", newAccess).status());

        // the spent token comes back: someone copied it. The whole login is revoked.
        Api.Reply reuse = api.post("auth/refresh", "{\"refresh_token\":\"" + s.refreshToken() + "\"}", null);
        assertEquals(401, reuse.status());
        assertEquals("유효하지 않은 Refresh Token입니다", reuse.detail());
        Api.Reply afterReuse = api.post("auth/refresh", "{\"refresh_token\":\"" + rotated + "\"}", null);
        assertEquals(401, afterReuse.status(), "the rotated successor is revoked too");
        assertEquals(401, api.get("auth/me", newAccess).status(), "and so are the family's access tokens");
    }

    @Test
    void refreshErrors() {
        Api.Reply empty = api.post("auth/refresh", "{\"refresh_token\":\"\"}", null);
        assertEquals(401, empty.status());
        assertEquals("Refresh Token이 없습니다", empty.detail());
        Api.Reply bad = api.post("auth/refresh", "{\"refresh_token\":\"abc\"}", null);
        assertEquals(401, bad.status());
        assertEquals("유효하지 않은 Refresh Token입니다", bad.detail());
        Api.Session s = api.doctor();
        Api.Reply accessAsRefresh = api.post("auth/refresh", "{\"refresh_token\":\"" + s.accessToken() + "\"}", null);
        assertEquals(401, accessAsRefresh.status());
    }

    @Test
    void refreshFromAnotherClientIsRefused() {
        Api.Session s = api.doctor();
        Api.Reply moved = new Api(url).userAgent("curl/8.0")
                .post("auth/refresh", "{\"refresh_token\":\"" + s.refreshToken() + "\"}", null);
        assertEquals(401, moved.status());
        assertEquals(401, api.post("auth/refresh", "{\"refresh_token\":\"" + s.refreshToken() + "\"}", null).status(),
                "the stolen token's login is gone for its owner as well");
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClient() {
        Api viaProxy = new Api(url).header("X-Forwarded-For", "10.1.2.3, 127.0.0.1");
        Api.Session s = viaProxy.doctor();
        Api.Reply sameClient = viaProxy.post("auth/refresh", "{\"refresh_token\":\"" + s.refreshToken() + "\"}", null);
        assertEquals(200, sameClient.status(), sameClient.body());
        String rotated = sameClient.json().getString("refresh_token");
        Api.Reply otherAddress = new Api(url).header("X-Forwarded-For", "10.9.9.9")
                .post("auth/refresh", "{\"refresh_token\":\"" + rotated + "\"}", null);
        assertEquals(401, otherAddress.status(), "the token moved to another address behind the proxy");
    }

    @Test
    void logoutRevokesRefreshAndAccessTokens() {
        Api.Session s = api.doctor();
        Api.Reply out = api.post("auth/logout", null, s.accessToken());
        assertEquals(200, out.status());
        assertEquals("", out.body());
        Api.Reply refresh = api.post("auth/refresh", "{\"refresh_token\":\"" + s.refreshToken() + "\"}", null);
        assertEquals(401, refresh.status());
        assertEquals("유효하지 않은 Refresh Token입니다", refresh.detail());
        assertEquals(401, api.get("auth/me", s.accessToken()).status(), "access tokens die at logout");
        assertEquals(401, api.post("auth/logout", null, null).status());
    }

    @Test
    void malformedJsonIsReportedBeforeMissingToken() {
        Api.Reply r = api.post("patients", "{not json", null);
        assertEquals(422, r.status(), r.body());
        Api.Reply noToken = api.post("patients", "{\"name\":\"x\"}", null);
        assertEquals(401, noToken.status());
    }

    @Test
    void unknownRouteAndWrongMethod() {
        Api.Reply notFound = api.get("no/such/route", null);
        assertEquals(404, notFound.status());
        assertEquals("Not Found", notFound.detail());
        Api.Reply wrongMethod = api.get("auth/login", null);
        assertEquals(405, wrongMethod.status());
        assertEquals("Method Not Allowed", wrongMethod.detail());
    }
}
