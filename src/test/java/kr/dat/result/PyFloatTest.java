package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PyFloatTest {

    @Test
    void formatsLikePythonRepr() {
        assertEquals("0.0", PyFloat.repr(0.0));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("1.5", PyFloat.repr(1.5));
        assertEquals("60.0", PyFloat.repr(60.0));
        assertEquals("4.930422e-05", PyFloat.repr(4.930422E-05));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("0.0001", PyFloat.repr(1e-4));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1000000000000000.0", PyFloat.repr(1e15));
        assertEquals("0.0690000057220459", PyFloat.repr(0.0690000057220459));
        assertEquals("2.9089999198913574", PyFloat.repr(2.9089999198913574));
        assertEquals("-123.456", PyFloat.repr(-123.456));
        assertEquals("0.9999999999999998", PyFloat.repr(0.9999999999999998));
        assertEquals("1.2345678901234567e+20", PyFloat.repr(1.2345678901234567e20));
        assertEquals("nan", PyFloat.repr(Double.NaN));
        assertEquals("-inf", PyFloat.repr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void alwaysReadsBackAsTheSameDouble() {
        Random r = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            assertEquals(d, Double.parseDouble(PyFloat.repr(d)), () -> "" + d);
        }
    }
}
