package kr.dat.audit;

import static kr.dat.platform.rest.InvalidParameterException.instantQuery;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.rest.Authenticated;
import kr.dat.platform.rest.DomainException;
import kr.dat.platform.rest.InvalidParameterException;
import kr.dat.platform.rest.RequestOrigin;
import kr.dat.platform.rest.ValidationError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/admin/audit}: the audit trail, for ADMIN users only. Reading it is itself recorded. */
@Path("admin/audit")
@Tag(name = "audit", description = "Access records (ADMIN only)")
@Authenticated
public class AuditResource {

    static final String FORBIDDEN = "관리자만 감사 기록을 조회할 수 있습니다.";
    static final int MAX_SIZE = 200;

    @Inject
    AuditWriter events;

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

    @Inject
    AppConfig config;

    @JsonbPropertyOrder({"id", "at", "action", "user_id", "login_id", "patient_id", "diagnosis_id", "address",
            "user_agent", "detail"})
    public record Item(long id, String at, String action, @JsonbProperty("user_id") Integer userId,
                       @JsonbProperty("login_id") String loginId, @JsonbProperty("patient_id") Integer patientId,
                       @JsonbProperty("diagnosis_id") Integer diagnosisId, String address,
                       @JsonbProperty("user_agent") String userAgent, String detail) {
    }

    @JsonbPropertyOrder({"total", "page", "size", "items"})
    public record Page(long total, int page, int size, List<Item> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit events, newest first",
            description = "Filters: user_id, patient_id, from, to (ISO-8601; without an offset in Asia/Seoul); page from 0, size 1–200 (50).")
    @APIResponse(responseCode = "403", description = FORBIDDEN)
    public Page list(@QueryParam("user_id") String userId, @QueryParam("patient_id") String patientId,
                     @QueryParam("from") String from, @QueryParam("to") String to,
                     @QueryParam("page") String page, @QueryParam("size") String size) {
        if (!"ADMIN".equals(origin.role())) {
            throw DomainException.forbidden(FORBIDDEN);
        }
        Integer user = optionalInt("user_id", userId);
        Integer patient = optionalInt("patient_id", patientId);
        LocalDateTime fromUtc = from == null ? null : utc(instantQuery("from", from, config.apiZone()));
        LocalDateTime toUtc = to == null ? null : utc(instantQuery("to", to, config.apiZone()));
        int p = bounded("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = bounded("size", size, 50, 1, MAX_SIZE);
        audit.flush(); // every event logged before this request is in the table
        List<Item> items = events.find(user, patient, fromUtc, toUtc, p * s, s).stream()
                .map(e -> new Item(e.id(), Times.format(e.at(), config.apiZone()), e.action(), e.userId(), e.loginId(),
                        e.patientId(), e.diagnosisId(), e.address(), e.userAgent(), e.detail()))
                .toList();
        long total = events.count(user, patient, fromUtc, toUtc);
        audit.request(AuditAction.AUDIT_READ, patient, null, "user " + user + ", page " + p);
        return new Page(total, p, s, items);
    }

    private static LocalDateTime utc(java.time.Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Integer optionalInt(String name, String raw) {
        return raw == null ? null : InvalidParameterException.intQuery(name, raw);
    }

    private static int bounded(String name, String raw, int absent, int min, int max) {
        if (raw == null) {
            return absent;
        }
        int v = InvalidParameterException.intQuery(name, raw);
        if (v < min || v > max) {
            throw new InvalidParameterException(new ValidationError(v < min ? "greater_than_equal" : "less_than_equal",
                    List.of("query", name), v < min ? "Input should be greater than or equal to " + min
                    : "Input should be less than or equal to " + max, raw, null));
        }
        return v;
    }
}
