package kr.dat.auth;

/** The exact {@code detail} texts of the wire contract for accounts. */
public final class Messages {

    public static final String NO_TOKEN = "인증 토큰이 제공되지 않았습니다";
    public static final String AUTH_FAILED = "인증에 실패했습니다";
    public static final String BAD_ADMIN_CODE = "관리자 코드가 일치하지 않습니다";
    public static final String LOGIN_ID_TAKEN = "이미 사용 중인 로그인 ID입니다";
    public static final String BAD_CREDENTIALS = "로그인 ID 또는 비밀번호가 일치하지 않습니다";
    public static final String NO_REFRESH_TOKEN = "Refresh Token이 없습니다";
    public static final String BAD_REFRESH_TOKEN = "유효하지 않은 Refresh Token입니다";
    public static final String DOCTOR_NOT_FOUND = "의사 정보를 찾을 수 없습니다.";
    public static final String PASSWORD_NEEDS_LETTER = "비밀번호는 영문자를 최소 1자 이상 포함해야 합니다.";
    public static final String PASSWORD_NEEDS_DIGIT = "비밀번호는 숫자를 최소 1자 이상 포함해야 합니다.";

    private Messages() {
    }
}
