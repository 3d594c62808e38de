package dev.schemagate.cli.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real git repository built with JGit for a test: write, move and delete files, then commit.
 * Commits carry a fixed author and time, so their ids (and the reports that quote them) are the
 * same on every run.
 */
public final class GitFixture implements AutoCloseable {
  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "Test", "test@schemagate.dev", Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  private final Git git;
  private final Path dir;
  private int commits;

  private GitFixture(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  public static GitFixture init(Path dir) {
    try {
      return new GitFixture(
          Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  public GitFixture write(String path, String text) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies a file of this repository's own samples (e.g. {@code schemas/orders/orders-v1.yaml}).
   */
  public GitFixture copySample(String sample, String path) {
    try {
      return write(path, Files.readString(Path.of("..").resolve(sample)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitFixture move(String from, String to) {
    try {
      Path target = dir.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(dir.resolve(from), target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitFixture delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits everything (new, changed and deleted files) and returns the commit id. */
  public String commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent when =
          new PersonIdent(AUTHOR, AUTHOR.getWhenAsInstant().plusSeconds(60L * commits++));
      return git.commit()
          .setMessage(message)
          .setAuthor(when)
          .setCommitter(when)
          .setSign(false)
          .call()
          .getId()
          .name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture branch(String name) {
    try {
      git.branchCreate().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
