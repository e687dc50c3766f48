package io.mcpoperator.operator.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an image's config through the OCI distribution API: the manifest (an index or manifest list
 * is narrowed to linux/amd64), then the config blob. Answers a registry's 401 challenge as Docker
 * does: Bearer (anonymous, or with the pull secret's credential, as Docker Hub and GHCR need) or
 * Basic. Loopback registries are reached over plain HTTP, all others over HTTPS. Configs are cached
 * by manifest digest, which never changes what it names.
 */
public final class RegistryClient {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final String ACCEPT =
      String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);
  private static final int MAX_CACHED = 4096;
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final HttpClient http;
  private final Duration requestTimeout;
  private final Map<String, ImageConfig> byDigest = new ConcurrentHashMap<>();

  /** Connect timeout 5 s, request timeout 10 s. */
  public RegistryClient() {
    this(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  RegistryClient(Duration connectTimeout, Duration requestTimeout) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
  }

  /** The config of the image (its linux/amd64 variant when it is an index). */
  ImageConfig fetch(ImageReference image, Optional<Credential> credential)
      throws RegistryException {
    return fetch(image, credential, RegistryCredentials.PULL_SECRETS);
  }

  /**
   * The config of the image, {@code credentialSource} naming where credentials come from in the
   * messages of refusals ({@code spec.imagePullSecrets}, {@code --docker-config FILE}).
   */
  ImageConfig fetch(ImageReference image, Optional<Credential> credential, String credentialSource)
      throws RegistryException {
    Session session = new Session(image, credential, credentialSource);
    Fetched manifest = session.get("manifests/" + image.reference(), ACCEPT);
    JsonObject body = json(manifest, "manifest");
    String type = mediaType(manifest, body);
    String digest = manifest.digest();
    if (type.equals(OCI_INDEX) || type.equals(DOCKER_LIST)) {
      digest = platform(image, body);
      ImageConfig known = byDigest.get(key(image, digest));
      if (known != null) {
        return known;
      }
      manifest = session.get("manifests/" + digest, ACCEPT);
      body = json(manifest, "manifest");
      type = mediaType(manifest, body);
    }
    if (!type.equals(OCI_MANIFEST) && !type.equals(DOCKER_MANIFEST)) {
      throw new RegistryException(
          Resolution.Reason.NOT_FOUND,
          image
              + " has a manifest of type "
              + (type.isEmpty() ? "unknown" : type)
              + ", which the operator cannot read (expected an OCI or Docker v2 image)");
    }
    ImageConfig known = byDigest.get(key(image, digest));
    if (known != null) {
      return known;
    }
    String configDigest = string(object(body, "config"), "digest");
    if (configDigest.isEmpty()) {
      throw new RegistryException(
          Resolution.Reason.NOT_FOUND, "the manifest of " + image + " names no config blob");
    }
    Fetched blob = session.get("blobs/" + configDigest, "*/*");
    if (!configDigest.equals(sha256(blob.body()))) {
      throw new RegistryException(
          Resolution.Reason.REGISTRY_UNREACHABLE,
          "the config blob of " + image + " does not match its digest " + configDigest);
    }
    ImageConfig config = config(digest, json(blob, "config blob"));
    if (byDigest.size() >= MAX_CACHED) {
      byDigest.clear();
    }
    byDigest.put(key(image, digest), config);
    return config;
  }

  private static String key(ImageReference image, String digest) {
    return image.registry() + "/" + image.repository() + "@" + digest;
  }

  /** The digest of the linux/amd64 manifest in an index. */
  private static String platform(ImageReference image, JsonObject index) throws RegistryException {
    List<String> seen = new ArrayList<>();
    if (index.get("manifests") instanceof JsonArray manifests) {
      for (JsonElement m : manifests) {
        if (!(m instanceof JsonObject entry)) {
          continue;
        }
        JsonObject platform = object(entry, "platform");
        String os = string(platform, "os");
        String arch = string(platform, "architecture");
        if (os.equals("linux") && arch.equals("amd64")) {
          return string(entry, "digest");
        }
        if (!os.isEmpty() && !os.equals("unknown")) {
          seen.add(os + "/" + arch);
        }
      }
    }
    throw new RegistryException(
        Resolution.Reason.NOT_FOUND,
        image
            + " has no linux/amd64 image (its index holds "
            + (seen.isEmpty() ? "none" : String.join(", ", seen))
            + ")");
  }

  private static ImageConfig config(String digest, JsonObject blob) {
    JsonObject config = object(blob, "config");
    return new ImageConfig(
        digest,
        strings(config, "Entrypoint"),
        strings(config, "Cmd"),
        string(config, "WorkingDir"),
        string(config, "User"));
  }

  private static String mediaType(Fetched fetched, JsonObject body) {
    String type = string(body, "mediaType");
    if (!type.isEmpty()) {
      return type;
    }
    String header = fetched.contentType().replaceFirst(";.*", "").strip();
    if (!header.isEmpty() && !header.equals("application/json")) {
      return header;
    }
    // an OCI manifest may omit mediaType: tell it from its fields
    return body.has("manifests") ? OCI_INDEX : body.has("config") ? OCI_MANIFEST : "";
  }

  private static JsonObject json(Fetched fetched, String what) throws RegistryException {
    try {
      JsonElement parsed =
          JsonParser.parseString(new String(fetched.body(), StandardCharsets.UTF_8));
      if (parsed.isJsonObject()) {
        return parsed.getAsJsonObject();
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new RegistryException(
        Resolution.Reason.REGISTRY_UNREACHABLE,
        "the registry answered a " + what + " that is not a JSON object");
  }

  static String sha256(byte[] body) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject object(JsonObject o, String field) {
    return o != null && o.get(field) instanceof JsonObject nested ? nested : new JsonObject();
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o == null ? null : o.get(field);
    return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
  }

  private static List<String> strings(JsonObject o, String field) {
    List<String> out = new ArrayList<>();
    if (o.get(field) instanceof JsonArray items) {
      items.forEach(i -> out.add(i.isJsonPrimitive() ? i.getAsString() : i.toString()));
    }
    return out;
  }

  /** A response body with the headers that matter. */
  record Fetched(byte[] body, String contentType, String digest) {}

  /** The requests for one image, sharing the authorization its registry asked for. */
  private final class Session {
    private final ImageReference image;
    private final Optional<Credential> credential;
    private final String credentialSource;
    private final String base;
    private Optional<String> authorization = Optional.empty();

    Session(ImageReference image, Optional<Credential> credential, String credentialSource) {
      this.image = image;
      this.credential = credential;
      this.credentialSource = credentialSource;
      this.base =
          (image.loopback() ? "http://" : "https://")
              + image.apiHost()
              + "/v2/"
              + image.repository()
              + "/";
    }

    Fetched get(String path, String accept) throws RegistryException {
      URI uri = URI.create(base + path);
      HttpResponse<byte[]> response = send(uri, accept, authorization);
      if (response.statusCode() == 401) {
        authorization = Optional.of(authorize(response));
        response = send(uri, accept, authorization);
      }
      for (int hops = 0; redirect(response.statusCode()) && hops < 5; hops++) {
        URI next = uri.resolve(response.headers().firstValue("Location").orElse(""));
        // blob storage behind a redirect gets no registry credentials (as Docker does)
        Optional<String> auth =
            next.getAuthority().equals(uri.getAuthority()) ? authorization : Optional.empty();
        uri = next;
        response = send(uri, accept, auth);
      }
      int status = response.statusCode();
      if (status == 200) {
        byte[] body = response.body();
        String digest =
            response.headers().firstValue("Docker-Content-Digest").orElseGet(() -> sha256(body));
        return new Fetched(body, response.headers().firstValue("Content-Type").orElse(""), digest);
      }
      throw failure(status, path);
    }

    private RegistryException failure(int status, String path) {
      String what = path.startsWith("blobs/") ? "the config blob of " + image : image.toString();
      return switch (status) {
        case 401, 403 ->
            new RegistryException(
                Resolution.Reason.UNAUTHORIZED,
                "registry "
                    + image.registry()
                    + " refused to show "
                    + what
                    + " (HTTP "
                    + status
                    + ")"
                    + (credential.isPresent()
                        ? " with the credential from " + credentialSource
                        : ": no credential for it in " + credentialSource));
        case 404 ->
            new RegistryException(
                Resolution.Reason.NOT_FOUND,
                what + " was not found in registry " + image.registry());
        default ->
            new RegistryException(
                Resolution.Reason.REGISTRY_UNREACHABLE,
                "registry " + image.registry() + " answered HTTP " + status + " for " + what);
      };
    }

    /** The Authorization header answering a 401 challenge. */
    private String authorize(HttpResponse<byte[]> challenged) throws RegistryException {
      String header = challenged.headers().firstValue("WWW-Authenticate").orElse("");
      Challenge challenge = Challenge.parse(header);
      if (challenge.scheme().equalsIgnoreCase("basic")) {
        return credential.map(Credential::basic).orElseThrow(() -> failure(401, "manifests/"));
      }
      if (!challenge.scheme().equalsIgnoreCase("bearer") || challenge.realm().isEmpty()) {
        throw new RegistryException(
            Resolution.Reason.UNAUTHORIZED,
            "registry "
                + image.registry()
                + " asks for an authentication the operator does not speak: "
                + header);
      }
      StringBuilder query = new StringBuilder();
      challenge.param("service").ifPresent(s -> query.append("service=").append(encode(s)));
      String scope = challenge.param("scope").orElse("repository:" + image.repository() + ":pull");
      query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(scope));
      String realm = challenge.realm();
      URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
      HttpResponse<byte[]> response =
          send(tokenUri, "application/json", credential.map(Credential::basic));
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw failure(response.statusCode(), "manifests/");
      }
      if (response.statusCode() != 200) {
        throw new RegistryException(
            Resolution.Reason.REGISTRY_UNREACHABLE,
            "the token service of registry "
                + image.registry()
                + " answered HTTP "
                + response.statusCode());
      }
      JsonObject token = json(new Fetched(response.body(), "", ""), "token");
      String value = string(token, "token");
      if (value.isEmpty()) {
        value = string(token, "access_token");
      }
      if (value.isEmpty()) {
        throw new RegistryException(
            Resolution.Reason.REGISTRY_UNREACHABLE,
            "the token service of registry " + image.registry() + " answered no token");
      }
      return "Bearer " + value;
    }

    private HttpResponse<byte[]> send(URI uri, String accept, Optional<String> auth)
        throws RegistryException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", accept).GET();
      auth.ifPresent(a -> request.header("Authorization", a));
      try {
        HttpResponse<byte[]> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.body().length > MAX_BODY) {
          throw new RegistryException(
              Resolution.Reason.REGISTRY_UNREACHABLE,
              "registry " + image.registry() + " answered more than 4 MiB for " + uri.getPath());
        }
        return response;
      } catch (IOException e) {
        throw new RegistryException(
            Resolution.Reason.REGISTRY_UNREACHABLE,
            "cannot reach registry " + uri.getAuthority() + ": " + describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(
            Resolution.Reason.REGISTRY_UNREACHABLE, "interrupted while reading " + image);
      }
    }
  }

  private static boolean redirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "HttpConnectTimeoutException" -> "connect timed out";
      case "HttpTimeoutException" -> "request timed out";
      case "ConnectException" -> "connection refused";
      case "UnresolvedAddressException", "UnknownHostException" -> "unknown host";
      default -> e.getMessage() == null ? name : e.getMessage();
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
