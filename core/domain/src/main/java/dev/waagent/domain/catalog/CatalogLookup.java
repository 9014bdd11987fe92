package dev.waagent.domain.catalog;

import java.util.List;

/** Finds the tenant's catalog items a customer means, tolerating misspellings and informal names. */
public interface CatalogLookup {

    /** At most {@code k} matches for items mentioned in {@code text}, most confident first; never another tenant's. */
    List<CatalogMatch> match(String tenantId, String text, int k);

    /** {@code text} with misspelt words replaced by the closest words of the tenant's vocabulary. */
    SpellingCorrection correct(String tenantId, String text);
}
