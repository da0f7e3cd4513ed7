package kr.dat.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One row of {@code audit_events}; written once, never changed (a trigger refuses updates). */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private LocalDateTime at;

    @Column(nullable = false, updatable = false, length = 40)
    private String action;

    @Column(name = "user_id", updatable = false)
    private Integer userId;

    @Column(name = "login_id", updatable = false, length = 50)
    private String loginId;

    @Column(name = "patient_id", updatable = false)
    private Integer patientId;

    @Column(name = "diagnosis_id", updatable = false)
    private Integer diagnosisId;

    @Column(updatable = false, length = 45)
    private String address;

    @Column(name = "user_agent", updatable = false, length = 255)
    private String userAgent;

    @Column(updatable = false, length = 255)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(LocalDateTime at, String action, Integer userId, String loginId, Integer patientId, Integer diagnosisId,
               String address, String userAgent, String detail) {
        this.at = at;
        this.action = action;
        this.userId = userId;
        this.loginId = loginId;
        this.patientId = patientId;
        this.diagnosisId = diagnosisId;
        this.address = address;
        this.userAgent = userAgent;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public LocalDateTime at() {
        return at;
    }

    public String action() {
        return action;
    }

    public Integer userId() {
        return userId;
    }

    public String loginId() {
        return loginId;
    }

    public Integer patientId() {
        return patientId;
    }

    public Integer diagnosisId() {
        return diagnosisId;
    }

    public String address() {
        return address;
    }

    public String userAgent() {
        return userAgent;
    }

    public String detail() {
        return detail;
    }
}
