package kr.dat.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import kr.dat.diagnosis.Diagnosis;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.diagnosis.DiagnosisState;

/**
 * Accepts a headset's result upload (CONTRACT.md §6, SCORING.md): size first, then a durable claim
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

    /** Called off the socket's I/O thread. */
    public void accept(int patientId, int diagnosisId, String csv) {
        Optional<Diagnosis> diagnosis = diagnoses.acceptingResult(patientId, diagnosisId);
        if (diagnosis.isEmpty()) {
            LOG.warning(() -> "Upload for diagnosis " + diagnosisId + " from the headset of patient " + patientId
                    + " ignored: not its live session");
            return;
        }
        long bytes = utf8Length(csv);
        if (bytes > MAX_UPLOAD_BYTES) {
            diagnoses.finish(diagnosisId, DiagnosisState.FAILED,
                    "upload of " + bytes + " bytes exceeds the limit of " + MAX_UPLOAD_BYTES + " bytes");
            return;
        }
        Diagnosis d = diagnosis.get();
        if (!steps.claim(d, patientId, csv)) {
            LOG.warning(() -> "Repeated upload for diagnosis " + diagnosisId + " ignored (the first one counts)");
            return;
        }
        LOG.info(() -> "Result for diagnosis " + diagnosisId + " received (" + bytes + " bytes)");
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
