package dev.waagent.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code wa.knowledge.*}: how the in-memory knowledge and catalog indexes refresh and score. */
@ConfigurationProperties("wa.knowledge")
public interface KnowledgeSettings {

    /**
     * How often a tenant's revision is re-read to see whether its index is stale. Changes made in the same
     * process refresh at once; other processes (the admin Lambda) are seen within this interval.
     */
    @Bindable(defaultValue = "30s")
    @NotNull
    Duration getRevisionCheckInterval();

    /** Share of vector similarity in the blended score; the rest is BM25 (0.7 measured best on the labelled set). */
    @Bindable(defaultValue = "0.7")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double getSemanticWeight();

    /** Entries scored exactly per search once a tenant has more than {@link #getExactScanLimit()} vectors. */
    @Bindable(defaultValue = "96")
    @Min(8)
    int getCandidatePool();

    /** Up to this many vectors, every vector is compared with the query (no coarse pass). */
    @Bindable(defaultValue = "6000")
    @Min(0)
    int getExactScanLimit();

    /** Overrides the model's measured cosine floor (see SemanticCalibration). */
    @Nullable
    Double getSemanticFloor();

    /** Overrides the model's measured cosine ceiling. */
    @Nullable
    Double getSemanticCeiling();

    /** Recent query embeddings kept, so the knowledge and catalog lookups of one turn embed the text once. */
    @Bindable(defaultValue = "1024")
    @Min(0)
    int getQueryCacheSize();
}
