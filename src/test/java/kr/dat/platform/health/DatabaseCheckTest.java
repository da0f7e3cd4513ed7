package kr.dat.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DatabaseCheckTest {

    @Test
    void aDownDatabaseIsDescribedInWordsNotClassNames() {
        assertEquals("cannot connect to the database", DatabaseCheck.reason("08001"));
        assertEquals("cannot connect to the database", DatabaseCheck.reason("08006"));
        assertEquals("database query timed out", DatabaseCheck.reason("57014"));
        assertEquals("no connection to the database", DatabaseCheck.reason(null));
        assertEquals("database query failed", DatabaseCheck.reason("XX000"));
        for (String state : new String[] {null, "08001", "57014", "42P01", "XX000"}) {
            assertFalse(DatabaseCheck.reason(state).contains("Exception"));
        }
    }
}
