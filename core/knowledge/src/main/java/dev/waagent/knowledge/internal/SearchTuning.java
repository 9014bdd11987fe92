package dev.waagent.knowledge.internal;

/**
 * How a search blends and bounds its work.
 *
 * @param semanticWeight share of the vector similarity in the blended score (the rest is lexical)
 * @param candidatePool  above {@code exactScanLimit} vectors, this many entries (best by centroid, and best
 *                       lexically) are scored exactly against all their vectors
 * @param exactScanLimit up to this many vectors the search compares the query with every vector
 */
public record SearchTuning(double semanticWeight, int candidatePool, int exactScanLimit, SemanticCalibration calibration) {
}
