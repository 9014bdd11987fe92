package dev.waagent.domain.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemAttributesTest {

    private static final CatalogItem INNOVA = new CatalogItem("c1", "jakarta", "TYT-INV-G-19", "Toyota Innova Reborn 2.4 G AT 2019",
            List.of("innova reborn"), "MPV", new BigDecimal("315000000"), "IDR", PriceUnit.PER_ITEM, 1, Availability.IN_STOCK,
            Map.of("year", "2019", "transmission", "automatic", "fuel", "diesel", "mileage_km", "68000", "colour", "putih"),
            null, 1);
    private static final CatalogItem FX3 = new CatalogItem("i1", "pune", "CAM-FX3", "Sony FX3", List.of("fx3"), "cameras",
            new BigDecimal("3500"), "INR", PriceUnit.PER_DAY, 3, Availability.IN_STOCK, Map.of("mount", "E"), null, 1);

    @ParameterizedTest
    @ValueSource(strings = {"warnanya apa?", "kilometernya berapa untuk innova?", "what's its mileage?", "iska rang kya hai?",
            "matic atau manual?", "tahunnya berapa?", "bensin atau diesel?", "what colour is that one?"})
    void questionsForAnAttributeTheEntryHoldsAreAnsweredByTheCatalog(String question) {
        assertThat(ItemAttributes.asksAbout(question, INNOVA)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alamatnya dimana?", "ongkirnya berapa ke Bekasi?", "nomor rekeningnya berapa?",
            "tokonya buka jam berapa?", "pembayarannya bisa transfer?", "is your shop haunted?"})
    void questionsAboutAnythingElseAreNot(String question) {
        assertThat(ItemAttributes.asksAbout(question, INNOVA)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"what mount is it?", "which mount does it use"})
    void anAttributeWithoutKnownSynonymsIsAskedForByItsOwnName(String question) {
        assertThat(ItemAttributes.asksAbout(question, FX3)).isTrue();
        assertThat(ItemAttributes.asksAbout("what colour is it?", FX3)).isFalse();
    }
}
