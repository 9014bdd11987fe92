package dev.waagent.backoffice;

import dev.waagent.backoffice.input.Bodies;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two demo businesses (a camera and cine gear rental shop in Pune, a used-car showroom in Jakarta) with their
 * agent configuration, knowledge base, catalog and staff, from {@code demo/<tenant-id>/*.json} (the import
 * formats). Each part is seeded only when missing, so a restart keeps edits and finishes an interrupted seed.
 */
@Singleton
public class DemoSeeder {

    public static final List<String> DEMO_TENANT_IDS = List.of("pune-camera-rentals", "jakarta-used-cars");
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final TenantService tenants;
    private final KnowledgeService knowledge;
    private final CatalogService catalog;
    private final StaffService staff;
    private final Bodies bodies;

    public DemoSeeder(TenantService tenants, KnowledgeService knowledge, CatalogService catalog, StaffService staff,
                      Bodies bodies) {
        this.tenants = tenants;
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.staff = staff;
        this.bodies = bodies;
    }

    /** Seeds whatever of the demo tenants is missing; returns the ids of the tenants it touched. */
    public List<String> seedMissing() {
        List<String> touched = new ArrayList<>();
        for (String tenantId : DEMO_TENANT_IDS) {
            if (seed(tenantId)) {
                touched.add(tenantId);
            }
        }
        return touched;
    }

    private boolean seed(String tenantId) {
        boolean touched = false;
        if (tenants.find(tenantId).isEmpty()) {
            JsonNode tenant = bodies.jsonTree(resource(tenantId, "tenant.json"));
            JsonNode configuration = bodies.jsonTree(resource(tenantId, "agent-configuration.json"));
            tenants.create(TenantCommand.fromJson(tenant), AgentConfigurationCommand.fromJson(tenantId, configuration).configuration());
            touched = true;
        }
        if (knowledge.count(tenantId) == 0) {
            ImportReport report = knowledge.importFile(tenantId, ImportFormat.JSON, resource(tenantId, "knowledge.json"));
            LOG.info("demo tenant {}: {} knowledge entries seeded", tenantId, report.imported());
            touched = true;
        }
        if (catalog.list(tenantId, 0, 1).isEmpty()) {
            ImportReport report = catalog.importFile(tenantId, ImportFormat.JSON, resource(tenantId, "catalog.json"));
            LOG.info("demo tenant {}: {} catalog items seeded", tenantId, report.imported());
            touched = true;
        }
        if (staff.list(tenantId).isEmpty()) {
            for (JsonNode member : bodies.jsonTree(resource(tenantId, "staff.json")).values()) {
                staff.create(tenantId, StaffCommand.fromJson(member));
            }
            touched = true;
        }
        return touched;
    }

    /** A demo file: {@code demo/<tenantId>/<name>} on the classpath. */
    public static byte[] resource(String tenantId, String name) {
        String path = "demo/" + tenantId + "/" + name;
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
