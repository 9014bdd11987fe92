package dev.waagent.domain.context;

import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.knowledge.AgentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.Optional;

import static dev.waagent.domain.context.ContextFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class GroundedAnswersTest {

    private final Knowledge knowledge = new Knowledge()
            .add("deposit", "Deposit", "A refundable deposit is held on your card.", 0.80)
            .add("parking", "Parking", "There is street parking only.", 0.40);
    private final GroundedAnswers answers = new GroundedAnswers(knowledge, new Catalog(FX3, A7S3),
            tenant -> Optional.of(AgentConfiguration.defaults(tenant, "Asha")), IntentRouter.rulesOnly());

    @Test
    void aPriceQuestionIsAnsweredWithTheCatalogPriceAndTheTotalForTheDaysAsked() {
        assertThat(answers.answer("pune", "price of the fx3 for 2 days?", Locale.ENGLISH))
                .hasValue("Sony FX3: ₹3,500 per day, ₹7,000 for 2 days.");
    }

    @Test
    void aKnowledgeEntryAnswersOnlyWhenItsScoreClearsTheTenantsThreshold() {
        assertThat(answers.answer("pune", "do you need a deposit", Locale.ENGLISH))
                .hasValue("A refundable deposit is held on your card.");
        assertThat(answers.answer("pune", "where is parking", Locale.ENGLISH)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "price for 3 days?|3", "what would three days cost|3", "teen din ka kitna|3", "tiga hari berapa|3",
            "2 din|2", "do din ke liye|2", "for a week|7", "ek hafta chahiye|7", "sewa seminggu|7",
            "how much per day|1", "do you have the fx3|1", "Harga sewa saat hari raya berapa?|1",
            "Do days include weekends?|1", "saat din ke liye|7"})
    void theRentalLengthIsReadFromDigitsNumberWordsAndWeeks(String text, int days) {
        assertThat(GroundedAnswers.days(text)).isEqualTo(days);
    }
}
