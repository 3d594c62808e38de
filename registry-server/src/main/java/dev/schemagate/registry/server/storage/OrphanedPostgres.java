package dev.schemagate.registry.server.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry killed with SIGKILL leaves its embedded PostgreSQL running (re-parented to PID 1), and
 * PostgreSQL then refuses a second postmaster on the directory. The owner holds zonky's {@code
 * epg-lock} file lock while it runs and the kernel drops the lock when the owner dies; so when that
 * lock is free but {@code postmaster.pid} names a live postgres of this very directory, that
 * postgres is an orphan: it is asked to stop (SIGTERM, a smart shutdown; its clients died with
 * their owner) and waited for. A lock held by a live registry is left alone: never two on one
 * directory.
 */
final class OrphanedPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private OrphanedPostgres() {}

  static void stopIfOrphaned(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    Path lockFile = pgData.resolve("epg-lock");
    if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
      return;
    }
    if (!ownerIsGone(lockFile)) {
      throw new IOException(
          "another schemagate registry is running on " + pgData + " (it holds " + lockFile + ")");
    }
    Optional<ProcessHandle> postmaster = postmasterOf(pgData, pidFile);
    if (postmaster.isEmpty()) {
      return; // a stale pid file: PostgreSQL itself cleans that up
    }
    ProcessHandle orphan = postmaster.get();
    LOG.warn(
        "stopping PostgreSQL {} left running on {} by a registry that died (e.g. SIGKILL)",
        orphan.pid(),
        pgData);
    orphan.destroy();
    Instant deadline = Instant.now().plus(STOP_WAIT);
    try {
      orphan.onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      if (orphan.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IOException(
            "the orphaned PostgreSQL " + orphan.pid() + " on " + pgData + " did not stop", e);
      }
    }
  }

  private static boolean ownerIsGone(Path lockFile) throws IOException {
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException ownedByThisProcess) {
      return false;
    }
  }

  /** The live process {@code postmaster.pid} names, if it is a postgres of this directory. */
  private static Optional<ProcessHandle> postmasterOf(Path pgData, Path pidFile)
      throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 2) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Path dataDir = Path.of(lines.get(1).trim());
    if (!Files.exists(dataDir) || !Files.isSameFile(dataDir, pgData)) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        // The pid may have been reused since: only a postgres process is ours to stop.
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
  }
}
