package dev.waagent.bedrock;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The SDK's HTTP client with one extra: a request marked with {@link #PRIME_HEADER} is answered from memory, so
 * {@link BedrockConverseProvider#prime()} runs the client's whole path (marshalling, endpoint resolution, SigV4
 * signing, interceptors, JSON and error unmarshalling) during Lambda init without a byte leaving the process.
 * Every other request goes to the wrapped client unchanged.
 */
final class PrimingHttpClient implements SdkHttpClient {

    static final String PRIME_HEADER = "X-Wa-Agent-Prime";
    static final String PRIME_OK = "ok";
    static final String PRIME_THROTTLED = "throttled";

    /** A Converse response with text and a tool use, without usage so that the estimate path is primed too. */
    private static final String PRIMED_RESPONSE = """
            {"output":{"message":{"role":"assistant","content":[{"text":"ok"},
              {"toolUse":{"toolUseId":"tooluse_prime","name":"prime","input":{"q":"prime","n":1,"f":0.5,"b":true,"l":[null]}}}]}},
             "stopReason":"tool_use","metrics":{"latencyMs":1}}""";
    private static final String PRIMED_THROTTLING = """
            {"message":"primed"}""";

    private final SdkHttpClient delegate;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        Optional<String> prime = request.httpRequest().firstMatchingHeader(PRIME_HEADER);
        if (prime.isEmpty()) {
            return delegate.prepareRequest(request);
        }
        boolean throttled = PRIME_THROTTLED.equals(prime.get());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body = (throttled ? PRIMED_THROTTLING : PRIMED_RESPONSE).getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder()
                        .statusCode(throttled ? 429 : 200)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .putHeader("x-amzn-RequestId", "prime");
                if (throttled) {
                    response.putHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/");
                }
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // Answered from memory: nothing to abort.
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
