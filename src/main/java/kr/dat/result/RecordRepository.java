package kr.dat.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The read model of result records: a COMPLETED diagnosis with its result. Whose patient it is,
 * is not decided here but by the patient feature ({@link RecordService}).
 */
@ApplicationScoped
public class RecordRepository {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    /** One record as the endpoints show it. Timestamps naive UTC; metrics may be NULL in old rows. */
    public record Row(int diagnosisId, int patientId, String type, int level, LocalDateTime createdAt,
                      String originalPath, String processedPath, Double score, Double timeSpent, Double fps) {

        public String fileName() {
            String path = processedPath != null ? processedPath : originalPath;
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private static final String SELECT = "SELECT d.id, d.patient_id, d.type::text, d.level, d.created_at, "
            + "r.original_file_path, r.processed_file_path, r.score, r.time_spent, r.fps "
            + "FROM diagnoses d JOIN diagnosis_results r ON r.diagnosis_id = d.id AND NOT r.is_deleted "
            + "WHERE d.state = 'COMPLETED' AND NOT d.is_deleted ";

    public List<Row> list(int patientId, LocalDateTime fromUtc, LocalDateTime toUtc) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "AND d.patient_id = :patient "
                        + "AND d.created_at BETWEEN :from AND :to ORDER BY d.created_at DESC, d.id DESC")
                .setParameter("patient", patientId)
                .setParameter("from", fromUtc).setParameter("to", toUtc)
                .getResultList();
        return rows.stream().map(RecordRepository::row).toList();
    }

    public Optional<Row> find(int diagnosisId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "AND d.id = :id ORDER BY r.id DESC LIMIT 1")
                .setParameter("id", diagnosisId)
                .getResultList();
        return rows.stream().findFirst().map(RecordRepository::row);
    }

    private static Row row(Object[] c) {
        return new Row(((Number) c[0]).intValue(), ((Number) c[1]).intValue(), (String) c[2], ((Number) c[3]).intValue(),
                toLocal(c[4]), (String) c[5], (String) c[6], dbl(c[7]), dbl(c[8]), dbl(c[9]));
    }

    private static LocalDateTime toLocal(Object o) {
        if (o instanceof LocalDateTime l) {
            return l;
        }
        return ((java.sql.Timestamp) o).toLocalDateTime();
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
