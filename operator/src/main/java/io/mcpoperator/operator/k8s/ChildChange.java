package io.mcpoperator.operator.k8s;

/** One write the apply layer made to a child. */
public record ChildChange(Verb verb, String kind, String name) {

  /** What happened to the child. */
  public enum Verb {
    CREATED("Created"),
    UPDATED("Updated"),
    DELETED("Deleted");

    private final String reason;

    Verb(String reason) {
      this.reason = reason;
    }

    /** The Event reason for this change. */
    public String reason() {
      return reason;
    }
  }

  /** A sentence for an Event or a log line. */
  public String describe() {
    return reason() + " " + kind + " " + name;
  }

  private String reason() {
    return verb.reason();
  }
}
