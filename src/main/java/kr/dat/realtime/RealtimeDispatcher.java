package kr.dat.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.rest.Jsonp;

/** Delivers a cluster message to what this node holds: SSE streams and headset sockets. */
@ApplicationScoped
public class RealtimeDispatcher {

    private static final Logger LOG = Logger.getLogger(RealtimeDispatcher.class.getName());

    @Inject
    StatusStreams streams;

    @Inject
    HeadsetRegistry headsets;

    @Inject
    PresenceRepository presence;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    AppConfig config;

    /** The node's heartbeat lapsed and its presence rows were removed: claim its sockets again. */
    void rejoined() {
        for (HeadsetConnection conn : headsets.connections()) {
            try {
                presence.restore(conn.patientId(), conn.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not restore the presence of patient " + conn.patientId(), e);
            }
        }
    }

    /** The listening connection was lost for a while: every local stream is sent its session's current state. */
    void reconnected() {
        for (int diagnosisId : streams.watchedDiagnoses()) {
            try {
                diagnoses.find(diagnosisId).ifPresent(d -> streams.publish(diagnosisId, d.state().name(),
                        Times.format(d.updatedAt(), config.apiZone())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not refresh the stream of diagnosis " + diagnosisId, e);
            }
        }
    }

    /** A notification from the cluster bus; this node's own were delivered already, after their commit. */
    void deliverNotification(String payload, String ownNodeId) {
        JsonObject m;
        try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(payload))) {
            m = r.readObject();
        } catch (JsonException e) {
            LOG.log(Level.WARNING, "Malformed cluster message ignored: " + payload, e);
            return;
        }
        if (!ownNodeId.equals(m.getString(ClusterBus.ORIGIN, null))) {
            deliver(m);
        }
    }

    /** Hands a message to what this node holds: SSE streams and headset sockets. */
    void deliver(JsonObject m) {
        try {
            switch (m.getString(BusMessages.KIND, "")) {
                case BusMessages.STATE -> streams.publish(m.getInt("id"), m.getString("state"), m.getString("ts"));
                case BusMessages.HEADSET_FRAME -> headsets.sendToPatient(m.getInt("patient"), m.getString("frame"));
                case BusMessages.KEEP_ONLY -> headsets.keepOnly(m.getInt("patient"), m.getString("conn"));
                case BusMessages.CLOSE -> headsets.closePatient(m.getInt("patient"));
                default -> LOG.warning(() -> "Unknown cluster message ignored: " + m);
            }
        } catch (ClassCastException | NullPointerException e) {
            LOG.log(Level.WARNING, "Malformed cluster message ignored: " + m, e);
        }
    }
}
