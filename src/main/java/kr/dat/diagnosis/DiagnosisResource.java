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
import kr.dat.auth.Authenticated;
import kr.dat.auth.DoctorLookup;
import kr.dat.platform.config.AppConfig;

/** {@code /api/diagnosis}: start, live, cancel (CONTRACT.md §4). The status stream is in the realtime feature. */
@Path("diagnosis")
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
    public Response start(@Valid @NotNull DiagnosisRequests.Start body) {
        int doctorId = doctors.requireDoctor(DiagnosisMessages.START_FORBIDDEN);
        DiagnosisService.Started started = diagnoses.start(doctorId, body.patientId(),
                DiagnosisType.valueOf(body.type()), body.level());
        return Response.status(Response.Status.CREATED).entity(DiagnosisView.of(started, config.apiZone())).build();
    }

    @GET
    @Path("live")
    public DiagnosisView live() {
        int doctorId = doctors.requireDoctor(DiagnosisMessages.LIVE_FORBIDDEN);
        return DiagnosisView.of(diagnoses.live(doctorId), config.apiZone());
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        int diagnosisId = intPath("id", id);
        int doctorId = doctors.requireDoctor(DiagnosisMessages.CANCEL_FORBIDDEN);
        diagnoses.cancel(doctorId, diagnosisId);
        return Response.ok().build();
    }
}
