package kr.dat.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerAuthFilterTest {

    @Test
    void takesTheTokenOfABearerHeaderOnly() {
        assertEquals("abc.def.ghi", BearerAuthFilter.bearerToken("Bearer abc.def.ghi"));
        assertEquals("abc", BearerAuthFilter.bearerToken("bearer abc"));
        assertNull(BearerAuthFilter.bearerToken(null));
        assertNull(BearerAuthFilter.bearerToken("Basic dXNlcjpwYXNz"));
        assertNull(BearerAuthFilter.bearerToken("Bearer "));
        assertNull(BearerAuthFilter.bearerToken("Bearer"));
    }
}
