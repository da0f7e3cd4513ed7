package kr.dat.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Delivers a cluster message to what this node holds: SSE streams and headset sockets. */
@ApplicationScoped
public class RealtimeDispatcher {

    private static final Logger LOG = Logger.getLogger(RealtimeDispatcher.class.getName());

    @Inject
    StatusStreams streams;

    @Inject
    HeadsetRegistry headsets;

    void deliver(String payload) {
        try {
            JsonObject m;
            try (JsonReader r = Json.createReader(new StringReader(payload))) {
                m = r.readObject();
            }
            switch (m.getString(BusMessages.KIND, "")) {
                case BusMessages.STATE -> streams.publish(m.getInt("id"), m.getString("state"), m.getString("ts"));
                case BusMessages.HEADSET_FRAME -> headsets.sendToPatient(m.getInt("patient"), m.getString("frame"));
                case BusMessages.KEEP_ONLY -> headsets.keepOnly(m.getInt("patient"), m.getString("conn"));
                case BusMessages.CLOSE -> headsets.closePatient(m.getInt("patient"));
                default -> LOG.warning(() -> "Unknown cluster message ignored: " + payload);
            }
        } catch (JsonException | ClassCastException | NullPointerException e) {
            LOG.log(Level.WARNING, "Malformed cluster message ignored: " + payload, e);
        }
    }
}
