package kr.dat.realtime;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import kr.dat.platform.rest.Jsonp;

/**
 * The codec of the headset protocol: text frames {@code {"action": ..., "data": object|null}}
 * (docs/protocol.md §6). Decoding never throws: anything malformed is reported as empty.
 */
public final class HeadsetFrames {

    public static final String START = "s_start_diagnosis";
    public static final String STOP = "s_stop_diagnosis";
    public static final String FORCE_DISCONNECT = "s_force_disconnect";
    public static final String STARTED = "c_diagnosis_started";
    public static final String FAILED = "c_diagnosis_failed";
    public static final String UPLOAD = "c_upload_result";
    /** Only to headsets that asked for it (subprotocol dat.v2 or ?ack=1). */
    public static final String UPLOAD_RECEIVED = "s_upload_received";

    private HeadsetFrames() {
    }

    /** A decoded client message. {@code data} is never null (an empty object when absent). */
    public record Message(String action, JsonObject data) {

        /**
         * {@code data.diagnosis_id} when it is exactly a positive integer that fits a database id.
         * Anything else (a fraction, 2^32 + 695, a negative, a string) is no id: {@code intValue()}
         * would wrap 4294967991 round to 695 and hand a forged id to the state machine.
         */
        public Optional<Integer> diagnosisId() {
            JsonValue v = data.get("diagnosis_id");
            if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER) {
                return Optional.empty();
            }
            var n = data.getJsonNumber("diagnosis_id");
            if (!n.isIntegral()) {
                return Optional.empty();
            }
            try {
                int id = n.bigDecimalValue().intValueExact();
                return id > 0 ? Optional.of(id) : Optional.empty();
            } catch (ArithmeticException outOfRange) {
                return Optional.empty();
            }
        }

        public Optional<String> string(String name) {
            JsonValue v = data.get(name);
            return v != null && v.getValueType() == JsonValue.ValueType.STRING
                    ? Optional.of(data.getString(name)) : Optional.empty();
        }
    }

    public static Optional<Message> decode(String text) {
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonValue root = reader.readValue();
            if (root.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            JsonObject o = root.asJsonObject();
            JsonValue action = o.get("action");
            if (action == null || action.getValueType() != JsonValue.ValueType.STRING) {
                return Optional.empty();
            }
            JsonValue data = o.get("data");
            JsonObject dataObject;
            if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
                dataObject = JsonValue.EMPTY_JSON_OBJECT;
            } else if (data.getValueType() == JsonValue.ValueType.OBJECT) {
                dataObject = data.asJsonObject();
            } else {
                return Optional.empty();
            }
            return Optional.of(new Message(o.getString("action"), dataObject));
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static String start(int diagnosisId, String type, int level) {
        return encode(START, Jsonp.PROVIDER.createObjectBuilder().add("diagnosis_id", diagnosisId).add("type", type)
                .add("level", level).build());
    }

    /** {@code status}: stored, duplicate, too_large or refused. */
    public static String uploadReceived(int diagnosisId, String status) {
        return encode(UPLOAD_RECEIVED, Jsonp.PROVIDER.createObjectBuilder().add("diagnosis_id", diagnosisId).add("status", status).build());
    }

    public static String stop() {
        return encode(STOP, JsonValue.NULL);
    }

    public static String forceDisconnect() {
        return encode(FORCE_DISCONNECT, JsonValue.NULL);
    }

    private static String encode(String action, JsonValue data) {
        return Jsonp.PROVIDER.createObjectBuilder().add("action", action).add("data", data).build().toString();
    }
}
