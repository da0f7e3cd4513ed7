package kr.dat.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** All REST resources live directly under the context root {@code /api}. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "DAT server", version = RootResource.VERSION,
                description = "Back end of the DAT VR diagnosis system. The headset WebSocket protocol is described "
                        + "at /api/docs and in /api/asyncapi.yaml."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class RestApplication extends Application {
}
