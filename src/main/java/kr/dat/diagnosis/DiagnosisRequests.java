package kr.dat.diagnosis;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kr.dat.platform.rest.ErrorType;

/** Request bodies of {@code /api/diagnosis}. */
public final class DiagnosisRequests {

    private DiagnosisRequests() {
    }

    public record Start(
            @JsonbProperty("patient_id") @NotNull Integer patientId,
            @NotNull
            @Pattern(regexp = DiagnosisType.STARTABLE, message = "Input should be 'BALANCEBALL', 'FITBOX' or 'TENNISBALL'",
                    payload = ErrorType.Enum.class)
            String type,
            @NotNull @Min(1) @Max(3) Integer level) {
    }
}
