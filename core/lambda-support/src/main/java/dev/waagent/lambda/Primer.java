package dev.waagent.lambda;

/**
 * Warms one hot path (JSON, signatures, client marshalling) without network, so that SnapStart's snapshot holds
 * loaded, JIT-ready classes and the first real request after restore is not the slow one.
 */
public interface Primer {

    String name();

    void prime() throws Exception;
}
