package dev.schemagate.registry.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Checks a password against a bcrypt hash (Bouncy Castle). bcrypt is slow on purpose (tens of
 * milliseconds), and Confluent's clients send Basic credentials with every request, so a verified
 * pair is remembered for a while: keyed by an HMAC under a key that lives only in this process, so
 * no password is kept, and tied to the stored hash, so a changed hash is checked afresh.
 */
public final class PasswordCheck {
  private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
  private static final int COST = 10;
  // Checked when the user is unknown, so that the answer takes as long as for a known user.
  private static final String DUMMY = hash("not a real password".toCharArray());

  private final SecretKeySpec key;
  private final Cache<String, String> verified =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  PasswordCheck() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  static boolean isBcrypt(String text) {
    return BCRYPT.matcher(text).matches();
  }

  /** A bcrypt hash of the password, for the auth file ({@code --hash-password}). */
  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password, salt, COST);
  }

  boolean matches(String user, String password, String storedHash) {
    String token = token(user, password);
    if (storedHash.equals(verified.getIfPresent(token))) {
      return true;
    }
    boolean ok;
    try {
      ok = OpenBSDBCrypt.checkPassword(storedHash, password.toCharArray());
    } catch (RuntimeException tooLong) {
      ok = false; // bcrypt takes at most 72 bytes; a longer password cannot match
    }
    if (ok) {
      verified.put(token, storedHash);
    }
    return ok;
  }

  /** Spends a bcrypt check's time on a user that does not exist. */
  void burn(String password) {
    try {
      OpenBSDBCrypt.checkPassword(DUMMY, password.toCharArray());
    } catch (RuntimeException tooLong) {
      // nothing to spend
    }
  }

  private String token(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
