package dev.schemagate.registry.server.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth file, re-read when it changes on disk (a Secret update swaps a symlink, so the file key
 * changes too). Checked at most once a second, by {@code stat} alone; a file that fails to load
 * leaves the previous users in force and is reported once.
 */
public final class ReloadingAuthFile {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadingAuthFile.class);
  private static final long CHECK_EVERY_MILLIS = 1_000;

  private final Path file;
  private final Clock clock;
  private volatile Loaded current;
  private volatile Optional<Stamp> rejected = Optional.empty();
  private volatile long checkedAt;

  private record Stamp(Object fileKey, long modified, long size) {}

  private record Loaded(Stamp stamp, AuthFile users) {}

  public ReloadingAuthFile(Path file, Clock clock) throws AuthFile.InvalidAuthFileException {
    this.file = file;
    this.clock = clock;
    Stamp stamp =
        stamp()
            .orElseThrow(
                () -> new AuthFile.InvalidAuthFileException(file + ": the auth file is missing"));
    this.current = new Loaded(stamp, AuthFile.read(file));
    this.checkedAt = clock.millis();
  }

  public AuthFile users() {
    long now = clock.millis();
    if (now - checkedAt < CHECK_EVERY_MILLIS) {
      return current.users();
    }
    synchronized (this) {
      if (now - checkedAt >= CHECK_EVERY_MILLIS) {
        checkedAt = now;
        reloadIfChanged();
      }
    }
    return current.users();
  }

  private void reloadIfChanged() {
    Optional<Stamp> now = stamp();
    if (now.isEmpty() || now.get().equals(current.stamp()) || now.equals(rejected)) {
      return;
    }
    try {
      current = new Loaded(now.get(), AuthFile.read(file));
      LOG.info("reloaded the auth file {} ({} users)", file, current.users().users().size());
    } catch (AuthFile.InvalidAuthFileException e) {
      rejected = now;
      LOG.warn("keeping the previous users: {}", e.getMessage());
    }
  }

  private Optional<Stamp> stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(
          new Stamp(
              attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size()));
    } catch (IOException vanished) {
      return Optional.empty(); // mid-rotation: keep what we have
    }
  }
}
