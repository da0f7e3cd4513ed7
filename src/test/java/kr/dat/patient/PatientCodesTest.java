package kr.dat.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientCodesTest {

    @Test
    void prefixIsTheLastThreeDigitsOfThePaddedDoctorId() {
        assertEquals("007", PatientCodes.prefix(7));
        assertEquals("123", PatientCodes.prefix(123));
        assertEquals("234", PatientCodes.prefix(1234));
    }

    @Test
    void startsAtTheActiveCount() {
        assertEquals("007-000", PatientCodes.next(7, 0, Set.of()));
        assertEquals("007-002", PatientCodes.next(7, 2, Set.of("007-000", "007-001")));
    }

    @Test
    void skipsCodesTakenByDeletedOrHandTypedPatients() {
        // legacy doctor1: three active patients, codes 001-000..001-003 all taken
        assertEquals("001-004", PatientCodes.next(1, 3, Set.of("001-000", "001-001", "001-002", "001-003")));
    }

    @Test
    void growsPastThreeDigits() {
        assertEquals("001-1000", PatientCodes.next(1, 999, Set.of("001-999")));
    }
}
