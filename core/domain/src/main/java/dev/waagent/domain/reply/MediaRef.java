package dev.waagent.domain.reply;

import java.net.URI;
import java.util.Locale;

/**
 * An image for a card: a public http(s) {@code link} Meta downloads (and caches ~10 min), or the {@code id} of media
 * uploaded to Meta. Exactly one of the two.
 */
public record MediaRef(String link, String id) {

    public static MediaRef link(String url) {
        return new MediaRef(url, null);
    }

    public static MediaRef uploaded(String mediaId) {
        return new MediaRef(null, mediaId);
    }

    /** Exactly one of link and id, the link an absolute http(s) URL with a host, the id without spaces. */
    public boolean isUsable() {
        boolean hasLink = link != null && !link.isBlank();
        boolean hasId = id != null && !id.isBlank();
        if (hasLink == hasId) {
            return false;
        }
        if (hasId) {
            return id.strip().equals(id) && id.chars().noneMatch(Character::isWhitespace);
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
