package io.mcpoperator.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.desired.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code spec.auth} as the operator reads it: what the CRD's CEL rules refuse is refused here. */
class AuthReaderTest {

  private static ParsedServer parse(String auth) {
    return McpServerParser.parse(
        TestServers.json(TestServers.yaml("image: mcp/git\ncommand: [x]\nauth: " + auth)));
  }

  @Test
  void withoutAuthNobodyIsChecked() {
    McpServer server = TestServers.valid(TestServers.yaml("image: mcp/git\ncommand: [x]"));

    assertThat(server.spec().auth()).isEqualTo(AuthSpec.none());
    assertThat(server.spec().auth().enabled()).isFalse();
  }

  @Test
  void oidcReadsEveryField() {
    ParsedServer parsed =
        parse(
            """
            {mode: oidc, resourceUrl: "https://mcp.example.com/mcp", issuer: "https://idp.example.com",
             audiences: [a], authorizationServers: ["https://as.example.com"], requiredScopes: ["mcp:tools"],
             groupsClaim: roles, clockSkew: 2m, caBundle: {configMapName: ca}, staticTokens: {secretName: t},
             rules: [{tools: ["get-*"], requiredScopes: ["s"],
                      allow: [{claim: roles, anyOf: [x]}, {principal: bot}, {scope: "mcp:admin"}]}]}
            """);

    AuthSpec auth = ((ParsedServer.Valid) parsed).server().spec().auth();
    assertThat(auth.mode()).isEqualTo(AuthSpec.Mode.OIDC);
    assertThat(auth.issuer()).contains("https://idp.example.com");
    assertThat(auth.clockSkew()).contains(Duration.ofMinutes(2));
    assertThat(auth.caBundle()).contains(new AuthSpec.ConfigMapKeyRef("ca", "ca.crt"));
    assertThat(auth.staticTokensSecret()).contains("t");
    assertThat(auth.groupsClaim()).isEqualTo(Optional.of("roles"));
    assertThat(auth.rules().getFirst().allow())
        .containsExactly(
            new AuthSpec.ClaimAllow("roles", List.of("x")),
            new AuthSpec.PrincipalAllow("bot"),
            new AuthSpec.ScopeAllow("mcp:admin"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{mode: basic}|spec.auth.mode must be none, bearer or oidc",
        "{mode: oidc, issuer: 'https://i'}|spec.auth.mode oidc needs issuer and resourceUrl",
        "{mode: bearer}|spec.auth.mode bearer needs staticTokens",
        "{issuer: 'https://i'}|spec.auth.mode none (the default) checks nothing",
        "{mode: bearer, staticTokens: {secretName: t}, clockSkew: 2h}|spec.auth.clockSkew must be a"
            + " duration of at most 1h",
        "{mode: oidc, issuer: 'ftp://i', resourceUrl: 'https://r'}|spec.auth.issuer must be an"
            + " http(s) URL",
        "{mode: bearer, staticTokens: {secretName: t}, requiredScopes: ['a b']}|"
            + "spec.auth.requiredScopes lists a scope with a space",
        "{mode: bearer, staticTokens: {secretName: t}, rules: [{allow: []}]}|spec.auth.rules[0].tools"
            + " (or prompts or resources) is required",
        "{mode: bearer, staticTokens: {secretName: t}, rules: [{tools: [x], allow: [{principal: a,"
            + " scope: s}]}]}|spec.auth.rules[0].allow[0].claim or principal or scope is required,"
            + " exactly one",
        "{mode: bearer, staticTokens: {secretName: t}, rules: [{tools: [x], allow: [{claim: g}]}]}|"
            + "spec.auth.rules[0].allow[0].anyOf is required with claim",
        "{mode: bearer, staticTokens: {}}|spec.auth.staticTokens.secretName is required"
      })
  void refusesWhatTheCrdRefuses(String auth, String message) {
    ParsedServer parsed = parse(auth);

    assertThat(parsed).isInstanceOf(ParsedServer.Invalid.class);
    assertThat(((ParsedServer.Invalid) parsed).message()).startsWith(message);
  }
}
