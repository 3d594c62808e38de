package dev.schemagate.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One cause, one word: the three kinds' reason enums share the words for shared causes. */
class ReasonVocabularyTest {
  /** The words a shared cause must be spelled with. */
  private static final Set<String> SHARED =
      Set.of("RegistryUnreachable", "RegistryRejected", "RegistryNotAuthorized", "InvalidSchema");

  /** Synonyms the kinds used before, for causes that now have one word. */
  private static final Set<String> RETIRED =
      Set.of(
          "SourceUnreachable",
          "TargetUnreachable",
          "TargetRefused",
          "TargetSchemaUnparsable",
          "SchemaUnparsable",
          "SchemaNotFound",
          "LineageRefused");

  @ParameterizedTest
  @ValueSource(
      classes = {
        dev.schemagate.operator.dataschema.Reason.class,
        dev.schemagate.operator.contract.Reason.class,
        dev.schemagate.operator.promotion.Reason.class
      })
  void shouldSpellEverySharedCauseWithTheSameWord(Class<? extends Enum<?>> reasons) {
    Set<String> words =
        Arrays.stream(reasons.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());

    assertThat(words).containsAll(SHARED).doesNotContainAnyElementsOf(RETIRED);
    assertThat(ConditionReason.class.isAssignableFrom(reasons)).isTrue();
    assertThat(words).allMatch(w -> w.matches("[A-Z][A-Za-z0-9]*"), "CamelCase");
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        dev.schemagate.operator.contract.Reason.class,
        dev.schemagate.operator.promotion.Reason.class
      })
  void shouldNameAMissingDataSchemaAndAnUnansweredLineageApiAlike(
      Class<? extends Enum<?>> reasons) {
    List<String> words = Arrays.stream(reasons.getEnumConstants()).map(Enum::name).toList();

    assertThat(words).contains("DataSchemaNotFound", "LineageUnavailable");
  }
}
