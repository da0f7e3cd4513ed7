package kr.dat.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kr.dat.patient.PatientService;
import kr.dat.platform.rest.DomainException;
import kr.dat.storage.ObjectStore;
import kr.dat.storage.StorageException;

/** Result records, for the doctor who owns the patient only; anyone else sees nothing (docs/protocol.md §7). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecordService {

    static final String NOT_FOUND = "진단 기록을 찾을 수 없습니다.";
    static final String FILE_NOT_FOUND = "진단 파일을 찾을 수 없습니다.";
    static final String STORAGE_DOWN = "진단 파일 저장소에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.";

    @Inject
    RecordRepository records;

    @Inject
    PatientService patients;

    @Inject
    ObjectStore store;

    /** A processed file to download. */
    public record File(int patientId, String name, String content) {
    }

    /** Another doctor's patient has no records, as far as the caller can tell. */
    public List<RecordRepository.Row> list(Optional<Integer> doctorId, int patientId, Instant from, Instant to) {
        if (doctorId.isEmpty() || !patients.registeredBy(doctorId.get(), patientId)) {
            return List.of();
        }
        return records.list(patientId, utc(from), utc(to));
    }

    public RecordRepository.Row metadata(Optional<Integer> doctorId, int diagnosisId) {
        return own(doctorId, diagnosisId).orElseThrow(() -> DomainException.notFound(NOT_FOUND));
    }

    public File file(Optional<Integer> doctorId, int diagnosisId) {
        RecordRepository.Row row = own(doctorId, diagnosisId)
                .filter(r -> r.processedPath() != null)
                .orElseThrow(() -> DomainException.notFound(FILE_NOT_FOUND));
        try {
            String content = store.getText(row.processedPath())
                    .orElseThrow(() -> DomainException.notFound(FILE_NOT_FOUND));
            return new File(row.patientId(), row.fileName(), content);
        } catch (StorageException e) {
            throw new DomainException(503, STORAGE_DOWN);
        }
    }

    private Optional<RecordRepository.Row> own(Optional<Integer> doctorId, int diagnosisId) {
        return doctorId.flatMap(doc -> records.find(diagnosisId).filter(r -> patients.registeredBy(doc, r.patientId())));
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
