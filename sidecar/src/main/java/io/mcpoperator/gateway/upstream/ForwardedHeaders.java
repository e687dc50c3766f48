package io.mcpoperator.gateway.upstream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client headers an HTTP upstream receives on the POST that carries the client's request:
 * {@code X-Kubeconfig} plus the names listed in {@value #ENV}. Hop-by-hop, framing and MCP
 * transport headers ({@code Mcp-*}, {@code Host}, {@code Content-Length}, ...) are never passed on,
 * whatever the list says, nor, with auth on, {@link #CALLER_HEADERS}; neither is a header the
 * client's {@code Connection} names.
 *
 * @param names the header names, as configured
 */
public record ForwardedHeaders(List<String> names) {
  private static final Logger LOG = LoggerFactory.getLogger(ForwardedHeaders.class);

  /** Comma-separated header names to forward in addition to {@link #DEFAULT}. */
  public static final String ENV = "MCP_GATEWAY_FORWARD_HEADERS";

  public static final List<String> DEFAULT = List.of("X-Kubeconfig");

  private static final Set<String> NEVER =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "expect",
          "content-length",
          "content-type",
          "content-encoding",
          "accept",
          "accept-encoding",
          "last-event-id");

  /**
   * With auth on, never taken from the client whatever the list says: its credentials, which are
   * the gateway's to check (MCP: no token passthrough), and identity headers it could forge to
   * impersonate someone before an upstream that trusts them; the gateway sets its own ({@link
   * #withIdentity}).
   */
  static final Set<String> CALLER_HEADERS =
      Set.of(
          "authorization",
          "cookie",
          "x-mcp-subject",
          "x-mcp-groups",
          "x-forwarded-user",
          "x-forwarded-email",
          "x-forwarded-groups",
          "x-forwarded-preferred-username",
          "x-auth-request-user",
          "x-auth-request-email",
          "x-auth-request-groups",
          "x-remote-user",
          "x-remote-group",
          "remote-user");

  /** What RFC 9110 allows in a field name. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");

  public ForwardedHeaders {
    names = List.copyOf(names);
  }

  /** {@link #DEFAULT} plus the names of a comma list; names that must not travel are dropped. */
  public static ForwardedHeaders parse(Optional<String> commaList) {
    Map<String, String> byKey = new LinkedHashMap<>();
    DEFAULT.forEach(n -> byKey.put(key(n), n));
    Arrays.stream(commaList.orElse("").split(","))
        .map(String::strip)
        .filter(n -> !n.isEmpty())
        .forEach(
            n -> {
              if (refused(n)) {
                LOG.warn("{}: header \"{}\" is never forwarded", ENV, n);
              } else {
                byKey.putIfAbsent(key(n), n);
              }
            });
    return new ForwardedHeaders(List.copyOf(byKey.values()));
  }

  /**
   * For a gateway that authenticates its callers: these headers but {@link #CALLER_HEADERS}, plus
   * {@code identity}, whose values the gateway sets from the authenticated caller (the client's own
   * are never read: see {@code auth.CallerRequest}).
   */
  public ForwardedHeaders withIdentity(List<String> identity) {
    Map<String, String> byKey = new LinkedHashMap<>();
    names.stream()
        .filter(n -> CALLER_HEADERS.contains(key(n)))
        .forEach(
            n -> {
              LOG.warn("{}: header \"{}\" is not forwarded while auth is on", ENV, n);
            });
    names.stream().filter(n -> !CALLER_HEADERS.contains(key(n))).forEach(n -> byKey.put(key(n), n));
    identity.stream().filter(n -> !refused(n)).forEach(n -> byKey.putIfAbsent(key(n), n));
    return new ForwardedHeaders(List.copyOf(byKey.values()));
  }

  /** Hands each listed header the client sent to {@code header}. */
  public void apply(ClientHeaders client, BiConsumer<String, String> header) {
    Set<String> connection =
        client.value("Connection").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(ForwardedHeaders::key)
            .collect(Collectors.toSet());
    for (String name : names) {
      if (!refused(name) && !connection.contains(key(name))) {
        client.value(name).ifPresent(value -> header.accept(name, value));
      }
    }
  }

  private static boolean refused(String name) {
    String key = key(name);
    return NEVER.contains(key) || key.startsWith("mcp-") || !TOKEN.matcher(key).matches();
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
