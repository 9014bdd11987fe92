package dev.waagent.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

/**
 * API Gateway (payload 1.0) entry point of {@code /admin/*}. Routing to the admin controllers, authentication and
 * everything after happen in the application context; this class only exists so AWS and tests have a handler to
 * name.
 */
public class AdminHandler extends ApiGatewayProxyRequestEventFunction {

    /** Used by AWS Lambda. */
    public AdminHandler() {
        super();
    }

    /** Used by tests, which share their context. */
    public AdminHandler(ApplicationContext context) {
        super(context);
    }
}
