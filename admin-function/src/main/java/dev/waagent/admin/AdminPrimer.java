package dev.waagent.admin;

import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.lambda.Primer;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;

/**
 * Before the SnapStart checkpoint: loads the ONNX model and JIT-compiles its inference path and the access policy,
 * so the first import or search after a restore does not pay for them. No database or network is touched.
 */
@Singleton
public class AdminPrimer implements Primer {

    private final Embedder embedder;

    public AdminPrimer(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public void prime() {
        AccessPolicy.requirementFor(HttpMethod.POST, "/admin/tenants/priming/knowledge:import");
        // Varying text: the embedder's query cache must not answer in place of the model.
        embedder.embed("how much is the deposit for the camera " + System.nanoTime());
    }
}
