package io.mcpoperator.k8stools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This server's version, from a resource the build fills in. */
final class VersionInfo {
  private VersionInfo() {}

  static String version() {
    try (InputStream in = VersionInfo.class.getResourceAsStream("/k8s-tools-version.properties")) {
      Properties props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
