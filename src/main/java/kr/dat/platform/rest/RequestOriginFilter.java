package kr.dat.platform.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import kr.dat.platform.config.AppConfig;

/** Records every API request's client address and User-Agent in {@link RequestOrigin}. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestOriginFilter implements ContainerRequestFilter {

    @Inject
    RequestOrigin origin;

    @Inject
    AppConfig config;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        origin.from(ClientAddress.of(http, config.trustProxyHeaders()), request.getHeaderString("User-Agent"));
    }
}
