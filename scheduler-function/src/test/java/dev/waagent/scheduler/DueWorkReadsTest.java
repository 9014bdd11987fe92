package dev.waagent.scheduler;

import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.dynamodb.DynamoDbSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding due work reads the due conversations only: item counts and consumed capacity, never time. */
@MicronautTest(startApplication = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class DueWorkReadsTest implements TestPropertyProvider {

    @Inject
    ContextExpiryJob job;
    @Inject
    ActivityTimeline timeline;
    @Inject
    ManualClock clock;
    @Inject
    ConversationStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    DynamoDbSettings tables;

    @Override
    public Map<String, String> getProperties() {
        return SchedulerTestProperties.fresh();
    }

    @Test
    void theExpiryJobReadsTheDueConversationsAndNoOthers() {
        Seeder seed = new Seeder(store, tenants);
        Tenant tenant = seed.tenant("UTC");
        Instant now = clock.peek();
        int due = 20;
        int quiet = 0;
        for (int i = 0; i < 120; i++) {
            boolean isDue = i % 6 == 0;
            Instant at = isDue ? now.minus(Duration.ofHours(2)).plusSeconds(i) : now.minus(Duration.ofMinutes(10)).plusSeconds(i);
            seed.turn(tenant, Seeder.customer(), "question " + i + "?", "answer " + i, at, Duration.ofSeconds(1));
            quiet += isDue ? 0 : 1;
        }
        assertThat(quiet).isEqualTo(100);

        TimelinePage page = timeline.read(tenant.id(), null, now.minus(Duration.ofDays(7)), now.minus(Duration.ofMinutes(30)), 1000);
        assertThat(page.items()).hasSize(due);
        assertThat(page.items()).allSatisfy(item -> assertThat(item.activityAt()).isBefore(now.minus(Duration.ofMinutes(30))));

        String line = job.run(Duration.ofMinutes(1));
        assertThat(line).contains("read=" + due + " ").contains(" expired=" + due);

        // A scan for the same work reads every item of the table (conversations, messages, markers).
        ScanResponse scan = dynamo.scan(ScanRequest.builder().tableName(tables.getConversationsTable())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        double scanUnits = scan.consumedCapacity().capacityUnits();
        assertThat(page.readUnits()).isPositive().isLessThan(scanUnits / 10);
        assertThat(scan.count()).isGreaterThan(120 * 4);
    }
}
