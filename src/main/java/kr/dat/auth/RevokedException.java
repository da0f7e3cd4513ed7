package kr.dat.auth;

import kr.dat.platform.rest.DomainException;

/**
 * A refresh token was reused or moved to another client: its login family has been revoked. The
 * transaction commits (the revocation must stick) and the client gets the usual 401.
 */
public class RevokedException extends DomainException {

    public RevokedException() {
        super(401, Messages.BAD_REFRESH_TOKEN);
    }
}
