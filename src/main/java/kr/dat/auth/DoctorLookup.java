package kr.dat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import kr.dat.platform.rest.DomainException;

/** The DOCTOR-only gate of the contract: wrong role → 403 with the route's text, no profile → 404. */
@ApplicationScoped
public class DoctorLookup {

    @Inject
    Caller caller;

    /** The caller's doctor id (found with the caller: no query of its own). */
    public int requireDoctor(String forbiddenMessage) {
        requireDoctorRole(forbiddenMessage);
        return caller.doctorId().orElseThrow(() -> DomainException.notFound(Messages.DOCTOR_NOT_FOUND));
    }

    /** The caller's doctor id after the role check; empty when the account has no doctor profile. */
    public Optional<Integer> doctorIdIfAny(String forbiddenMessage) {
        requireDoctorRole(forbiddenMessage);
        return caller.doctorId();
    }

    /** Only the role; for routes that do not look the profile up. */
    public void requireDoctorRole(String forbiddenMessage) {
        if (caller.role() != UserRole.DOCTOR) {
            throw DomainException.forbidden(forbiddenMessage);
        }
    }
}
