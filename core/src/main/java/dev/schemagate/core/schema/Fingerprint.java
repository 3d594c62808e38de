package dev.schemagate.core.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Content address of a schema: {@code sha256:} + lowercase hex of its canonical form. */
public record Fingerprint(String value) {
  private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

  public Fingerprint {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a fingerprint is 'sha256:' and 64 lowercase hex digits");
    }
  }

  public static Fingerprint of(String canonicalForm) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalForm.getBytes(StandardCharsets.UTF_8));
      return new Fingerprint("sha256:" + HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK ships SHA-256", impossible);
    }
  }

  /** The 64 hex digits without the algorithm prefix. */
  public String hex() {
    return value.substring("sha256:".length());
  }

  @Override
  public String toString() {
    return value;
  }
}
