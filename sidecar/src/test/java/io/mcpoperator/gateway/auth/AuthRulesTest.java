package io.mcpoperator.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.gateway.auth.AccessRules.Decision;
import io.mcpoperator.gateway.auth.AccessRules.Kind;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The auth section as read, the rules' decision, static tokens and the challenges. */
class AuthRulesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"auth\":{\"mode\":\"ldap\"}}                      | auth.mode must be one of none, bearer, oidc",
        "{\"auth\":{\"mode\":\"oidc\",\"issuer\":\"https://i\"}} | auth.resourceUrl is required for mode oidc",
        "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"https://r/mcp\"}} | auth.issuer is required for mode oidc",
        "{\"auth\":{\"mode\":\"bearer\"}}                    | auth.staticTokensDir is required for mode bearer",
        "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"r/mcp\",\"issuer\":\"https://i\"}} | auth.resourceUrl must be an absolute http(s) URL",
        "{\"auth\":{\"requiredScopes\":[\"a b\"]}}           | auth.requiredScopes[0] must be a scope token",
        "{\"auth\":{\"clockSkewSeconds\":-1}}                | auth.clockSkewSeconds must be between 0 and 3600",
        "{\"auth\":{\"rules\":[{\"tools\":[\"x\"]}]}}        | auth.rules need mode bearer or oidc",
        "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"https://r/mcp\",\"issuer\":\"https://i\",\"rules\":[{\"allow\":[]}]}} | auth.rules[0] must name tools, prompts or resources",
        "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"https://r/mcp\",\"issuer\":\"https://i\",\"rules\":[{\"tools\":[\"x\"],\"allow\":[{\"claim\":\"g\"}]}]}} | auth.rules[0].allow[0].anyOf is required with claim",
        "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"https://r/mcp\",\"issuer\":\"https://i\",\"rules\":[{\"tools\":[\"x\"],\"allow\":[{\"principal\":\"p\",\"scope\":\"s\"}]}]}} | auth.rules[0].allow[0] needs exactly one of",
        "{\"auth\":{\"forwardIdentity\":{\"subjectHeader\":\"X Bad\"}}} | auth.forwardIdentity.subjectHeader must be an HTTP header name",
      })
  void badAuthValuesAreRefusedNamingTheField(String json, String message) {
    assertThatThrownBy(() -> ConfigLoader.parse(json))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void oidcDefaultsTheAudienceToTheResourceAndTheServersToTheIssuer() {
    var auth =
        ConfigLoader.parse(
                "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"https://r/mcp\",\"issuer\":\"https://i\"}}")
            .auth();
    assertThat(auth.audiences()).containsExactly("https://r/mcp");
    assertThat(auth.authorizationServers()).containsExactly("https://i");
    assertThat(auth.groupsClaim()).isEqualTo("groups");
    assertThat(auth.clockSkew()).hasSeconds(60);
    assertThat(ConfigLoader.parse("{}").auth().enabled()).isFalse();
  }

  @Test
  void rulesDenyByDefaultAllowByClaimPrincipalOrScopeAndAskForMissingScopes() {
    var config =
        ConfigLoader.parse(
                "{\"auth\":{\"mode\":\"oidc\",\"resourceUrl\":\"https://r/mcp\",\"issuer\":\"https://i\","
                    + "\"requiredScopes\":[\"mcp\"],\"rules\":["
                    + "{\"tools\":[\"read_*\"],\"allow\":[{\"claim\":\"groups\",\"anyOf\":[\"eng\"]},{\"principal\":\"bot\"}]},"
                    + "{\"tools\":[\"deploy\"],\"requiredScopes\":[\"deploy\"],\"allow\":[{\"scope\":\"ops\"}]},"
                    + "{\"prompts\":[\"*\"]}]}}")
            .auth();
    var rules = new AccessRules(config.rules(), config.requiredScopes(), config.groupsClaim());
    Caller eng =
        new Caller(
            "ann", Optional.of("https://i"), Set.of("mcp"), Map.of("groups", List.of("eng")));
    Caller bot = Caller.ofStaticToken("bot");
    Caller ops = new Caller("oz", Optional.of("https://i"), Set.of("mcp", "ops"), Map.of());

    assertThat(rules.decide(eng, Kind.TOOL, "read_file")).isInstanceOf(Decision.Allowed.class);
    assertThat(rules.decide(bot, Kind.TOOL, "read_x")).isInstanceOf(Decision.Allowed.class);
    assertThat(rules.decide(ops, Kind.TOOL, "read_file")).isInstanceOf(Decision.Denied.class);
    assertThat(rules.decide(eng, Kind.TOOL, "unlisted")).isInstanceOf(Decision.Denied.class);
    assertThat(rules.decide(eng, Kind.TOOL, "deploy")).isInstanceOf(Decision.Denied.class);
    assertThat(rules.decide(ops, Kind.TOOL, "deploy"))
        .isEqualTo(new Decision.StepUp(List.of("mcp", "deploy")));
    assertThat(rules.decide(bot, Kind.PROMPT, "any")).isInstanceOf(Decision.Allowed.class);
    assertThat(rules.decide(bot, Kind.RESOURCE, "file:///x")).isInstanceOf(Decision.Denied.class);
    assertThat(AccessRules.glob("a.*").matcher("a.b").matches()).isTrue();
    assertThat(AccessRules.glob("a.*").matcher("ab").matches()).isFalse();
  }

  @Test
  void staticTokensMatchTheirPrincipalOnlyAndSkipKubernetesEntries() throws Exception {
    Files.writeString(dir.resolve("ci-bot"), "s3cr3t-token-of-ci-bot\n");
    Files.writeString(dir.resolve("..data"), "ignored-entry-of-kubernetes");
    StaticTokens tokens = StaticTokens.read(dir);

    assertThat(tokens.match("s3cr3t-token-of-ci-bot")).map(Caller::principal).hasValue("ci-bot");
    assertThat(tokens.match("s3cr3t-token-of-ci-bo")).isEmpty();
    assertThat(tokens.match("ignored-entry-of-kubernetes")).isEmpty();
    Files.writeString(dir.resolve("short"), "x");
    assertThatThrownBy(() -> StaticTokens.read(dir))
        .hasMessageContaining("the token of short is shorter than 16 characters");
  }

  @Test
  void bearerOnlyChallengesCarryNoResourceMetadata() {
    var bearer = new Challenge(Optional.empty(), List.of());
    assertThat(bearer.unauthorized(false)).isEqualTo("Bearer");
    assertThat(bearer.unauthorized(true)).startsWith("Bearer error=\"invalid_token\"");
    assertThat(ProtectedResourceMetadata.url("https://h:8443/team/mcp"))
        .isEqualTo("https://h:8443/.well-known/oauth-protected-resource/team/mcp");
    assertThat(IssuerKeys.discoveryUrls("https://idp/realms/a"))
        .containsExactly(
            "https://idp/realms/a/.well-known/openid-configuration",
            "https://idp/.well-known/oauth-authorization-server/realms/a");
  }
}
