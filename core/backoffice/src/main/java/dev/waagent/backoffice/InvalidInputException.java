package dev.waagent.backoffice;

import java.util.List;
import java.util.stream.Collectors;

/** The caller's input is wrong (every problem listed); nothing was written. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(null, field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        String shown = errors.stream().limit(3).map(FieldError::toString).collect(Collectors.joining("; "));
        return errors.size() > 3 ? shown + " (and " + (errors.size() - 3) + " more)" : shown;
    }
}
