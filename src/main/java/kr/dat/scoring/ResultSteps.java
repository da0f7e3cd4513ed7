package kr.dat.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import kr.dat.diagnosis.Diagnosis;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.diagnosis.DiagnosisState;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;

/**
 * The database steps of the result pipeline, each its own short transaction: no call to the
 * bucket ever runs while a transaction holds locks.
 */
@ApplicationScoped
@Transactional
public class ResultSteps {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Inject
    ResultRepository results;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    AppConfig config;

    /**
     * Keeps the upload durably and marks the session as waiting for it only; false if the
     * diagnosis already has one. Names the files by the KST upload time.
     */
    public boolean claim(Diagnosis d, int patientId, String csv) {
        LocalDateTime now = Times.nowUtc();
        String stamp = now.atOffset(ZoneOffset.UTC).atZoneSameInstant(config.apiZone()).format(STAMP);
        String fileName = d.type().name() + "_" + d.level() + "_" + stamp + ".csv";
        if (!results.claim(d.id(), patientId, fileName, csv, now)) {
            return false;
        }
        diagnoses.markResultPending(d.id()); // same transaction: held and pending, or neither
        return true;
    }

    public boolean lease(int diagnosisId) {
        return results.lease(diagnosisId, Times.nowUtc(), ResultProcessor.LEASE_SECONDS);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResultUpload> upload(int diagnosisId) {
        return results.find(diagnosisId);
    }

    public void rawStored(int diagnosisId) {
        results.markRawStored(diagnosisId);
    }

    public void retryAt(int diagnosisId, LocalDateTime when, String error) {
        results.retryAt(diagnosisId, when, error);
    }

    public void failed(int diagnosisId, String reason) {
        diagnoses.finish(diagnosisId, DiagnosisState.FAILED, reason);
        results.markDone(diagnosisId, reason);
    }

    public void completed(int diagnosisId, String original, String processed, ScoredResult scored) {
        if (diagnoses.finish(diagnosisId, DiagnosisState.COMPLETED, null)) {
            results.persist(new DiagnosisResult(diagnosisId, original, processed, scored, Times.nowUtc()));
            results.markDone(diagnosisId, null);
        } else {
            results.markDone(diagnosisId, "the session had already ended; files kept, no record made");
        }
    }
}
