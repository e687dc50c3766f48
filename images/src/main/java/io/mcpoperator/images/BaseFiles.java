package io.mcpoperator.images;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few files under {@code /etc} a JVM and the CLIs expect in an image that has no distribution:
 * the users the images run as (so {@code user.name} and {@code HOME} resolve), name service switch
 * and hosts (so {@code localhost} resolves without DNS).
 */
final class BaseFiles {

  /** uid/gid of the operator and gateway images (distroless's "nonroot"). */
  static final String NONROOT = "65532:65532";

  /** uid:gid of the image-server image: group 0, so arbitrary-uid platforms can write /tmp. */
  static final String TOOLS_USER = "10001:0";

  private BaseFiles() {}

  /** Image path → content. */
  static Map<String, String> contents() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "/etc/passwd",
        """
        root:x:0:0:root:/root:/sbin/nologin
        nonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin
        mcp:x:10001:0:mcp:/tmp:/sbin/nologin
        nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
        """);
    files.put(
        "/etc/group",
        """
        root:x:0:
        nonroot:x:65532:
        nogroup:x:65534:
        """);
    files.put("/etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n");
    files.put("/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
    return files;
  }
}
