package dev.waagent.domain.context;

import dev.waagent.domain.tools.PriceGuard;
import dev.waagent.domain.tools.QuotedPrice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceGuardTest {

    private static final List<QuotedPrice> FX3 = List.of(new QuotedPrice(new BigDecimal("3500"), "INR"),
            new QuotedPrice(new BigDecimal("7000"), "INR"));

    @Test
    void pricesInEveryCommonNotationAreFound() {
        assertThat(PriceGuard.mentions("₹3,500 per day, Rs. 7000 total, 2500 rupees, Rp 315.000.000 or 315 juta, 4000/day"))
                .extracting(m -> m.amount().toPlainString())
                .containsExactly("3500", "7000", "2500", "315000000", "315000000", "4000");
    }

    @Test
    void datesTimesAndQuantitiesAreNotPrices() {
        assertThat(PriceGuard.mentions("Open 10:00-20:00, 2 days, 3 units, on 12/12, call 98200 12345")).isEmpty();
    }

    @Test
    void aCatalogPriceIsLeftAlone() {
        PriceGuard.Outcome outcome = PriceGuard.check("The FX3 is ₹3,500 per day, ₹7,000 for 2 days.", FX3, "confirm");
        assertThat(outcome.repaired()).isFalse();
        assertThat(outcome.text()).isEqualTo("The FX3 is ₹3,500 per day, ₹7,000 for 2 days.");
    }

    @Test
    void anInventedPriceIsReplacedByTheQuotedOne() {
        PriceGuard.Outcome outcome = PriceGuard.check("The FX3 costs Rs 4,000 per day.", FX3, "confirm");
        assertThat(outcome.text()).isEqualTo("The FX3 costs ₹3,500 per day.");
        assertThat(outcome.repairs()).hasSize(1);
    }

    @Test
    void anAmountTheBusinessStatesItselfIsNotTreatedAsInvented() {
        PriceGuard.Outcome outcome = PriceGuard.check("The deposit is ₹10,000, refunded on return.", FX3,
                List.of(new BigDecimal("10000")), "confirm");
        assertThat(outcome.repaired()).isFalse();
    }

    @Test
    void withNoCatalogPriceTheSentenceGoesAndATeamMemberWillConfirm() {
        PriceGuard.Outcome outcome = PriceGuard.check("Sure, we have it! It is ₹4,999 a day. Anything else?", List.of(),
                "A team member will confirm the price.");
        assertThat(outcome.text()).doesNotContain("4,999").contains("Sure, we have it!", "Anything else?")
                .endsWith("A team member will confirm the price.");
    }
}
