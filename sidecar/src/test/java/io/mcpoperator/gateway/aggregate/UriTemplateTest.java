package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriTemplateTest {
  private static final String CUSTOMER = "resource://customers/customers/{id}{?verbose,X_Tenant}";
  private static final String SEARCH = "resource://customers/customers{?q}";

  static Stream<Arguments> matches() {
    return Stream.of(
        Arguments.of(CUSTOMER, "resource://customers/customers/42", Map.of("id", "42")),
        Arguments.of(
            CUSTOMER,
            "resource://customers/customers/42?verbose=true&X_Tenant=acme",
            Map.of("id", "42", "verbose", "true", "X_Tenant", "acme")),
        Arguments.of(
            CUSTOMER,
            "resource://customers/customers/a%20b%2Fc?X_Tenant=a%26b",
            Map.of("id", "a b/c", "X_Tenant", "a&b")),
        Arguments.of(CUSTOMER, "resource://customers/customers/1+2", Map.of("id", "1+2")),
        Arguments.of(
            CUSTOMER,
            "resource://customers/customers/7?other=1&verbose",
            Map.of("id", "7", "verbose", "")),
        Arguments.of(CUSTOMER, "resource://customers/customers/7#top", Map.of("id", "7")),
        Arguments.of(SEARCH, "resource://customers/customers?q=smith", Map.of("q", "smith")),
        Arguments.of(SEARCH, "resource://customers/customers", Map.of()),
        Arguments.of(
            "resource://r/orgs/{org}/repos/{repo}",
            "resource://r/orgs/acme/repos/web",
            Map.of("org", "acme", "repo", "web")),
        Arguments.of("docs://runbook", "docs://runbook", Map.of()),
        Arguments.of("resource://r/a.b(c)", "resource://r/a.b(c)", Map.of()));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("matches")
  void matchesAndDecodesVariables(String template, String uri, Map<String, String> values) {
    assertThat(UriTemplate.parse(template).match(uri)).contains(values);
  }

  static Stream<Arguments> misses() {
    return Stream.of(
        Arguments.of(CUSTOMER, "resource://customers/customers/"),
        Arguments.of(CUSTOMER, "resource://customers/customers/4/2"),
        Arguments.of(CUSTOMER, "resource://customers/customers"),
        Arguments.of(CUSTOMER, "resource://other/customers/42"),
        Arguments.of(SEARCH, "resource://customers/customers/42"),
        Arguments.of("docs://runbook", "docs://runbook?x=1"),
        Arguments.of("resource://r/a.b", "resource://r/aXb"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("misses")
  void doesNotMatchOtherUris(String template, String uri) {
    assertThat(UriTemplate.parse(template).match(uri)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "resource://r/{+path}",
        "resource://r/{#frag}",
        "resource://r/{a,b}",
        "resource://r/{x-y}",
        "resource://r{?q}/{id}",
        "resource://r/{}"
      })
  void refusesWhatTheOperatorNeverWrites(String template) {
    assertThatThrownBy(() -> UriTemplate.parse(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(template);
  }

  @Test
  void aTemplateWithoutVariablesIsPlain() {
    assertThat(UriTemplate.parse("docs://runbook").plain()).isTrue();
    assertThat(UriTemplate.parse(SEARCH).plain()).isFalse();
    assertThat(UriTemplate.parse(CUSTOMER).template()).isEqualTo(CUSTOMER);
  }
}
