package dev.waagent.domain.staff;

import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StaffLanguageTest {

    @Test
    void staffAreAnsweredInTheBusinesssFirstLanguage() {
        assertThat(StaffLanguage.of(tenant("id", "en"))).isEqualTo(StaffLanguage.BAHASA);
        assertThat(StaffLanguage.of(tenant("hi", "en"))).isEqualTo(StaffLanguage.HINGLISH);
        assertThat(StaffLanguage.of(tenant("en", "hi"))).isEqualTo(StaffLanguage.ENGLISH);
    }

    @Test
    void aStaffMemberWhoWritesHinglishToABusinessServingHindiIsAnsweredInHinglish() {
        assertThat(StaffLanguage.of(tenant("en", "hi"), "/daam fx3 3500")).isEqualTo(StaffLanguage.HINGLISH);
        assertThat(StaffLanguage.of(tenant("en", "hi"), "/price fx3 3500")).isEqualTo(StaffLanguage.ENGLISH);
        assertThat(StaffLanguage.of(tenant("en"), "/daam fx3 3500")).as("a business that does not serve Hindi")
                .isEqualTo(StaffLanguage.ENGLISH);
        assertThat(StaffLanguage.of(tenant("id", "en"), "/jawab 1234 siap")).isEqualTo(StaffLanguage.BAHASA);
    }

    private static Tenant tenant(String... languages) {
        return new Tenant("t", "Shop", "whatsapp", "1", null, null, null, "Asha", "", "", ZoneId.of("Asia/Kolkata"),
                List.of(languages), List.of(), true, List.of(), OpeningHours.UNKNOWN, List.of());
    }
}
