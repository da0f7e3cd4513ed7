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
import kr.dat.auth.Authenticated;
import kr.dat.auth.DoctorLookup;
import kr.dat.platform.config.AppConfig;

/** {@code /api/patients}: a doctor's patients (CONTRACT.md §3). */
@Path("patients")
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

    @POST
    public Response create(@Valid @NotNull PatientRequests.Create body) {
        int doctorId = doctors.requireDoctor(PatientMessages.CREATE_FORBIDDEN);
        Patient created = patients.create(doctorId, body.name(), body.code());
        return Response.status(Response.Status.CREATED).entity(PatientView.of(created, config.apiZone())).build();
    }

    @GET
    public List<PatientView> list() {
        int doctorId = doctors.requireDoctor(PatientMessages.LIST_FORBIDDEN);
        return patients.list(doctorId).stream().map(p -> PatientView.of(p, config.apiZone())).toList();
    }

    @PUT
    @Path("{patient_id}")
    public PatientView update(@PathParam("patient_id") String patientId, @Valid @NotNull PatientRequests.Update body) {
        int id = intPath("patient_id", patientId);
        int doctorId = doctors.requireDoctor(PatientMessages.UPDATE_FORBIDDEN);
        return PatientView.of(patients.rename(doctorId, id, body.name()), config.apiZone());
    }

    @DELETE
    @Path("{patient_id}")
    public Response delete(@PathParam("patient_id") String patientId) {
        int id = intPath("patient_id", patientId);
        int doctorId = doctors.requireDoctor(PatientMessages.DELETE_FORBIDDEN);
        patients.delete(doctorId, id);
        return Response.noContent().build();
    }
}
