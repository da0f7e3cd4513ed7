package kr.dat.realtime;

import jakarta.json.JsonObject;
import kr.dat.platform.rest.Jsonp;

/** The messages nodes send each other on the {@link ClusterBus}. */
final class BusMessages {

    static final String KIND = "k";
    static final String STATE = "state";
    static final String HEADSET_FRAME = "frame";
    static final String KEEP_ONLY = "keep";
    static final String CLOSE = "close";

    private BusMessages() {
    }

    /** A diagnosis reached {@code state}; {@code timestamp} is already formatted for the API. */
    static JsonObject state(int diagnosisId, String state, String timestamp) {
        return Jsonp.PROVIDER.createObjectBuilder().add(KIND, STATE).add("id", diagnosisId).add("state", state)
                .add("ts", timestamp).build();
    }

    /** Send this text frame to the patient's headset, wherever it is connected. */
    static JsonObject headsetFrame(int patientId, String frame) {
        return Jsonp.PROVIDER.createObjectBuilder().add(KIND, HEADSET_FRAME).add("patient", patientId).add("frame", frame).build();
    }

    /** The patient connected again: every other socket of the patient must go. */
    static JsonObject keepOnly(int patientId, String connectionId) {
        return Jsonp.PROVIDER.createObjectBuilder().add(KIND, KEEP_ONLY).add("patient", patientId).add("conn", connectionId)
                .build();
    }

    /** The patient was deleted: close its sockets. */
    static JsonObject close(int patientId) {
        return Jsonp.PROVIDER.createObjectBuilder().add(KIND, CLOSE).add("patient", patientId).build();
    }
}
