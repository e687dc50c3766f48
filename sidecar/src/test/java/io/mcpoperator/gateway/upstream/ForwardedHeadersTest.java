package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedHeadersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL                                   | X-Kubeconfig",
        "''                                     | X-Kubeconfig",
        "X-Tenant                               | X-Kubeconfig,X-Tenant",
        "' x-tenant , ,Authorization,x-kubeconfig' | X-Kubeconfig,x-tenant,Authorization",
        "X-Tenant,x-TENANT                      | X-Kubeconfig,X-Tenant",
        "Host,Content-Length,Transfer-Encoding  | X-Kubeconfig",
        "Mcp-Session-Id,MCP-Protocol-Version,Mcp-Method | X-Kubeconfig",
        "Connection,Upgrade,TE,Last-Event-ID    | X-Kubeconfig",
        "X Bad,X-Ok:1,X-Fine                    | X-Kubeconfig,X-Fine",
      })
  void parsesTheListKeepingOnlyHeadersThatMayTravel(String env, String expected) {
    assertThat(ForwardedHeaders.parse(Optional.ofNullable(env)).names())
        .containsExactlyElementsOf(List.of(expected.split(",")));
  }

  private static Map<String, String> forwarded(ForwardedHeaders headers, Map<String, String> sent) {
    Map<String, String> byKey =
        sent.entrySet().stream()
            .collect(
                Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    var out = new LinkedHashMap<String, String>();
    headers.apply(name -> Optional.ofNullable(byKey.get(name.toLowerCase(Locale.ROOT))), out::put);
    return out;
  }

  @org.junit.jupiter.api.Test
  void passesOnTheListedHeadersTheClientSent() {
    var headers = ForwardedHeaders.parse(Optional.of("X-Tenant,X-Trace"));
    assertThat(forwarded(headers, Map.of("x-kubeconfig", "k", "X-Tenant", "t", "X-Other", "o")))
        .containsExactly(Map.entry("X-Kubeconfig", "k"), Map.entry("X-Tenant", "t"));
  }

  @org.junit.jupiter.api.Test
  void headersTheClientMarksHopByHopStayBehind() {
    var headers = ForwardedHeaders.parse(Optional.of("X-Tenant"));
    assertThat(
            forwarded(
                headers,
                Map.of("Connection", "keep-alive, X-Tenant", "X-Tenant", "t", "X-Kubeconfig", "k")))
        .containsExactly(Map.entry("X-Kubeconfig", "k"));
  }

  @org.junit.jupiter.api.Test
  void refusedNamesGivenDirectlyAreNeverForwarded() {
    var headers = new ForwardedHeaders(List.of("Mcp-Session-Id", "Host", "X-Kubeconfig"));
    assertThat(forwarded(headers, Map.of("Mcp-Session-Id", "s", "Host", "h", "X-Kubeconfig", "k")))
        .containsExactly(Map.entry("X-Kubeconfig", "k"));
  }
}
