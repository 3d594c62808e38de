package dev.schemagate.registry.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of {@code SCHEMAGATE_AUTH_FILE} (YAML or JSON, e.g. a mounted Secret):
 *
 * <pre>
 * users:
 *   - name: ci
 *     passwordHash: "$2y$10$..."   # bcrypt: htpasswd -nbBC 10 ci PASSWORD, or --hash-password
 *     grants:
 *       - {role: write, subjectPrefix: "orders-"}
 *       - {role: read}              # no prefix: every subject
 *   - name: operator                # no passwordHash: a JWT whose sub is "operator" only
 *     grants: [{role: admin}]
 * </pre>
 */
public record AuthFile(Map<String, User> users) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A user: a bcrypt hash when it may log in with a password, and its grants. */
  public record User(String name, Optional<String> passwordHash, List<Grant> grants) {
    public User {
      grants = List.copyOf(grants);
    }

    Principal principal() {
      return new Principal(name, grants);
    }
  }

  public AuthFile {
    users = Map.copyOf(users);
  }

  public Optional<User> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /** Reads and checks the file; the message names the file and the entry that is wrong. */
  public static AuthFile read(Path file) throws InvalidAuthFileException {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidAuthFileException(file + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.path("users").isArray()) {
      throw new InvalidAuthFileException(file + ": expected a top-level 'users' list");
    }
    Map<String, User> users = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode node : root.get("users")) {
      String where = file + ": users[" + index++ + "]";
      String name = node.path("name").asText("");
      if (name.isBlank()) {
        throw new InvalidAuthFileException(where + ": 'name' is missing");
      }
      Optional<String> hash = Optional.empty();
      if (node.hasNonNull("passwordHash")) {
        String text = node.get("passwordHash").asText();
        if (!PasswordCheck.isBcrypt(text)) {
          throw new InvalidAuthFileException(
              where + " (" + name + "): passwordHash must be a bcrypt hash ($2a$/$2b$/$2y$)");
        }
        hash = Optional.of(text);
      }
      List<Grant> grants = new ArrayList<>();
      for (JsonNode grant : node.path("grants")) {
        String roleText = grant.path("role").asText("");
        Role role =
            Role.parse(roleText)
                .orElseThrow(
                    () ->
                        new InvalidAuthFileException(
                            where
                                + " ("
                                + name
                                + "): role must be read, write or admin, got '"
                                + roleText
                                + "'"));
        grants.add(new Grant(role, grant.path("subjectPrefix").asText("")));
      }
      if (users.put(name, new User(name, hash, grants)) != null) {
        throw new InvalidAuthFileException(where + ": user '" + name + "' is listed twice");
      }
    }
    return new AuthFile(users);
  }

  /** The auth file cannot be used; the message says where and why (never a secret). */
  public static final class InvalidAuthFileException extends Exception {
    public InvalidAuthFileException(String message) {
      super(message);
    }
  }
}
