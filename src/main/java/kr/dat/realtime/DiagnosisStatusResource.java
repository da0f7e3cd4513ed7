package kr.dat.realtime;

import static kr.dat.platform.rest.InvalidParameterException.intPath;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import kr.dat.auth.DoctorLookup;
import kr.dat.diagnosis.Diagnosis;
import kr.dat.diagnosis.DiagnosisMessages;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.rest.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/diagnosis/{id}/status}: the doctor's live view of a session (docs/protocol.md §5). */
@Path("diagnosis/{id}/status")
@Tag(name = "diagnosis")
@Authenticated
public class DiagnosisStatusResource {

    @Inject
    DoctorLookup doctors;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    StatusStreams streams;

    @Inject
    AppConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Watch a session (Server-Sent Events)", description = "data: {\"id\": 12, \"state\": \"READY\", "
            + "\"timestamp\": \"…+09:00\"} at once, then every change as it happens; ': ping' every 10 s; the stream "
            + "ends after a final state.")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "403", description = "의사만 진단 상태를 확인할 수 있습니다. / 해당 진단에 대한 권한이 없습니다.")
    @APIResponse(responseCode = "404", description = "진단을 찾을 수 없습니다")
    public void status(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse,
                       @Context HttpServletRequest request, @Context HttpServletResponse response) {
        int diagnosisId = intPath("id", id);
        int doctorId = doctors.requireDoctor(DiagnosisMessages.STATUS_FORBIDDEN);
        diagnoses.status(doctorId, diagnosisId); // 404/403 as plain JSON before the stream opens
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Connection", "keep-alive");
        response.setHeader("X-Accel-Buffering", "no");
        if (request.isAsyncStarted()) {
            request.getAsyncContext().setTimeout(0); // a stream lasts as long as the session (~30 min)
        }
        StatusStreams.Stream stream = streams.open(diagnosisId, sink, sse);
        Diagnosis snapshot;
        try {
            snapshot = diagnoses.status(doctorId, diagnosisId);
        } catch (RuntimeException e) { // the database failed between the two reads: no half-open stream is left
            stream.close();
            throw e;
        }
        stream.sendSnapshot(snapshot.state().name(), Times.format(snapshot.updatedAt(), config.apiZone()));
    }
}
