package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordHelpersTest {

    @Test
    void fileNamesArePercentEncodedLikePythonsQuote() {
        assertEquals("BALANCEBALL_1_20260929101645.csv", RecordResource.percentEncode("BALANCEBALL_1_20260929101645.csv"));
        assertEquals("a%20b%2C%22c%22", RecordResource.percentEncode("a b,\"c\""));
        assertEquals("%ED%99%98%EC%9E%90.csv", RecordResource.percentEncode("환자.csv"));
    }

    @Test
    void utf8LengthIsCountedWithoutEncoding() {
        for (String s : new String[] {"", "abc", "환자 기록", "😀 emoji", "mixed ascii and 한글 and \u00e9"}) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ResultPipeline.utf8Length(s), s);
        }
    }
}
