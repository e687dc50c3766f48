package io.mcpoperator.k8stools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Fake kubectl, helm and argocd shell scripts in a directory (istioctl is deliberately missing),
 * answering sub-commands that exercise the execution paths.
 */
public final class FakeClis {
  private static final String SCRIPT =
      """
      #!/bin/sh
      DIR='@DIR@'
      case "$1" in
        version) echo "$(basename "$0") v9.9.9-fake" ;;
        args) shift; for a in "$@"; do echo "[$a]"; done ;;
        app|get|list) for a in "$@"; do echo "[$a]"; done ;;
        env)
          echo "KUBECONFIG=${KUBECONFIG:-unset}"
          echo "PWD=$(pwd)"
          if [ -n "$KUBECONFIG" ]; then
            cat "$KUBECONFIG"
            stat -c 'file-mode=%a' "$KUBECONFIG"
            stat -c 'dir-mode=%a' "$(dirname "$KUBECONFIG")"
          fi ;;
        fail) echo "partial output"; echo "something broke" >&2; exit 3 ;;
        silent-fail) exit 4 ;;
        lost) echo "error: cannot load $(pwd)/kubeconfig: permission denied" >&2; exit 1 ;;
        warn-dir) echo "ok"; echo "Warning: cache in $(pwd -P)/.kube not writable" >&2 ;;
        warn) echo "ok"; echo "Warning: v1 thing is deprecated" >&2 ;;
        unauthorized) echo "error: You must be logged in to the server (Unauthorized)" >&2; exit 1 ;;
        hang)
          echo "$KUBECONFIG" > "$DIR/hang.kubeconfig"
          sleep 600 &
          echo $! > "$DIR/hang.child"
          echo "started"
          wait ;;
        flood)
          i=0
          while [ $i -lt 3000 ]; do echo "line $i of a long output that goes on and on"; i=$((i+1)); done ;;
        lines) printf 'cherry\\nbanana\\napple\\nbanana\\n' ;;
        json) echo '{"items":[{"name":"a"},{"name":"b"}]}' ;;
        *) echo "unknown command \\"$1\\" for \\"$(basename "$0")\\"" >&2; exit 1 ;;
      esac
      """;

  private final Path dir;

  private FakeClis(Path dir) {
    this.dir = dir;
  }

  /** Writes the fakes into {@code dir}. */
  public static FakeClis in(Path dir) throws IOException {
    for (String name : List.of("kubectl", "helm", "argocd")) {
      Path script = dir.resolve(name);
      Files.writeString(script, SCRIPT.replace("@DIR@", dir.toString()));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
    return new FakeClis(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The search path: the fakes first, then the system's filters. */
  public List<Path> searchPath() {
    return List.of(dir, Path.of("/usr/bin"), Path.of("/bin"));
  }

  /** A file the {@code hang} command writes. */
  public Path file(String name) {
    return dir.resolve(name);
  }
}
