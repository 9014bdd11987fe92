package dev.waagent.knowledge.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT-style sentence encoder run by ONNX Runtime on batches: texts of similar length are tokenised, padded
 * together and encoded in one session run, then pooled on the [CLS] token and normalised. Batching is what makes
 * imports affordable: one run per text spends most of its time in per-call overhead.
 * Thread-safe (ONNX Runtime sessions are).
 */
public final class BatchedBertEncoder implements AutoCloseable {

    /** BGE and MiniLM read at most 512 tokens; our texts are a title with 600 characters of content, or a question. */
    private static final int MAX_TOKENS = 512;
    private static final int BATCH = 32;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;

    public BatchedBertEncoder(String modelResource, String tokenizerResource) {
        try (InputStream model = resource(modelResource); InputStream tokens = resource(tokenizerResource)) {
            this.environment = OrtEnvironment.getEnvironment();
            this.session = environment.createSession(model.readAllBytes(), new OrtSession.SessionOptions());
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokens, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(MAX_TOKENS)));
            this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("embedding model " + modelResource + " could not be loaded", e);
        }
    }

    /** One unit vector per text, in order. */
    public List<float[]> encode(List<String> texts) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (String text : texts) {
            encodings.add(tokenizer.encode(text == null || text.isBlank() ? " " : text));
        }
        List<Integer> order = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        // Similar lengths share a batch, so little compute goes to padding.
        order.sort(Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
            float[][] vectors = run(batch.stream().map(encodings::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                out[batch.get(i)] = vectors[i];
            }
        }
        return List.of(out);
    }

    private float[][] run(List<Encoding> batch) {
        int rows = batch.size();
        int length = batch.stream().mapToInt(e -> Math.min(MAX_TOKENS, e.getIds().length)).max().orElse(1);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            Encoding encoding = batch.get(r);
            int n = Math.min(length, encoding.getIds().length);
            System.arraycopy(encoding.getIds(), 0, ids, r * length, n);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, r * length, n);
            System.arraycopy(encoding.getTypeIds(), 0, types, r * length, n);
        }
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (takesTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] pooled = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    pooled[r] = VectorMath.normalise(hidden[r][0].clone()); // [CLS] pooling, as BGE is trained
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX inference failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing at shutdown: nothing left to do with the error.
        }
        tokenizer.close();
    }

    private static InputStream resource(String name) {
        InputStream in = BatchedBertEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is not on the classpath");
        }
        return in;
    }
}
