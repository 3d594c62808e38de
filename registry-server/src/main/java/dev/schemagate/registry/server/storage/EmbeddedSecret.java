package dev.schemagate.registry.server.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded PostgreSQL superuser's password: generated once, kept in the data directory,
 * readable by its owner alone (as {@code ~/.pgpass} would be).
 */
final class EmbeddedSecret {
  static final String FILE = "postgres-password";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private EmbeddedSecret() {}

  static Path file(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  static String readOrCreate(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = file(dataDir);
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      } catch (FileAlreadyExistsException raced) {
        // another start made it first: use theirs
      }
    }
    // Tighten a file someone loosened, before anything reads it.
    Files.setPosixFilePermissions(file, OWNER_ONLY);
    String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (secret.isEmpty()) {
      throw new IOException(file + " is empty: delete it only together with the database");
    }
    return secret;
  }
}
