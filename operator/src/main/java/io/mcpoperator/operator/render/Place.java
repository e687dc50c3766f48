package io.mcpoperator.operator.render;

/**
 * Where a problem is: the file (or {@code <stdin>}), the 1-based index of the YAML document (0 for
 * the file as a whole), of the item of a {@code kind: List} (0 otherwise) and the object ({@code
 * MCPServer default/foo}, empty when not known).
 */
record Place(String source, int document, int item, String object) {

  static Place of(String source) {
    return new Place(source, 0, 0, "");
  }

  static Place of(String source, int document) {
    return new Place(source, document, 0, "");
  }

  /** {@code x.yaml: document 2 (MCPServer default/foo)}. */
  @Override
  public String toString() {
    return source
        + (document > 0 ? ": document " + document : "")
        + (item > 0 ? " item " + item : "")
        + (object.isEmpty() ? "" : " (" + object + ")");
  }
}
