package kr.dat.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.diagnosis.Diagnosis;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.diagnosis.DiagnosisState;
import kr.dat.platform.config.Times;
import kr.dat.storage.ObjectStore;
import kr.dat.storage.StorageException;

/**
 * Works an accepted upload to its end: original file into the bucket first, then scoring, the
 * processed file, the result row and COMPLETED — or FAILED with the reason (the original kept).
 * Each step is recorded, so a retry after a storage outage or a restart resumes where it stopped.
 */
@ApplicationScoped
public class ResultProcessor {

    static final int LEASE_SECONDS = 120;
    private static final Logger LOG = Logger.getLogger(ResultProcessor.class.getName());

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ObjectStore store;

    @Inject
    ResultSteps steps;

    @Inject
    ResultMetrics metrics;

    /** Processes the upload if no other worker is on it. Never throws. */
    public void process(int diagnosisId) {
        try {
            if (!steps.lease(diagnosisId)) {
                return;
            }
            run(diagnosisId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Processing the result of diagnosis " + diagnosisId + " failed; it is retried", e);
        }
    }

    private void run(int diagnosisId) {
        Optional<ResultUpload> found = steps.upload(diagnosisId);
        Optional<Diagnosis> diagnosis = diagnoses.find(diagnosisId);
        if (found.isEmpty() || found.get().done() || diagnosis.isEmpty()) {
            return;
        }
        ResultUpload u = found.get();
        String original = "diagnosis/" + diagnosisId + "/original/" + u.fileName();
        String processedKey = "diagnosis/" + diagnosisId + "/processed/" + u.fileName();
        try {
            if (!u.rawStored()) {
                store.putText(original, u.content());
                steps.rawStored(diagnosisId);
            }
            ScoredResult scored;
            long t0 = System.nanoTime();
            try {
                scored = ResultScorer.score(u.content(), diagnosis.get().type());
                metrics.scored(System.nanoTime() - t0);
            } catch (ScoringException e) {
                steps.failed(diagnosisId, "the result CSV was rejected: " + e.getMessage());
                return;
            }
            store.putText(processedKey, scored.processedCsv());
            steps.completed(diagnosisId, original, processedKey, scored);
        } catch (StorageException e) {
            int attempt = u.attempts() + 1;
            LocalDateTime retry = Times.nowUtc().plusSeconds(Math.min(60, 2L << Math.min(attempt, 5)));
            LOG.warning(() -> "Result of diagnosis " + diagnosisId + " kept in the database: " + e.getMessage()
                    + " (" + rootCause(e) + "); attempt " + attempt + ", next at " + retry + " UTC");
            steps.retryAt(diagnosisId, retry, e.getMessage() + ": " + rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
