package kr.dat.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources live directly under the context root {@code /api}. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
