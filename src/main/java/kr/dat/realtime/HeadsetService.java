package kr.dat.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.scoring.ResultService;

/**
 * What a headset's messages mean. Runs on the managed executor, never on the socket's I/O thread;
 * a malformed or foreign message is logged and ignored, and the socket stays open.
 */
@ApplicationScoped
public class HeadsetService {

    private static final Logger LOG = Logger.getLogger(HeadsetService.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    PresenceRepository presence;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ResultService results;

    void connected(HeadsetConnection conn) {
        presence.register(conn.patientId(), conn.id());
        LOG.info(() -> "Headset of patient " + conn.patientId() + " connected (socket " + conn.id() + ")");
    }

    void disconnected(HeadsetConnection conn, CloseReason reason) {
        executor.execute(() -> {
            try {
                presence.unregister(conn.patientId(), conn.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not clear the presence of patient " + conn.patientId(), e);
            }
        });
        LOG.info(() -> "Headset of patient " + conn.patientId() + " disconnected (" + reason.getCloseCode().getCode() + ")");
    }

    void receive(HeadsetConnection conn, String frame) {
        conn.inbox(executor).execute(() -> {
            try {
                handle(conn.patientId(), frame);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Message from the headset of patient " + conn.patientId()
                        + " could not be handled; ignored", e);
            }
        });
    }

    private void handle(int patientId, String frame) {
        Optional<HeadsetFrames.Message> decoded = HeadsetFrames.decode(frame);
        if (decoded.isEmpty()) {
            LOG.warning(() -> "Malformed frame (" + frame.length() + " chars) from the headset of patient "
                    + patientId + " ignored");
            return;
        }
        HeadsetFrames.Message m = decoded.get();
        Optional<Integer> diagnosisId = m.diagnosisId();
        if (diagnosisId.isEmpty()) {
            LOG.warning(() -> m.action() + " without an integer diagnosis_id from the headset of patient "
                    + patientId + " ignored");
            return;
        }
        int id = diagnosisId.get();
        switch (m.action()) {
            case HeadsetFrames.STARTED -> diagnoses.headsetStarted(patientId, id);
            case HeadsetFrames.FAILED -> diagnoses.headsetFailed(patientId, id);
            case HeadsetFrames.UPLOAD -> {
                Optional<String> content = m.string("file_content");
                if (content.isEmpty()) {
                    LOG.warning(() -> "c_upload_result without file_content from the headset of patient "
                            + patientId + " ignored");
                    return;
                }
                results.accept(patientId, id, content.get());
            }
            default -> LOG.warning(() -> "Unknown action '" + m.action() + "' from the headset of patient "
                    + patientId + " ignored");
        }
    }
}
