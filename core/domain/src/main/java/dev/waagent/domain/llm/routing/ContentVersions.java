package dev.waagent.domain.llm.routing;

/**
 * The version of a tenant's knowledge and catalog: bumped on every change, read when building cache keys.
 */
public interface ContentVersions {

    long current(String tenantId);

    /** Called by whatever changes knowledge or catalog; cached answers made before become unreachable. */
    void bump(String tenantId);

    ContentVersions NONE = new ContentVersions() {
        @Override
        public long current(String tenantId) {
            return 0;
        }

        @Override
        public void bump(String tenantId) {
        }
    };
}
