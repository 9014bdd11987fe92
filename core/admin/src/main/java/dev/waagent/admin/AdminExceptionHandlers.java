package dev.waagent.admin;

import dev.waagent.backoffice.ConflictException;
import dev.waagent.backoffice.ImportRejectedException;
import dev.waagent.backoffice.InvalidInputException;
import dev.waagent.backoffice.NotFoundException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The back office's exceptions as {@link AdminError} answers: 400 for bad input (naming rows and fields), 404, 409. */
public final class AdminExceptionHandlers {

    private AdminExceptionHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {InvalidInputException.class, ExceptionHandler.class})
    public static class InvalidInput implements ExceptionHandler<InvalidInputException, HttpResponse<AdminError>> {
        @Override
        public HttpResponse<AdminError> handle(HttpRequest request, InvalidInputException exception) {
            return HttpResponse.badRequest(new AdminError("invalid_input", exception.getMessage(), exception.errors(), null, null));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ImportRejectedException.class, ExceptionHandler.class})
    public static class ImportRejected implements ExceptionHandler<ImportRejectedException, HttpResponse<AdminError>> {
        @Override
        public HttpResponse<AdminError> handle(HttpRequest request, ImportRejectedException exception) {
            return HttpResponse.badRequest(new AdminError("import_rejected",
                    exception.report().rejected() + " rows rejected, nothing imported: " + exception.getMessage(),
                    exception.report().errors(), 0, exception.report().rejected()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotFoundException.class, ExceptionHandler.class})
    public static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<AdminError>> {
        @Override
        public HttpResponse<AdminError> handle(HttpRequest request, NotFoundException exception) {
            return HttpResponse.<AdminError>status(HttpStatus.NOT_FOUND).body(AdminError.of("not_found", exception.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ConflictException.class, ExceptionHandler.class})
    public static class Conflict implements ExceptionHandler<ConflictException, HttpResponse<AdminError>> {
        @Override
        public HttpResponse<AdminError> handle(HttpRequest request, ConflictException exception) {
            return HttpResponse.<AdminError>status(HttpStatus.CONFLICT).body(AdminError.of("conflict", exception.getMessage()));
        }
    }
}
