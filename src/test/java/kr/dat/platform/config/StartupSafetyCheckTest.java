package kr.dat.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StartupSafetyCheckTest {

    @Test
    void defaultsAreReported() {
        assertEquals(2, StartupSafetyCheck.problems(false, "my-secret-key", "1234").size());
    }

    @Test
    void shortKeysAreReported() {
        assertEquals(1, StartupSafetyCheck.problems(false, "short-but-not-default", "9f8e7d6c").size());
    }

    @Test
    void adminCodesShorterThanEightCharactersAreReported() {
        var problems = StartupSafetyCheck.problems(false, "x".repeat(32), "4821");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("ADMIN_CODE is shorter than 8"), problems.get(0));
        assertEquals(1, StartupSafetyCheck.problems(false, "x".repeat(32), "9f8e7d6").size());
    }

    @Test
    void strongSettingsPass() {
        assertTrue(StartupSafetyCheck.problems(false, "x".repeat(32), "9f8e7d6c").isEmpty());
    }

    @Test
    void timestampsAreShownInKstWithMicroseconds() {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        assertEquals("2026-09-21T10:12:05.318224+09:00",
                Times.format(LocalDateTime.parse("2026-09-21T01:12:05.318224"), seoul));
        assertEquals("2026-09-21T10:12:05.000000+09:00",
                Times.format(LocalDateTime.parse("2026-09-21T01:12:05"), seoul));
    }
}
