package kr.dat.realtime;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import kr.dat.diagnosis.DiagnosisEvents;
import kr.dat.patient.PatientService;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;

/**
 * Turns domain events into cluster messages, inside the transaction that fired them: PostgreSQL
 * delivers them to every node when (and only if) that transaction commits.
 */
@ApplicationScoped
public class EventRelay {

    @Inject
    ClusterBus bus;

    @Inject
    AppConfig config;

    void stateChanged(@Observes DiagnosisEvents.StateChanged e) {
        bus.publish(BusMessages.state(e.diagnosisId(), e.state().name(), Times.format(e.updatedAt(), config.apiZone())));
    }

    void startHeadset(@Observes DiagnosisEvents.StartHeadset e) {
        bus.publish(BusMessages.headsetFrame(e.patientId(), HeadsetFrames.start(e.diagnosisId(), e.type().name(), e.level())));
    }

    void stopHeadset(@Observes DiagnosisEvents.StopHeadset e) {
        bus.publish(BusMessages.headsetFrame(e.patientId(), HeadsetFrames.stop()));
    }

    /** After the diagnosis feature cancelled the patient's session (its observer runs first). */
    void patientDeleted(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) PatientService.PatientDeleted e) {
        bus.publish(BusMessages.close(e.patientId()));
    }
}
