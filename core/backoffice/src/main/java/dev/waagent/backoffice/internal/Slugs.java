package dev.waagent.backoffice.internal;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe ids from names. */
public final class Slugs {

    private Slugs() {
    }

    public static String slug(String name) {
        String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 48 ? slug.substring(0, 48).replaceAll("-+$", "") : slug;
    }
}
