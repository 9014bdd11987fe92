package dev.waagent.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI description micronaut-openapi generated from these controllers at build time (no key needed). */
@Controller("/admin")
@Hidden
public class OpenApiController {

    /** Where micronaut-openapi writes it: {@code <title>-<version>.yml}, see AdminApiDefinition. */
    static final String RESOURCE = "META-INF/swagger/wa-agent-admin-api-1.0.yml";

    private final byte[] description;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            this.description = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<byte[]> openApi() {
        return description.length == 0 ? HttpResponse.notFound() : HttpResponse.ok(description);
    }
}
