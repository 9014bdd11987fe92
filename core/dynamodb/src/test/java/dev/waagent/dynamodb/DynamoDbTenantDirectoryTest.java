package dev.waagent.dynamodb;

import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbTenantDirectoryTest {

    private static ApplicationContext context;
    private static TenantDirectory directory;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString(),
                "wa.dynamodb.create-tables", true,
                "wa.dynamodb.tenant-cache-ttl", "0s",
                "wa.dynamodb.conversations-table", "directory-test-conversations",
                "wa.dynamodb.tenants-table", "directory-test-tenants"));
        directory = context.getBean(TenantDirectory.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void staffOpeningHoursAndTemplatesSurviveTheRoundTrip() {
        String id = "t-" + UUID.randomUUID();
        String number = "pn-" + UUID.randomUUID();
        Tenant tenant = new Tenant(id, "Lensman Rentals", "whatsapp", number, "+91 20 5555 0101", "app", "token",
                "Asha", "friendly", "Baner Road, Pune", ZoneId.of("Asia/Kolkata"), List.of("en", "hi"), List.of("primary"),
                true,
                List.of(new StaffContact("919800000001", "Rohan | owner", StaffContact.Role.OWNER),
                        new StaffContact("919800000002", "Meera", StaffContact.Role.STAFF)),
                OpeningHours.parse(Map.of("mon", "10:00-13:00,14:00-20:00", "sun", "closed")),
                List.of(new ApprovedTemplate(ApprovedTemplate.FOLLOW_UP, "rental_follow_up", "en_US",
                        List.of("customer_name", "topic")), new ApprovedTemplate("booking_reminder", "reminder", "hi", List.of())),
                true);

        directory.save(tenant);

        assertThat(directory.findById(id)).contains(tenant);
        assertThat(directory.findById(id).orElseThrow().richMessages()).isTrue();
        assertThat(directory.findByBusinessNumber("whatsapp", number).orElseThrow().staffMember("919800000001"))
                .map(StaffContact::name).contains("Rohan | owner");
    }

    @Test
    void aTenantWithoutStaffOrHoursReadsBackEmpty() {
        String id = "t-" + UUID.randomUUID();
        Tenant tenant = new Tenant(id, "Maju Motor", "whatsapp", "pn-" + UUID.randomUUID(), null, "app", "token", null,
                null, null, ZoneId.of("Asia/Jakarta"), List.of("id"), List.of(), true);

        directory.save(tenant);

        Tenant read = directory.findById(id).orElseThrow();
        assertThat(read.staff()).isEmpty();
        assertThat(read.openingHours().known()).isFalse();
        assertThat(read.templates()).isEmpty();
        assertThat(read.richMessages()).isFalse();
    }
}
