package dev.waagent.llm;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OkHttp application interceptor with two jobs, both decided before any byte leaves the process:
 * <ul>
 *   <li>Priming: a request marked with {@link #PRIME_HEADER} is answered from memory, so
 *   {@link OpenAiCompatibleProvider#prime()} runs the SDK's whole request/response path (serialization, auth,
 *   retry wrapper, OkHttp call, JSON parsing, error mapping) during Lambda init without touching the network.</li>
 *   <li>Keyless endpoints: the SDK insists on a credential, so a keyless provider is given a placeholder and its
 *   {@code Authorization} header is removed here; nothing bogus is sent to a local Ollama or a proxy.</li>
 * </ul>
 */
final class LocalOnlyInterceptor implements Interceptor {

    static final String PRIME_HEADER = "X-Wa-Agent-Prime";
    static final String PRIME_OK = "ok";
    static final String PRIME_RATE_LIMITED = "rate-limited";

    private static final MediaType JSON = MediaType.get("application/json");

    /** A chat completion as OpenAI returns it, without usage so that the estimate path is primed too. */
    private static final String PRIMED_COMPLETION = """
            {"id":"chatcmpl-prime","object":"chat.completion","created":0,"model":"prime",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok","refusal":null,
               "tool_calls":[{"id":"call_prime","type":"function","function":{"name":"prime","arguments":"{}"}}]},
               "logprobs":null,"finish_reason":"tool_calls"}]}""";
    private static final String PRIMED_RATE_LIMIT = """
            {"error":{"message":"primed","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";

    private final boolean dropAuthorization;

    LocalOnlyInterceptor(boolean dropAuthorization) {
        this.dropAuthorization = dropAuthorization;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String prime = request.header(PRIME_HEADER);
        if (prime != null) {
            boolean rateLimited = PRIME_RATE_LIMITED.equals(prime);
            Response.Builder response = new Response.Builder()
                    .request(request)
                    .protocol(Protocol.HTTP_1_1)
                    .code(rateLimited ? 429 : 200)
                    .message(rateLimited ? "Too Many Requests" : "OK")
                    .header("x-request-id", "req_prime")
                    .body(ResponseBody.create(rateLimited ? PRIMED_RATE_LIMIT : PRIMED_COMPLETION, JSON));
            if (rateLimited) {
                response.header("retry-after", "1");
            }
            return response.build();
        }
        if (dropAuthorization) {
            request = request.newBuilder().removeHeader("Authorization").build();
        }
        return chain.proceed(request);
    }
}
