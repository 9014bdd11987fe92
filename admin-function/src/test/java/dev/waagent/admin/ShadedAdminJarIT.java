package dev.waagent.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployable admin jar fits Lambda's limit and, on its own, serves a tenant creation, an import and a search. */
class ShadedAdminJarIT {

    private static final Path JAR = Path.of("target", "wa-agent-admin-lambda.jar");
    /** Lambda's limit for a function's unzipped deployment package. */
    private static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

    @Test
    void theDeployableJarFitsLambdasUnzippedLimit() throws IOException {
        long unzipped = 0;
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                unzipped += Math.max(0, entry.getSize());
            }
        }
        assertThat(unzipped).isLessThan(LAMBDA_UNZIPPED_LIMIT);
    }

    @Test
    void theTrimmedJarServesTheAdminApi() throws Exception {
        Path testClasses = Path.of("target", "test-classes");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR + java.io.File.pathSeparator + testClasses, "dev.waagent.admin.ShadedAdminJarProbe")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SHADED-ADMIN-JAR-OK");
    }
}
