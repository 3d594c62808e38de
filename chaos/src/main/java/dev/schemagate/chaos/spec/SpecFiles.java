package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a YAML spec into its record, turning every problem into one line naming where it is. */
final class SpecFiles {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private SpecFiles() {}

  static <T> T read(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SpecException("%s: no such file".formatted(file));
    } catch (IOException e) {
      throw new SpecException("%s: cannot read: %s".formatted(file, e.getMessage()));
    }
    return parse(file.toString(), text, type);
  }

  /** Parses spec text; {@code name} is how errors refer to it (a path, or a bundled name). */
  static <T> T parse(String file, String text, Class<T> type) {
    if (text.isBlank()) {
      throw new SpecException("%s: the file is empty".formatted(file));
    }
    try {
      return YAML.readValue(text, type);
    } catch (JsonMappingException e) {
      String path = path(e);
      var missing =
          java.util.regex.Pattern.compile("Missing required creator property '([^']+)'")
              .matcher(e.getOriginalMessage());
      if (missing.find() && !path.endsWith(missing.group(1))) {
        path = path.equals("(top level)") ? missing.group(1) : path + "." + missing.group(1);
      }
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException syntax) {
          throw new SpecException(
              "%s:%s: not valid YAML: %s"
                  .formatted(file, line(e.getLocation()), syntax.getOriginalMessage()));
        }
      }
      throw new SpecException(
          "%s:%s: field '%s': %s".formatted(file, line(e.getLocation()), path, cause(e)));
    } catch (JsonProcessingException e) {
      throw new SpecException(
          "%s:%s: not valid YAML: %s"
              .formatted(file, line(e.getLocation()), e.getOriginalMessage()));
    }
  }

  private static String line(JsonLocation location) {
    return location == null ? "?" : Integer.toString(location.getLineNr());
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "(top level)" : path;
  }

  /** The human part of Jackson's message: our own validation message when there is one. */
  private static String cause(JsonMappingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException || root instanceof NullPointerException) {
      return root.getMessage();
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" (for ");
    if (message.startsWith("Missing required creator property")) {
      return "is required";
    }
    if (message.startsWith("Unrecognized field")) {
      return "is not a known field";
    }
    return (cut > 0 ? message.substring(0, cut) : message).lines().findFirst().orElse(message);
  }
}
