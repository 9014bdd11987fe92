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

    @Test
    void aNewNumberReplacesTheOldRouteSoTheOldNumberNoLongerResolves() {
        String id = "t-" + UUID.randomUUID();
        String oldNumber = "pn-" + UUID.randomUUID();
        String newNumber = "pn-" + UUID.randomUUID();
        directory.save(tenant(id, oldNumber, true));

        directory.save(tenant(id, newNumber, true));

        assertThat(directory.findByBusinessNumber("whatsapp", oldNumber)).isEmpty();
        assertThat(directory.findByBusinessNumber("whatsapp", newNumber)).map(Tenant::id).contains(id);
    }

    @Test
    void aSuspendedTenantsNumberNoLongerResolvesAndComesBackWhenReactivated() {
        String id = "t-" + UUID.randomUUID();
        String number = "pn-" + UUID.randomUUID();
        directory.save(tenant(id, number, true));

        directory.save(tenant(id, number, false));

        assertThat(directory.findByBusinessNumber("whatsapp", number)).isEmpty();
        assertThat(directory.findById(id)).map(Tenant::active).contains(false);

        directory.save(tenant(id, number, true));
        assertThat(directory.findByBusinessNumber("whatsapp", number)).map(Tenant::id).contains(id);
    }

    @Test
    void aNumberAlreadyTakenOverByAnotherTenantKeepsItsNewOwner() {
        String first = "t-" + UUID.randomUUID();
        String second = "t-" + UUID.randomUUID();
        String number = "pn-" + UUID.randomUUID();
        directory.save(tenant(first, number, true));
        // The number moved to another tenant before the first one's change reached the directory.
        directory.save(tenant(second, number, true));

        directory.save(tenant(first, "pn-" + UUID.randomUUID(), true));

        assertThat(directory.findByBusinessNumber("whatsapp", number)).map(Tenant::id).contains(second);
    }

    private static Tenant tenant(String id, String number, boolean active) {
        return new Tenant(id, "Shop " + id, "whatsapp", number, null, "app", "token", null, null, null,
                ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), active);
    }
}
