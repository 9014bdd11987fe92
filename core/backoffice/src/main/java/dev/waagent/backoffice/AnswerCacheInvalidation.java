package dev.waagent.backoffice;

import dev.waagent.domain.llm.routing.ContentVersions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a committed change to what answers are made from (knowledge, catalog, agent configuration, the tenant's
 * business facts), bumps the tenant's {@link ContentVersions}: the response cache keys include that version, so
 * answers cached before the change are never served again.
 * <p>
 * Called after the commit, never inside the transaction: a bump before the commit would let a turn running in
 * between cache an answer made from the old content under the new version. A failed bump does not undo the
 * committed change; it is logged, and the stale cached answers expire with their TTL.
 */
@Singleton
public class AnswerCacheInvalidation {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerCacheInvalidation.class);

    private final ContentVersions versions;

    public AnswerCacheInvalidation(ContentVersions versions) {
        this.versions = versions;
    }

    public void contentChanged(String tenantId) {
        try {
            versions.bump(tenantId);
        } catch (RuntimeException e) {
            LOG.error("content version of tenant {} not bumped: answers cached before this change may be served "
                    + "until they expire", tenantId, e);
        }
    }
}
