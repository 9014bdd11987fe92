package dev.waagent.domain.knowledge;

/** Text could not be embedded (remote provider down, model failed). */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmbeddingException(String message) {
        super(message);
    }
}
