package kr.dat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keep-alives are spread over their interval: no slice of it pings more than a few sockets. */
class PingSlotsTest {

    @Test
    void aThousandHeadsetsArePingedAFewPerSliceNotAllAtOnce() {
        int slots = 20 * Periodic.SLICES_PER_SECOND; // the default interval of 20 s
        int[] perSlot = new int[slots];
        for (int i = 0; i < 1000; i++) {
            String id = UUID.randomUUID().toString(); // as HeadsetGate names a socket
            int slot = HeadsetRegistry.pingSlot(id, slots);
            assertTrue(slot >= 0 && slot < slots, "slot " + slot);
            assertEquals(slot, HeadsetRegistry.pingSlot(id, slots), "a socket keeps its slot");
            perSlot[slot]++;
        }
        int most = 0;
        int used = 0;
        for (int n : perSlot) {
            most = Math.max(most, n);
            used += n > 0 ? 1 : 0;
        }
        // 5 per slice on average; 25 in one slice has a chance far below one in a million
        assertTrue(most <= 25, "the busiest slice pings " + most + " sockets");
        assertTrue(used > slots * 9 / 10, "only " + used + " of " + slots + " slices used");
    }

    @Test
    void aSliceIsATenthOfASecond() {
        assertEquals(1000, Periodic.SLICE_MILLIS * Periodic.SLICES_PER_SECOND);
    }
}
