package io.mcpoperator.gateway.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What came back from a backend: an HTTP answer, or no answer at all. */
public sealed interface HttpOutcome {

  /**
   * An HTTP response.
   *
   * @param body at most the size limit; {@code truncated} when there was more
   */
  record Answered(int status, Optional<String> contentType, byte[] body, boolean truncated)
      implements HttpOutcome {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** True for JSON media types ({@code application/json}, {@code application/*+json}). */
    public boolean json() {
      return contentType
          .map(t -> t.toLowerCase(Locale.ROOT).split(";", 2)[0].trim())
          .map(t -> t.equals("application/json") || t.endsWith("+json"))
          .orElse(false);
    }

    /** The body for a message: at most {@code max} characters, whitespace collapsed. */
    public String trimmedText(int max) {
      String text = text().strip().replaceAll("\\s+", " ");
      return text.length() <= max ? text : text.substring(0, max) + "…";
    }
  }

  /** No HTTP answer: connection refused, DNS failure, timeout, cancellation. */
  record Failed(String reason, boolean timedOut) implements HttpOutcome {}
}
