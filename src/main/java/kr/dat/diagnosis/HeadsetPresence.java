package kr.dat.diagnosis;

import java.util.Optional;

/** Which socket of a patient's headset is open on some node (implemented by the realtime feature). */
public interface HeadsetPresence {

    /** The id of the patient's newest open headset socket, if any. */
    Optional<String> connectionOf(int patientId);
}
