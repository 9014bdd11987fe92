package dev.waagent.webhook;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

/**
 * API Gateway (payload 1.0) entry point. Routing to the controllers, and everything after, happens in the
 * shared application context; this class only exists so AWS and tests have a handler to name.
 */
public class WebhookHandler extends ApiGatewayProxyRequestEventFunction {

    /** Used by AWS Lambda. */
    public WebhookHandler() {
        super();
    }

    /** Used by tests, which share their context. */
    public WebhookHandler(ApplicationContext context) {
        super(context);
    }
}
