package dev.waagent.knowledge;

import dev.waagent.knowledge.internal.VectorMath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped in-process model (loads once per JVM, ~1.5 s). */
class OnnxEmbedderTest {

    private final OnnxEmbedder embedder = new OnnxEmbedder();

    @Test
    void aParaphraseIsCloserThanAnUnrelatedSentence() {
        float[] question = embedder.embed("How much is the security deposit?");
        List<float[]> others = embedder.embedAll(List.of(
                "What deposit do I have to pay when renting?",
                "Do you deliver lights to the shooting location?"));

        float paraphrase = VectorMath.dot(others.get(0), 0, question);
        float unrelated = VectorMath.dot(others.get(1), 0, question);

        assertThat(question).hasSize(OnnxEmbedder.DIMENSIONS);
        assertThat(paraphrase).isGreaterThan(unrelated + 0.1f);
        assertThat(VectorMath.dot(question, 0, question)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void aTextEmbeddedInABatchGetsTheVectorItGetsAlone() {
        List<String> texts = List.of("what deposit for the sony fx3",
                "Deposit for the Sony FX3. A refundable security deposit is taken at pick-up and returned after inspection.",
                "ok");
        List<float[]> batched = embedder.embedAll(texts);

        for (int i = 0; i < texts.size(); i++) {
            // Padding shifts the quantised model's activation ranges a little; the meaning stays.
            assertThat(VectorMath.dot(batched.get(i), 0, embedder.embed(texts.get(i)))).isGreaterThan(0.98f);
        }
    }
}
