package dev.waagent.domain.staff;

import dev.waagent.domain.tenant.Tenant;

/**
 * The language staff are answered in: the business's first language (Bahasa Indonesia for an Indonesian business,
 * Hinglish for a Hindi-first one, else English), or Hinglish for a staff member of a business that serves Hindi who
 * wrote the command with a Hindi word ("/daam", "/ruko", "stock dikhao"): they are answered as they wrote.
 */
public enum StaffLanguage {
    ENGLISH, BAHASA, HINGLISH;

    /** The business's default for its staff. */
    public static StaffLanguage of(Tenant tenant) {
        String first = tenant.languages().isEmpty() ? "" : tenant.languages().get(0);
        return switch (first) {
            case "id" -> BAHASA;
            case "hi" -> HINGLISH;
            default -> ENGLISH;
        };
    }

    /** For one staff message: Hinglish when it was written in Hinglish and the business serves Hindi. */
    public static StaffLanguage of(Tenant tenant, String message) {
        StaffLanguage usual = of(tenant);
        if (usual == ENGLISH && tenant.languages().contains("hi") && StaffCommandParser.writtenInHinglish(message)) {
            return HINGLISH;
        }
        return usual;
    }

    /** The text in this language. */
    public String pick(String english, String bahasa, String hinglish) {
        return switch (this) {
            case BAHASA -> bahasa;
            case HINGLISH -> hinglish;
            case ENGLISH -> english;
        };
    }
}
