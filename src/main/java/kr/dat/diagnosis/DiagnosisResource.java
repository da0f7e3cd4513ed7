package kr.dat.diagnosis;

import static kr.dat.platform.rest.InvalidParameterException.intPath;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.dat.auth.DoctorLookup;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.rest.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/diagnosis}: start, live, cancel (docs/protocol.md §4). The status stream is in the realtime feature. */
@Path("diagnosis")
@Tag(name = "diagnosis", description = "Diagnosis sessions (DOCTOR only)")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisResource {

    @Inject
    DiagnosisService diagnoses;

    @Inject
    DoctorLookup doctors;

    @Inject
    AppConfig config;

    @POST
    @Path("start")
    @Operation(summary = "Start a session", description = "The patient's headset must be connected; it receives "
            + "s_start_diagnosis. A doctor has at most one live session.")
    @APIResponse(responseCode = "201", description = "{\"id\", \"code\", \"expired_at\"}")
    @APIResponse(responseCode = "400", description = "환자가 로그인 상태가 아닙니다. / 진행중인 진단 세션이 있습니다")
    @APIResponse(responseCode = "403", description = "의사만 진단을 시작할 수 있습니다.")
    @APIResponse(responseCode = "404", description = "의사 정보를 찾을 수 없습니다. / 환자를 찾을 수 없습니다.")
    public Response start(@Valid @NotNull DiagnosisRequests.Start body) {
        int doctorId = doctors.requireDoctor(DiagnosisMessages.START_FORBIDDEN);
        DiagnosisService.Started started = diagnoses.start(doctorId, body.patientId(),
                DiagnosisType.valueOf(body.type()), body.level());
        return Response.status(Response.Status.CREATED).entity(DiagnosisView.of(started, config.apiZone())).build();
    }

    @GET
    @Path("live")
    @Operation(summary = "The caller's live session")
    @APIResponse(responseCode = "200", description = "{\"id\", \"code\", \"expired_at\"}")
    @APIResponse(responseCode = "404", description = "진행중인 진단 세션을 찾을 수 없습니다.")
    public DiagnosisView live() {
        int doctorId = doctors.requireDoctor(DiagnosisMessages.LIVE_FORBIDDEN);
        return DiagnosisView.of(diagnoses.live(doctorId), config.apiZone());
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a session", description = "The headset receives s_stop_diagnosis.")
    @APIResponse(responseCode = "200", description = "Empty body")
    @APIResponse(responseCode = "400", description = "이미 완료된 진단입니다.")
    @APIResponse(responseCode = "403", description = "의사만 진단을 취소할 수 있습니다. / 해당 진단에 대한 권한이 없습니다.")
    @APIResponse(responseCode = "404", description = "진단을 찾을 수 없습니다")
    public Response cancel(@PathParam("id") String id) {
        int diagnosisId = intPath("id", id);
        int doctorId = doctors.requireDoctor(DiagnosisMessages.CANCEL_FORBIDDEN);
        diagnoses.cancel(doctorId, diagnosisId);
        return Response.ok().build();
    }
}
