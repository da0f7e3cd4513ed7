package kr.dat.patient;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.ZoneId;
import kr.dat.platform.config.Times;

/** Patient as the API shows it. */
@JsonbPropertyOrder({"id", "code", "name", "created_at", "updated_at"})
public record PatientView(int id, String code, String name,
                          @JsonbProperty("created_at") String createdAt,
                          @JsonbProperty("updated_at") String updatedAt) {

    static PatientView of(Patient p, ZoneId zone) {
        return new PatientView(p.id(), p.code(), p.name(),
                Times.format(p.createdAt(), zone), Times.format(p.updatedAt(), zone));
    }
}
