package dev.schemagate.cli.diff;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A git repository read with JGit: refs resolved to trees, and the files that differ between two
 * trees found by walking only the subtrees whose ids differ (unchanged directories are skipped
 * whole, which is what keeps a diff of a large repository fast).
 */
public final class GitRepository implements AutoCloseable {
  private final Repository repository;
  private final ObjectReader reader;

  private GitRepository(Repository repository) {
    this.repository = repository;
    this.reader = repository.newObjectReader();
  }

  /** Opens the repository at or above {@code directory}. */
  public static GitRepository open(File directory) {
    if (!directory.isDirectory()) {
      throw new DiffException(
          DiffException.Reason.NOT_A_REPOSITORY, directory + ": no such directory");
    }
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().readEnvironment().findGitDir(directory.getAbsoluteFile());
    if (builder.getGitDir() == null) {
      throw new DiffException(
          DiffException.Reason.NOT_A_REPOSITORY,
          directory + ": not a git repository (nor any of its parents)");
    }
    try {
      return new GitRepository(builder.setMustExist(true).build());
    } catch (IOException | IllegalArgumentException e) {
      throw new DiffException(
          DiffException.Reason.NOT_A_REPOSITORY,
          directory + ": not a git repository: " + e.getMessage());
    }
  }

  /** The tree of {@code ref} (a branch, tag, sha or expression such as {@code HEAD~1}). */
  public GitTree tree(String ref) {
    try {
      ObjectId id = repository.resolve(ref + "^{commit}");
      if (id == null) {
        throw unknown(ref, "no such branch, tag or commit");
      }
      try (RevWalk walk = new RevWalk(reader)) {
        return new GitTree(reader, walk.parseCommit(id).getTree(), ref);
      }
    } catch (AmbiguousObjectException e) {
      throw unknown(ref, "ambiguous abbreviation");
    } catch (RevisionSyntaxException | IOException e) {
      throw unknown(ref, e.getMessage());
    }
  }

  /** The short id of the commit {@code ref} names. */
  public String shortId(String ref) {
    try {
      ObjectId id = repository.resolve(ref + "^{commit}");
      return id == null ? ref : reader.abbreviate(id, 7).name();
    } catch (IOException e) {
      return ref;
    }
  }

  /**
   * The files that differ between the trees, renames paired up, limited to {@code paths} (files or
   * directories; all when empty).
   */
  public List<FileChange> changes(GitTree base, GitTree head, List<String> paths) {
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(base.tree());
      walk.addTree(head.tree());
      walk.setRecursive(true);
      TreeFilter filter = TreeFilter.ANY_DIFF;
      if (!paths.isEmpty()) {
        filter =
            AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF);
      }
      walk.setFilter(filter);
      RenameDetector renames = new RenameDetector(repository);
      renames.addAll(DiffEntry.scan(walk));
      List<FileChange> changes = new ArrayList<>();
      for (DiffEntry entry : renames.compute(reader, null)) {
        changes.add(
            switch (entry.getChangeType()) {
              case ADD -> new FileChange(Optional.empty(), Optional.of(entry.getNewPath()));
              case DELETE -> new FileChange(Optional.of(entry.getOldPath()), Optional.empty());
              case COPY -> new FileChange(Optional.empty(), Optional.of(entry.getNewPath()));
              default ->
                  new FileChange(Optional.of(entry.getOldPath()), Optional.of(entry.getNewPath()));
            });
      }
      return changes;
    } catch (IOException | org.eclipse.jgit.api.errors.CanceledException e) {
      throw new DiffException(
          DiffException.Reason.UNREADABLE_BLOB, "cannot compare the trees: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    reader.close();
    repository.close();
  }

  private static DiffException unknown(String ref, String why) {
    return new DiffException(
        DiffException.Reason.UNKNOWN_REF, "unknown ref '%s': %s".formatted(ref, why));
  }
}
