package kr.dat.result;

import static kr.dat.platform.rest.InvalidParameterException.instantQuery;
import static kr.dat.platform.rest.InvalidParameterException.intPath;
import static kr.dat.platform.rest.InvalidParameterException.intQuery;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.dat.audit.AuditAction;
import kr.dat.audit.AuditLog;
import kr.dat.auth.DoctorLookup;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.rest.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/diagnosis/record}: the doctor's result records (docs/protocol.md §7). */
@Path("diagnosis/record")
@Tag(name = "records", description = "Result records of COMPLETED sessions, for the patient's doctor only")
@Authenticated
public class RecordResource {

    static final String READ_FORBIDDEN = "의사만 진단 기록을 조회할 수 있습니다.";
    static final String DOWNLOAD_FORBIDDEN = "의사만 진단 기록을 다운로드할 수 있습니다.";

    @Inject
    RecordService records;

    @Inject
    DoctorLookup doctors;

    @Inject
    AppConfig config;

    @Inject
    AuditLog audit;

    @JsonbPropertyOrder({"id", "type", "level", "filename", "created_at"})
    public record Item(int id, String type, int level, String filename, @JsonbProperty("created_at") String createdAt) {
    }

    @JsonbPropertyOrder({"patient_id", "type", "level", "created_at", "filename", "score", "time_spent", "fps"})
    public record Metadata(@JsonbProperty("patient_id") int patientId, String type, int level,
                           @JsonbProperty("created_at") String createdAt, String filename,
                           @JsonbProperty(nillable = true) Double score,
                           @JsonbProperty(value = "time_spent", nillable = true) Double timeSpent,
                           @JsonbProperty(nillable = true) Double fps) {
    }

    @GET
    @Path("list")
    @Operation(summary = "A patient's records in a period, newest first",
            description = "Dates without an offset (2025-05-10T00:00:00) are read in Asia/Seoul.")
    @APIResponse(responseCode = "403", description = "의사만 진단 기록을 조회할 수 있습니다.")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Item> list(@QueryParam("patient_id") String patientId, @QueryParam("start_date") String startDate,
                           @QueryParam("end_date") String endDate) {
        int patient = intQuery("patient_id", patientId);
        Instant from = instantQuery("start_date", startDate, config.apiZone());
        Instant to = instantQuery("end_date", endDate, config.apiZone());
        Optional<Integer> doctorId = doctors.doctorIdIfAny(READ_FORBIDDEN);
        List<RecordRepository.Row> rows = records.list(doctorId, patient, from, to);
        audit.request(AuditAction.RECORD_LIST, patient, null, rows.size() + " record(s) " + startDate + " .. " + endDate);
        return rows.stream()
                .map(r -> new Item(r.diagnosisId(), r.type(), r.level(), r.fileName(),
                        Times.format(r.createdAt(), config.apiZone())))
                .toList();
    }

    @GET
    @Path("{id}/metadata")
    @Operation(summary = "Score, time spent and fps of a record")
    @APIResponse(responseCode = "404", description = "진단 기록을 찾을 수 없습니다.")
    @Produces(MediaType.APPLICATION_JSON)
    public Metadata metadata(@PathParam("id") String id) {
        int diagnosisId = intPath("id", id);
        RecordRepository.Row r = records.metadata(doctors.doctorIdIfAny(READ_FORBIDDEN), diagnosisId);
        audit.request(AuditAction.RECORD_METADATA, r.patientId(), diagnosisId, null);
        return new Metadata(r.patientId(), r.type(), r.level(), Times.format(r.createdAt(), config.apiZone()),
                r.fileName(), r.score(), r.timeSpent(), r.fps());
    }

    @GET
    @Path("{id}/file")
    @Operation(summary = "The processed CSV of a record")
    @APIResponse(responseCode = "200", description = "text/csv; Content-Disposition: attachment; filename=\"…\"")
    @APIResponse(responseCode = "403", description = "의사만 진단 기록을 다운로드할 수 있습니다.")
    @APIResponse(responseCode = "404", description = "진단 파일을 찾을 수 없습니다.")
    public Response file(@PathParam("id") String id) {
        int diagnosisId = intPath("id", id);
        RecordService.File f = records.file(doctors.doctorIdIfAny(DOWNLOAD_FORBIDDEN), diagnosisId);
        audit.request(AuditAction.RECORD_FILE, f.patientId(), diagnosisId, f.name());
        return Response.ok(f.content(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + percentEncode(f.name()) + "\"")
                .build();
    }

    /** Percent-encodes like Python's {@code urllib.parse.quote}: letters, digits and {@code _.-~/} stay. */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
