package kr.dat.diagnosis;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.ZoneId;
import kr.dat.platform.config.Times;

/** {@code {"id","code","expired_at"}}: the answer of /start and /live. */
@JsonbPropertyOrder({"id", "code", "expired_at"})
public record DiagnosisView(int id, String code, @JsonbProperty("expired_at") String expiredAt) {

    static DiagnosisView of(DiagnosisService.Started s, ZoneId zone) {
        return new DiagnosisView(s.id(), s.code(), Times.format(s.expiredAt(), zone));
    }
}
