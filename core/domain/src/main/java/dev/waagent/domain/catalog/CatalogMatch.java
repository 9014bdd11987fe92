package dev.waagent.domain.catalog;

/**
 * A catalog item a customer's words point at.
 *
 * @param confidence  in [0, 1]; below the tenant's threshold the agent should confirm ("did you mean the FX3?")
 * @param kind        how it matched
 * @param matchedText the customer's words that matched
 * @param matchedName the item's name or alias they matched
 */
public record CatalogMatch(CatalogItem item, double confidence, Kind kind, String matchedText, String matchedName) {

    public enum Kind {
        /** The customer wrote the name or an alias (after normalisation: case, spacing, "iii" → "3"). */
        EXACT,
        /** Within a small edit distance of a name or alias. */
        FUZZY,
        /** Close in meaning (vector similarity) to the item's name, aliases and category. */
        SEMANTIC,
        /**
         * Not in the customer's words: the item already being discussed (the conversation's key facts), for a turn
         * that refers back to it ("warnanya apa?", "what's its mileage?").
         */
        IN_FOCUS
    }
}
