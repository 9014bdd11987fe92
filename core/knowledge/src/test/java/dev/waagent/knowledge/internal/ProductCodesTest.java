package dev.waagent.knowledge.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCodesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Sony A7S III, sonya7s3",
            "sony a7s3, sonya7s3",
            "a7siii, a7s3",
            "A7S Mark III, a7s3",
            "a7s mk3, a7s3",
            "FX 3, fx3",
            "fx3, fx3",
            "Canon 5D Mark IV, canon5d4",
            "Toyota Innova Reborn, toyotainnovareborn",
            "Café Crème, cafecreme"})
    void customersWaysOfWritingAModelMeetOnOneKey(String written, String key) {
        assertThat(ProductCodes.key(written)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lenses, lens", "batteries, battery", "mobilnya, mobil", "harganya, harga", "class, class"})
    void lightStemmingFoldsPluralsAndTheBahasaSuffix(String word, String stem) {
        assertThat(TextAnalysis.stem(word)).isEqualTo(stem);
    }
}
