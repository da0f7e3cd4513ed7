package kr.dat.patient;

import static kr.dat.platform.rest.InvalidParameterException.intPath;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import kr.dat.auth.DoctorLookup;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.rest.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/patients}: a doctor's patients (docs/protocol.md §3). */
@Path("patients")
@Tag(name = "patients", description = "A doctor's patients (DOCTOR only)")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    @Inject
    PatientService patients;

    @Inject
    DoctorLookup doctors;

    @Inject
    AppConfig config;

    @Inject
    HeadsetTokens headsetTokens;

    @POST
    @Operation(summary = "Register a patient", description = "Without a code, an automatic DDD-NNN code that is never reused.")
    @APIResponse(responseCode = "201", description = "The patient")
    @APIResponse(responseCode = "400", description = "이미 사용 중인 환자 코드입니다. / 의사당 최대 환자 수 초과 (doctor_id: N)")
    @APIResponse(responseCode = "403", description = "의사만 환자를 생성할 수 있습니다.")
    public Response create(@Valid @NotNull PatientRequests.Create body) {
        int doctorId = doctors.requireDoctor(PatientMessages.CREATE_FORBIDDEN);
        Patient created = patients.create(doctorId, body.name(), body.code());
        return Response.status(Response.Status.CREATED).entity(PatientView.of(created, config.apiZone())).build();
    }

    @GET
    @Operation(summary = "The caller's active patients, by id")
    @APIResponse(responseCode = "403", description = "의사만 환자 목록을 조회할 수 있습니다.")
    public List<PatientView> list() {
        int doctorId = doctors.requireDoctor(PatientMessages.LIST_FORBIDDEN);
        return patients.list(doctorId).stream().map(p -> PatientView.of(p, config.apiZone())).toList();
    }

    @PUT
    @Path("{patient_id}")
    @Operation(summary = "Rename a patient", description = "Only the name changes; null leaves it as it is.")
    @APIResponse(responseCode = "200", description = "The patient")
    @APIResponse(responseCode = "403", description = "의사만 환자 정보를 업데이트할 수 있습니다. / 다른 의사가 등록한 환자 정보는 수정할 수 없습니다.")
    @APIResponse(responseCode = "404", description = "환자를 찾을 수 없습니다.")
    public PatientView update(@PathParam("patient_id") String patientId, @Valid @NotNull PatientRequests.Update body) {
        int id = intPath("patient_id", patientId);
        int doctorId = doctors.requireDoctor(PatientMessages.UPDATE_FORBIDDEN);
        return PatientView.of(patients.rename(doctorId, id, body.name()), config.apiZone());
    }

    @DELETE
    @Path("{patient_id}")
    @Operation(summary = "Delete a patient", description = "A soft delete: the code stays taken, the live session is cancelled "
            + "and the headset disconnected.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "의사만 환자를 삭제할 수 있습니다. / 다른 의사가 등록한 환자는 삭제할 수 없습니다.")
    @APIResponse(responseCode = "404", description = "환자를 찾을 수 없습니다.")
    public Response delete(@PathParam("patient_id") String patientId) {
        int id = intPath("patient_id", patientId);
        int doctorId = doctors.requireDoctor(PatientMessages.DELETE_FORBIDDEN);
        patients.delete(doctorId, id);
        return Response.noContent().build();
    }

    @POST
    @Path("{patient_id}/headset-token")
    @Operation(summary = "Pair the patient's headset", description = "Issues a credential (256 random bits, URL-safe) that the "
            + "headset presents at the WebSocket handshake: Authorization: Bearer, ?token= or subprotocol dat.token.<token>. "
            + "Shown once, stored hashed; issuing again replaces the previous token.")
    @APIResponse(responseCode = "201", description = "{\"token\", \"created_at\"}")
    @APIResponse(responseCode = "404", description = "환자를 찾을 수 없습니다.")
    public Response pairHeadset(@PathParam("patient_id") String patientId) {
        int id = intPath("patient_id", patientId);
        int doctorId = doctors.requireDoctor(PatientMessages.UPDATE_FORBIDDEN);
        HeadsetTokens.Issued issued = headsetTokens.issue(doctorId, id);
        return Response.status(Response.Status.CREATED)
                .entity(new HeadsetTokenView(issued.token(), Times.format(issued.createdAt(), config.apiZone())))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{patient_id}/headset-token")
    @Operation(summary = "Unpair the patient's headset", description = "Revokes the headset token.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "환자를 찾을 수 없습니다.")
    public Response unpairHeadset(@PathParam("patient_id") String patientId) {
        int id = intPath("patient_id", patientId);
        int doctorId = doctors.requireDoctor(PatientMessages.UPDATE_FORBIDDEN);
        headsetTokens.revoke(doctorId, id);
        return Response.noContent().build();
    }

    /** The one-time view of a headset token. */
    @jakarta.json.bind.annotation.JsonbPropertyOrder({"token", "created_at"})
    public record HeadsetTokenView(String token, @jakarta.json.bind.annotation.JsonbProperty("created_at") String createdAt) {
    }
}
