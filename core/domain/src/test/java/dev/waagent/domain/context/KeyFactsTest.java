package dev.waagent.domain.context;

import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.memory.KeyFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.waagent.domain.context.ContextFixtures.FX3;
import static org.assertj.core.api.Assertions.assertThat;

class KeyFactsTest {

    @Test
    void englishHinglishAndBahasaTurnsYieldTheirFacts() {
        assertThat(KeyFacts.extract("Hi, this is Priya. Need it for 3 days from Friday, budget under ₹10,000",
                List.of(new CatalogMatch(FX3, 0.9, CatalogMatch.Kind.EXACT, "fx3", "Sony FX3"))))
                .contains("name: Priya", "item: Sony FX3", "budget: ₹10,000");
        assertThat(KeyFacts.extract("mera naam Ravi hai, kal chahiye", List.of())).contains("name: Ravi", "dates: kal");
        assertThat(KeyFacts.extract("nama saya Budi, mau test drive besok, lokasi saya Bekasi", List.of()))
                .contains("name: Budi", "dates: besok", "location: Bekasi");
    }

    @Test
    void aSemanticGuessIsNotRememberedAsTheCustomersItem() {
        assertThat(KeyFacts.extract("something for weddings", List.of(
                new CatalogMatch(FX3, 0.65, CatalogMatch.Kind.SEMANTIC, "weddings", "Sony FX3")))).isEmpty();
    }
}
