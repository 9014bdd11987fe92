package dev.waagent.knowledge.internal;

import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.PriceUnit;
import dev.waagent.domain.catalog.SpellingCorrection;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantCatalogIndexTest {

    private static final SemanticCalibration CALIBRATION = new SemanticCalibration(0.5, 0.9);

    private static final TenantCatalogIndex INDEX = TenantCatalogIndex.build(1, List.of(
            item("fx3", "Sony FX3", List.of("fx3 cinema line")),
            item("fx6", "Sony FX6", List.of()),
            item("a7s3", "Sony A7S III", List.of("a7s3", "a7siii")),
            item("a74", "Sony A7 IV", List.of()),
            item("r5", "Canon EOS R5", List.of()),
            item("rs3", "DJI RS 3 Gimbal", List.of("ronin rs3")),
            item("innova", "Toyota Innova Reborn 2.4 G AT 2019", List.of("innova reborn")),
            item("avanza", "Toyota Avanza 1.3 E 2020", List.of())), Map.of(), 4,
            List.of(new KnowledgeEntry("k1", "t", KnowledgeEntryType.FAQ, "Security deposit", "A refundable deposit is taken.",
                    List.of("how much is the deposit"), List.of("deposit", "refundable"), "policies", 0, 1, null)));

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
            "is the sony a7s3 free tomorrow?, a7s3",
            "a7siii available?, a7s3",
            "A7S Mark III rent kitna hai, a7s3",
            "fx 3 chahiye kal, fx3",
            "need the FX3 for a shoot, fx3",
            "ada inova reborn?, innova",
            "innova reborn 2019 masih ada?, innova",
            "canon r5 rate?, r5",
            "ronin rs3 gimbal, rs3"})
    void findsTheItemACustomerMeansWhateverTheSpelling(String text, String itemId) {
        List<CatalogMatch> matches = INDEX.match(text, null, 3, CALIBRATION);

        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).item().id()).isEqualTo(itemId);
        assertThat(matches.get(0).confidence()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void aNearMissOnTheModelNumberIsOnlyALowConfidenceMatch() {
        List<CatalogMatch> matches = INDEX.match("do you have the sony a7s4", null, 3, CALIBRATION);

        assertThat(matches).allSatisfy(match -> assertThat(match.confidence()).isLessThan(0.75));
    }

    @Test
    void aTypoInANameIsAFuzzyMatchWithSlightlyLowerConfidence() {
        CatalogMatch match = INDEX.match("toyota inova reborn", null, 1, CALIBRATION).get(0);

        assertThat(match.item().id()).isEqualTo("innova");
        assertThat(match.kind()).isEqualTo(CatalogMatch.Kind.FUZZY);
        assertThat(match.confidence()).isBetween(0.7, 0.99);
    }

    @Test
    void nothingIsMatchedInATextThatNamesNoItem() {
        assertThat(INDEX.match("what are your opening hours on sunday?", null, 3, CALIBRATION)).isEmpty();
    }

    @Test
    void spellingIsCorrectedAgainstTheTenantsOwnVocabulary() {
        SpellingCorrection correction = INDEX.correct("is the fx 3 free? and the inova reborn, whats the deposite");

        assertThat(correction.corrected()).isEqualTo("is the FX3 free? and the innova reborn, whats the deposit");
        assertThat(correction.corrections()).extracting(SpellingCorrection.Correction::from)
                .containsExactly("fx 3", "inova", "deposite");
        assertThat(correction.confidence()).isBetween(0.5, 0.95);
    }

    @Test
    void modelCodesAreWrittenTheCatalogsWay() {
        SpellingCorrection correction = INDEX.correct("a7siii or a7s iii?");

        assertThat(correction.corrected()).isEqualTo("A7S III or a7s iii?");
    }

    @Test
    void wordsTheTenantUsesAndCommonWordsAreLeftAlone() {
        SpellingCorrection correction = INDEX.correct("Is the Sony FX3 available tomorrow for a wedding?");

        assertThat(correction.changed()).isFalse();
        assertThat(correction.confidence()).isEqualTo(1.0);
    }

    private static CatalogItem item(String id, String name, List<String> aliases) {
        return new CatalogItem(id, "t", id.toUpperCase(), name, aliases, "cameras", BigDecimal.TEN, "INR",
                PriceUnit.PER_DAY, 1, null, Map.of(), null, 1);
    }
}
