package io.mcpoperator.k8stools.service;

import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.command.ToolFailure;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns a base64 kubeconfig into file content, rejecting what no CLI could use. */
final class KubeconfigDecoder {
  static final int MAX_BYTES = 1 << 20;

  private KubeconfigDecoder() {}

  static byte[] decode(String base64) {
    String compact = base64.replaceAll("\\s", "");
    byte[] bytes = base64Bytes(compact);
    if (bytes.length == 0) {
      throw authFailure("kubeconfig is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw authFailure("kubeconfig is larger than " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw authFailure("kubeconfig is not text (decoded base64 is not UTF-8)");
    }
    checkShape(text);
    return bytes;
  }

  private static byte[] base64Bytes(String compact) {
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException standard) {
      try {
        return Base64.getUrlDecoder().decode(compact);
      } catch (IllegalArgumentException url) {
        throw authFailure(
            "kubeconfig is not valid base64 ("
                + standard.getMessage()
                + "); encode the file with: base64 -w0 ~/.kube/config");
      }
    }
  }

  private static void checkShape(String text) {
    Object doc;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      doc = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw authFailure("kubeconfig is not valid YAML: " + firstLine(e.getMessage()));
    }
    if (!(doc instanceof Map<?, ?> map)
        || !(map.containsKey("clusters") || "Config".equals(map.get("kind")))) {
      throw authFailure("kubeconfig has no 'clusters': the decoded text is not a kubeconfig");
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static ToolFailure authFailure(String message) {
    return new ToolFailure(ErrorCode.AUTH_ERROR, 400, message);
  }
}
