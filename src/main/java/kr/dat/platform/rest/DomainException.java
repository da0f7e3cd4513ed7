package kr.dat.platform.rest;

import jakarta.ws.rs.core.Response;

/**
 * A business rule said no. Carries the HTTP status and the exact {@code detail} text of the wire
 * contract; {@link DomainExceptionMapper} renders it. Like any unchecked exception it rolls back the
 * {@code @Transactional} method it leaves, unless that method names it in {@code dontRollbackOn}.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String detail;

    public DomainException(Response.Status status, String detail) {
        this(status.getStatusCode(), detail);
    }

    public DomainException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    public static DomainException badRequest(String detail) {
        return new DomainException(Response.Status.BAD_REQUEST, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Response.Status.FORBIDDEN, detail);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Response.Status.NOT_FOUND, detail);
    }

    public static DomainException unauthorized(String detail) {
        return new DomainException(Response.Status.UNAUTHORIZED, detail);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
