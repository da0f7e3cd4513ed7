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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code /api/auth} against the real server (docs/protocol.md §1–2). */
class AuthIT extends ApiIT {

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

        Api.Reply basic = new Api(url).header("Authorization", "Basic dXNlcjpwYXNzd29yZA==").get("auth/me", null);
        assertEquals(401, basic.status());
        assertEquals("인증 토큰이 제공되지 않았습니다", basic.detail(), "a non-Bearer scheme counts as no token");
        assertEquals("Bearer", basic.header("WWW-Authenticate"));

        Api.Reply garbage = api.get("auth/me", "not.a.jwt");
        assertEquals(401, garbage.status());
        assertEquals("인증에 실패했습니다", garbage.detail());

        Api.Reply refreshAsAccess = api.get("auth/me", s.refreshToken());
        assertEquals(401, refreshAsAccess.status(), "a refresh token is the wrong type");
        assertEquals("인증에 실패했습니다", refreshAsAccess.detail());
    }

    private Api.Reply refresh(String refreshToken) {
        return api.post("auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}", null);
    }

    @Test
    void twoTabsRefreshingWithTheirOwnTokensBothStayLoggedIn() {
        Api.Session s = api.doctor(); // both tabs start from the token stored at login
        Api.Reply tab1 = refresh(s.refreshToken());
        assertEquals(200, tab1.status(), tab1.body());
        String tab1Refresh = tab1.json().getString("refresh_token");
        assertNotEquals(s.refreshToken(), tab1Refresh, "the refresh token is rotated");

        Api.Reply tab2 = refresh(s.refreshToken()); // tab 2 still holds the older token
        assertEquals(200, tab2.status(), "a tab with the older token is not logged out: " + tab2.body());
        assertEquals(200, api.get("auth/me", tab1.json().getString("access_token")).status(), "tab 1 stays logged in");
        assertEquals(200, api.get("auth/me", tab2.json().getString("access_token")).status(), "tab 2 too");

        Api.Reply tab1Again = refresh(tab1Refresh);
        assertEquals(200, tab1Again.status(), "tab 1 refreshes again: " + tab1Again.body());
        Api.Reply tab2Again = refresh(tab2.json().getString("refresh_token"));
        assertEquals(200, tab2Again.status(), tab2Again.body());

        // logout still cuts off every token of the login, rotated or not
        assertEquals(200, api.post("auth/logout", null, tab1Again.json().getString("access_token")).status());
        assertEquals(401, refresh(s.refreshToken()).status());
        assertEquals(401, refresh(tab2Again.json().getString("refresh_token")).status());
        assertEquals(401, api.get("auth/me", tab2Again.json().getString("access_token")).status());
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            Api.Session s = api.doctor();
            java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<Api.Reply> call = () -> {
                    barrier.await();
                    return refresh(s.refreshToken());
                };
                var a = pool.submit(call);
                var b = pool.submit(call);
                Api.Reply ra = a.get();
                Api.Reply rb = b.get();
                assertEquals(200, ra.status(), ra.body());
                assertEquals(200, rb.status(), rb.body());
                assertEquals(200, api.get("auth/me", ra.json().getString("access_token")).status());
                assertEquals(200, api.get("auth/me", rb.json().getString("access_token")).status());
                assertEquals(200, refresh(ra.json().getString("refresh_token")).status());
                assertEquals(200, refresh(rb.json().getString("refresh_token")).status());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anAccessTokenCarryingAnotherUsersSubWithMySidIsRefused() throws Exception {
        Api.Session me = api.doctor();
        Api.Session victim = api.doctor();
        JsonObject mine = jakarta.json.Json.createReader(new java.io.StringReader(new String(
                Base64.getUrlDecoder().decode(me.accessToken().split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        // signed with the dev key the test server runs with: only the sub differs from my own token
        org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
        claims.setSubject(Integer.toString(victim.userId()));
        claims.setClaim("type", "access");
        claims.setClaim("sid", mine.getString("sid"));
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new org.jose4j.keys.HmacKey("my-secret-key".getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);
        String forged = jws.getCompactSerialization();
        Api.Reply r = api.get("auth/me", forged);
        assertEquals(401, r.status(), "a login family is bound to its user: " + r.body());
        assertEquals(200, api.get("auth/me", me.accessToken()).status(), "my own token still works");
    }

    @Test
    void wrongAdminCodesAreThrottledPerAddress() {
        Api attacker = new Api(url).header("X-Forwarded-For", "10.66." + (int) (Math.random() * 250) + ".7");
        for (int i = 0; i < 5; i++) {
            Api.Reply r = attacker.post("auth/register", registerBody(uniqueLogin("bf"), PASSWORD, "x", "DOCTOR",
                    String.format("%04d", 9000 + i)), null);
            assertEquals(400, r.status());
            assertEquals("관리자 코드가 일치하지 않습니다", r.detail());
        }
        Api.Reply right = attacker.post("auth/register", registerBody(uniqueLogin("bf"), PASSWORD, "x", "DOCTOR", ADMIN_CODE), null);
        assertEquals(400, right.status(), "while locked even the right code is refused, with the same answer: " + right.body());
        assertEquals("관리자 코드가 일치하지 않습니다", right.detail());
        Api.Reply elsewhere = new Api(url).header("X-Forwarded-For", "10.67.0.8")
                .post("auth/register", registerBody(uniqueLogin("ok"), PASSWORD, "x", "DOCTOR", ADMIN_CODE), null);
        assertEquals(201, elsewhere.status(), "another address is not locked: " + elsewhere.body());
    }

    @Test
    void nulCharactersInLoginIdsAndNamesAre422() {
        Api.Reply login = api.post("auth/login", "{\"login_id\":\"doc\\u0000tor\",\"password\":\"x\"}", null);
        assertEquals(422, login.status(), login.body());
        Api.Reply register = api.post("auth/register", registerBody(uniqueLogin("n").substring(0, 8) + "\u0000x", PASSWORD, "이름", "DOCTOR",
                ADMIN_CODE), null);
        assertEquals(422, register.status(), register.body());
        Api.Reply name = api.post("auth/register", registerBody(uniqueLogin("n"), PASSWORD, "이\u0000름", "DOCTOR",
                ADMIN_CODE), null);
        assertEquals(422, name.status(), name.body());
        assertEquals("value_error", name.json().getJsonArray("detail").getJsonObject(0).getString("type"));
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
