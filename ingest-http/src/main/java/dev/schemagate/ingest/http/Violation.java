package dev.schemagate.ingest.http;

/**
 * One way a request body breaks its schema or contract.
 *
 * @param path JSON pointer into the body, e.g. {@code /lines/0/quantity}
 * @param rule the schema keyword ({@code required}, {@code type}, ...) or contract rule ({@code
 *     accepted_values}, ...)
 */
public record Violation(String path, String rule, String message) {}
