package dev.waagent.scheduler;

import dev.waagent.domain.schedule.ConversationTimings;
import dev.waagent.domain.schedule.TenantTimings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredTenantTimingsTest {

    @Test
    void aTenantsOverridesReplaceOnlyWhatTheyNameAndOtherTenantsKeepTheDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "wa.scheduler.reminder-until-hour", "21",
                "wa.scheduler.tenants.jakarta-used-cars.reminder-from-hour", "9",
                "wa.scheduler.tenants.jakarta-used-cars.follow-up-delay", "2h"))) {
            TenantTimings timings = context.getBean(TenantTimings.class);

            ConversationTimings jakarta = timings.forTenant("jakarta-used-cars");
            assertThat(jakarta.reminderFromHour()).isEqualTo(9);
            assertThat(jakarta.reminderUntilHour()).isEqualTo(21);
            assertThat(jakarta.followUpDelay()).isEqualTo(Duration.ofHours(2));
            assertThat(jakarta.briefingHour()).isEqualTo(ConversationTimings.defaults().briefingHour());

            ConversationTimings pune = timings.forTenant("pune-camera-rentals");
            assertThat(pune.reminderFromHour()).isEqualTo(10);
            assertThat(pune.reminderUntilHour()).isEqualTo(21);
        }
    }

    @Test
    void reminderHoursThatLeaveNoTimeToRemindAreRefused() {
        ConversationTimings d = ConversationTimings.defaults();
        assertThatThrownBy(() -> new ConversationTimings(d.contextExpiry(), d.handoffTimeout(), d.summaryIdle(),
                d.summaryMinMessages(), d.followUpDelay(), d.briefingHour(), 20, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder hours");
        assertThatThrownBy(() -> new ConversationTimings(d.contextExpiry(), d.handoffTimeout(), d.summaryIdle(),
                d.summaryMinMessages(), d.followUpDelay(), d.briefingHour(), 9, 25))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
