package io.mcpoperator.images;

import java.util.List;

/**
 * One image layer: files from the build machine and where they go in the image.
 *
 * @param name the layer's name in the build log ("runtime", "dependencies", ...)
 * @param entries the files, in the order they are written
 */
record Layer(String name, List<Entry> entries) {

  Layer {
    entries = List.copyOf(entries);
  }

  /**
   * One file or directory.
   *
   * @param source a file or directory on the build machine
   * @param target its absolute path in the image
   * @param mode its octal permissions in the image ("755", "644", "777")
   */
  record Entry(java.nio.file.Path source, String target, String mode) {
    Entry {
      if (!target.startsWith("/")) {
        throw new IllegalArgumentException("image path must be absolute: " + target);
      }
      if (!mode.matches("[0-7]{3}")) {
        throw new IllegalArgumentException("mode must be three octal digits: " + mode);
      }
    }
  }
}
