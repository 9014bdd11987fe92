package dev.waagent.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Marks a failure to resolve credentials, so that it maps to {@code MISCONFIGURED} (someone has to fix the role or
 * the environment; retrying will not help) instead of looking like any other client-side failure. The SDK reports
 * it as a plain {@code SdkClientException} whose message is the only hint.
 */
final class IdentityResolutionGuard implements AwsCredentialsProvider {

    static final class MissingCredentialsException extends RuntimeException {

        MissingCredentialsException(RuntimeException cause) {
            // The provider chain's message lists the providers it tried; it holds no secrets.
            super("no AWS credentials could be resolved", cause);
        }
    }

    private final AwsCredentialsProvider delegate;

    IdentityResolutionGuard(AwsCredentialsProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (RuntimeException e) {
            throw new MissingCredentialsException(e);
        }
    }

    @Override
    public String toString() {
        return "IdentityResolutionGuard(" + delegate + ")";
    }
}
