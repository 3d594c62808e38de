package dev.schemagate.cli.diff;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One side of the diff: a commit's tree, whose blobs are read straight from the object database (no
 * checkout, no git binary) and only when asked for.
 */
public final class GitTree {
  /** Far above any real manifest; a stray binary blob must not eat the heap. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final ObjectReader reader;
  private final RevTree tree;
  private final String label;
  private final Map<String, Optional<String>> texts = new HashMap<>();

  GitTree(ObjectReader reader, RevTree tree, String label) {
    this.reader = reader;
    this.tree = tree;
    this.label = label;
  }

  /** The ref as the user named it, for messages. */
  public String label() {
    return label;
  }

  RevTree tree() {
    return tree;
  }

  /** The text of the file at {@code path}, or empty when this tree has no such file. */
  public Optional<String> text(String path) {
    return texts.computeIfAbsent(path, this::load);
  }

  private Optional<String> load(String path) {
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null || walk.isSubtree()) {
        return Optional.empty();
      }
      return Optional.of(blob(path, walk.getObjectId(0)));
    } catch (IOException e) {
      throw new DiffException(
          DiffException.Reason.UNREADABLE_BLOB,
          "%s:%s: cannot read: %s".formatted(label, path, e.getMessage()));
    }
  }

  /** Reads the blob {@code id} as strict UTF-8. */
  String blob(String path, ObjectId id) throws IOException {
    var loader = reader.open(id);
    if (loader.getSize() > MAX_BYTES) {
      throw new DiffException(
          DiffException.Reason.UNREADABLE_BLOB,
          "%s:%s: %d bytes is too large for a schema or manifest (limit %d)"
              .formatted(label, path, loader.getSize(), MAX_BYTES));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(loader.getCachedBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DiffException(
          DiffException.Reason.UNREADABLE_BLOB,
          "%s:%s: not UTF-8 text (a binary file?)".formatted(label, path));
    }
  }

  /** The files directly in {@code directory} ("" for the root), by path. */
  public List<String> filesIn(String directory) {
    List<String> files = new ArrayList<>();
    try {
      ObjectId subtree;
      if (directory.isEmpty()) {
        subtree = tree;
      } else {
        try (TreeWalk walk = TreeWalk.forPath(reader, directory, tree)) {
          if (walk == null || !walk.isSubtree()) {
            return files;
          }
          subtree = walk.getObjectId(0);
        }
      }
      try (TreeWalk walk = new TreeWalk(reader)) {
        walk.addTree(subtree);
        walk.setRecursive(false);
        while (walk.next()) {
          if (!walk.isSubtree()) {
            files.add(
                directory.isEmpty()
                    ? walk.getPathString()
                    : directory + "/" + walk.getPathString());
          }
        }
      }
    } catch (IOException e) {
      throw new DiffException(
          DiffException.Reason.UNREADABLE_BLOB,
          "%s:%s: cannot list: %s".formatted(label, directory, e.getMessage()));
    }
    return files;
  }
}
