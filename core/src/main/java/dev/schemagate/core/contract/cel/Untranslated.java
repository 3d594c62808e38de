package dev.schemagate.core.contract.cel;

import dev.schemagate.core.contract.Contract.QualityRule;

/** A quality rule with no CEL form, and why (it stays with the batch checks). */
public record Untranslated(QualityRule rule, String reason) {}
