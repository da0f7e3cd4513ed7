package kr.dat.scoring;

import kr.dat.audit.AuditLog;
import kr.dat.audit.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import kr.dat.diagnosis.Diagnosis;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.diagnosis.DiagnosisState;

/**
 * Accepts a headset's result upload (docs/protocol.md §6, docs/scoring.md): size first, then a durable claim
 * in PostgreSQL (once per diagnosis, a repeat is ignored), then {@link ResultProcessor} stores,
 * scores and completes it — now, or later by its retry timer if the bucket is away.
 */
@ApplicationScoped
public class ResultService {

    /** 10 MiB of UTF-8, checked before anything else. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ResultService.class.getName());

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ResultSteps steps;

    @Inject
    ResultProcessor processor;

    @Inject
    ResultRepository uploads;

    @Inject
    AuditLog audit;

    @Inject
    ResultMetrics metrics;

    /** The headset socket an upload came over: recorded in the audit trail with the result. */
    public record Source(String connectionId, String address, String userAgent, boolean paired) {
    }

    /** What became of an upload, as told to a headset that asked for acknowledgements. */
    public enum Receipt {
        /** Durably claimed: it will become a record (or a FAILED session with a reason). */
        STORED,
        /** The session already has a result: this repeat is ignored (harmless). */
        DUPLICATE,
        /** Over 10 MiB: the session is FAILED. */
        TOO_LARGE,
        /** Not this socket's live session. */
        REFUSED
    }

    /**
     * Called off the socket's I/O thread. {@code receipt} hears the outcome as soon as it is known:
     * for an accepted upload right after the durable claim, before the scoring.
     */
    public void accept(int patientId, Source source, int diagnosisId, String csv, Consumer<Receipt> heard) {
        Consumer<Receipt> receipt = r -> {
            metrics.upload(r);
            heard.accept(r);
        };
        String connectionId = source.connectionId();
        Optional<Diagnosis> diagnosis = diagnoses.acceptingResult(patientId, connectionId, diagnosisId);
        if (diagnosis.isEmpty()) {
            LOG.warning(() -> "Upload for diagnosis " + diagnosisId + " from socket " + connectionId + " of patient "
                    + patientId + " ignored: not its live session");
            // a headset resending after its session ended hears that the first upload was received
            receipt.accept(uploads.find(diagnosisId).filter(u -> u.patientId() != null && u.patientId() == patientId).isPresent()
                    ? Receipt.DUPLICATE : Receipt.REFUSED);
            return;
        }
        long bytes = utf8Length(csv);
        if (bytes > MAX_UPLOAD_BYTES) {
            diagnoses.finish(diagnosisId, DiagnosisState.FAILED,
                    "upload of " + bytes + " bytes exceeds the limit of " + MAX_UPLOAD_BYTES + " bytes");
            receipt.accept(Receipt.TOO_LARGE);
            return;
        }
        Diagnosis d = diagnosis.get();
        if (!steps.claim(d, patientId, csv)) {
            LOG.warning(() -> "Repeated upload for diagnosis " + diagnosisId + " ignored (the first one counts)");
            receipt.accept(Receipt.DUPLICATE);
            return;
        }
        LOG.info(() -> "Result for diagnosis " + diagnosisId + " received (" + bytes + " bytes) from socket " + connectionId);
        audit.headset(AuditAction.RESULT_DELIVERED, patientId, diagnosisId, source.address(), source.userAgent(),
                "socket " + connectionId + (source.paired() ? ", paired" : ", unpaired") + ", " + bytes + " bytes");
        receipt.accept(Receipt.STORED);
        processor.process(diagnosisId);
    }

    /** UTF-8 length without encoding the whole text. */
    public static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
