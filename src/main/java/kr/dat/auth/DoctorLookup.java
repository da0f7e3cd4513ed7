package kr.dat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import kr.dat.platform.rest.DomainException;

/** The DOCTOR-only gate of the contract: wrong role → 403 with the route's text, no profile → 404. */
@ApplicationScoped
public class DoctorLookup {

    @Inject
    Caller caller;

    @Inject
    AccountRepository accounts;

    /** The caller's doctor id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int requireDoctor(String forbiddenMessage) {
        requireDoctorRole(forbiddenMessage);
        return accounts.findActiveDoctorByUserId(caller.userId())
                .orElseThrow(() -> DomainException.notFound(Messages.DOCTOR_NOT_FOUND))
                .id();
    }

    /** The caller's doctor id after the role check; empty when the account has no doctor profile. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> doctorIdIfAny(String forbiddenMessage) {
        requireDoctorRole(forbiddenMessage);
        return accounts.findActiveDoctorByUserId(caller.userId()).map(Doctor::id);
    }

    /** Only the role; for routes that do not look the profile up. */
    public void requireDoctorRole(String forbiddenMessage) {
        if (caller.role() != UserRole.DOCTOR) {
            throw DomainException.forbidden(forbiddenMessage);
        }
    }
}
