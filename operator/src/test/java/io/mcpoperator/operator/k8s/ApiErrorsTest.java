package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  @Test
  void theStatusBodysMessageIsTheDescription() {
    ApiException e =
        new ApiException(
            500,
            Map.of(),
            "{\"kind\":\"Status\",\"message\":\"Internal error occurred: failed to allocate a"
                + " serviceIP for Service \\\"web\\\": range is full\",\"code\":500}");
    assertThat(ApiErrors.describe(e))
        .isEqualTo(
            "HTTP 500 Internal error occurred: failed to allocate a serviceIP for Service \"web\":"
                + " range is full");
  }

  /** client-java's generic API puts the V1Status into the exception's message, with no body. */
  @Test
  void aStatusInTheExceptionMessageIsReadWhenThereIsNoBody() {
    ApiException e =
        new ApiException(
            "Message: class V1Status {\n    apiVersion: v1\n    code: 429\n"
                + "    message: storage is (re)initializing\n    reason: TooManyRequests\n}",
            429,
            Map.of(),
            null);
    assertThat(ApiErrors.describe(e)).isEqualTo("HTTP 429 storage is (re)initializing");
    assertThat(ReflectorFailures.describe(new RuntimeException(e)))
        .isEqualTo("HTTP 429 storage is (re)initializing");
  }

  @Test
  void plainBodiesAndMissingMessagesStayShortAndOnOneLine() {
    assertThat(ApiErrors.describe(new ApiException(502, Map.of(), "bad gateway\n<html>")))
        .isEqualTo("HTTP 502 bad gateway");
    assertThat(ApiErrors.describe(new ApiException(503, Map.of(), ""))).isEqualTo("HTTP 503");
    assertThat(ApiErrors.describe(new ApiException(new ConnectException("Connection refused"))))
        .startsWith("API server unreachable: ")
        .doesNotContain("\n");
  }
}
