package kr.dat.platform.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/}: which server this is. */
@Path("")
public class RootResource {

    public static final String VERSION = "2.0.0";

    public record Version(String version) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Version version() {
        return new Version(VERSION);
    }
}
