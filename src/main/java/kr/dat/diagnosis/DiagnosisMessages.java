package kr.dat.diagnosis;

/** The exact {@code detail} texts of the wire contract for diagnosis sessions. */
public final class DiagnosisMessages {

    static final String START_FORBIDDEN = "의사만 진단을 시작할 수 있습니다.";
    static final String LIVE_FORBIDDEN = "의사만 진단 세션을 확인할 수 있습니다.";
    static final String CANCEL_FORBIDDEN = "의사만 진단을 취소할 수 있습니다.";
    public static final String STATUS_FORBIDDEN = "의사만 진단 상태를 확인할 수 있습니다.";
    static final String PATIENT_NOT_CONNECTED = "환자가 로그인 상태가 아닙니다.";
    static final String ALREADY_LIVE = "진행중인 진단 세션이 있습니다";
    static final String NO_LIVE = "진행중인 진단 세션을 찾을 수 없습니다.";
    static final String NOT_FOUND = "진단을 찾을 수 없습니다";
    static final String NOT_YOURS = "해당 진단에 대한 권한이 없습니다.";
    static final String ALREADY_FINISHED = "이미 완료된 진단입니다.";

    private DiagnosisMessages() {
    }
}
