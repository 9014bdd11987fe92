package dev.waagent.backoffice;

/** No such tenant, or nothing with that id belongs to the tenant (the two are not told apart). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
