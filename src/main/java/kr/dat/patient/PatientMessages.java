package kr.dat.patient;

/** The exact {@code detail} texts of the wire contract for patients. */
final class PatientMessages {

    static final String CREATE_FORBIDDEN = "의사만 환자를 생성할 수 있습니다.";
    static final String LIST_FORBIDDEN = "의사만 환자 목록을 조회할 수 있습니다.";
    static final String UPDATE_FORBIDDEN = "의사만 환자 정보를 업데이트할 수 있습니다.";
    static final String DELETE_FORBIDDEN = "의사만 환자를 삭제할 수 있습니다.";
    static final String NOT_FOUND = "환자를 찾을 수 없습니다.";
    static final String UPDATE_NOT_OWNER = "다른 의사가 등록한 환자 정보는 수정할 수 없습니다.";
    static final String DELETE_NOT_OWNER = "다른 의사가 등록한 환자는 삭제할 수 없습니다.";
    static final String CODE_TAKEN = "이미 사용 중인 환자 코드입니다.";
    static final String TOO_MANY = "의사당 최대 환자 수 초과 (doctor_id: %d)";

    private PatientMessages() {
    }
}
