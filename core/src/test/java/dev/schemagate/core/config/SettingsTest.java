package dev.schemagate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
  enum Mode {
    FAIL_CLOSED,
    OPEN
  }

  @ParameterizedTest
  @CsvSource({
    "500ms,500",
    "30s,30000",
    "5m,300000",
    "1h,3600000",
    "1d,86400000",
    "0,0",
    "PT2S,2000"
  })
  void shouldReadEveryDurationSpelling(String text, long millis) {
    assertThat(Durations.parse("X", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5 minutes", "-1s", "1.5s", "PT-1S", "s"})
  void shouldRefuseWhatIsNotADurationNamingTheVariable(String text) {
    assertThatThrownBy(() -> Durations.parse("SCHEMAGATE_RETRY_INTERVAL", text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SCHEMAGATE_RETRY_INTERVAL='" + text + "'")
        .hasMessageContaining("30s");
  }

  @Test
  void shouldRefuseAZeroDurationWhereOneIsNeeded() {
    assertThatThrownBy(() -> Durations.parsePositive("SCHEMAGATE_RESYNC_INTERVAL", "0s"))
        .hasMessageContaining("SCHEMAGATE_RESYNC_INTERVAL")
        .hasMessageContaining("longer than zero");
  }

  @ParameterizedTest
  @CsvSource({"fail-closed,FAIL_CLOSED", "FAIL_CLOSED,FAIL_CLOSED", " Open ,OPEN"})
  void shouldReadEnumsWhateverTheCaseOrDashes(String text, Mode mode) {
    assertThat(Enums.parse(Mode.class, text)).contains(mode);
  }

  @Test
  void shouldListTheAcceptedValuesOfAnUnknownEnumValue() {
    assertThatThrownBy(() -> Enums.parse(Mode.class, "SCHEMAGATE_MODE", "shut"))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.variable()).isEqualTo("SCHEMAGATE_MODE"))
        .hasMessage("SCHEMAGATE_MODE='shut' must be one of fail-closed, open");
  }

  @Test
  void shouldReadEnvironmentsInPromotionOrderWithTheirRegistries() {
    Environments environments =
        Environments.parse(" dev=http://registry.dev:8081 , prod=https://registry.prod ");

    assertThat(environments.names()).containsExactly("dev", "prod");
    assertThat(environments.registry("prod")).contains(URI.create("https://registry.prod"));
    assertThat(environments.registry("staging")).isEmpty();
  }

  @Test
  void shouldTreatUnsetEnvironmentsAsNone() {
    assertThat(Environments.parse(null).isEmpty()).isTrue();
    assertThat(Settings.of(Map.of("SCHEMAGATE_ENVIRONMENTS", " ")).environments().isEmpty())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dev,staging,prod | 'dev' has no registry URL; write name=url",
        "dev=registry.dev:8081 | the registry of 'dev' must be an http(s) URL",
        "Dev=http://a:1 | environment name 'Dev' must be a lower-case DNS label",
        "dev=http://a:1,dev=http://b:1 | environment 'dev' is listed twice",
        "=http://a:1 | environment name '' must be"
      })
  void shouldRefuseEnvironmentsNotInTheOneFormat(String text, String problem) {
    assertThatThrownBy(() -> Environments.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SCHEMAGATE_ENVIRONMENTS: ")
        .hasMessageContaining(problem);
  }

  @Test
  void shouldReadTypedSettingsTreatingBlankAsUnset() {
    Settings settings =
        Settings.of(
            Map.of(
                "A_PORT", "8080",
                "A_FLAG", "FALSE",
                "A_URL", "http://registry:8081",
                "A_BLANK", "  ",
                "SCHEMAGATE_LOG_LEVEL", "debug"));

    assertThat(settings.integer("A_PORT", 1, 0, 65535)).isEqualTo(8080);
    assertThat(settings.bool("A_FLAG", true)).isFalse();
    assertThat(settings.url("A_URL", "http://x")).isEqualTo(URI.create("http://registry:8081"));
    assertThat(settings.text("A_BLANK", "fallback")).isEqualTo("fallback");
    assertThat(settings.logLevel()).isEqualTo(Settings.LogLevel.DEBUG);
  }

  @Test
  void shouldNameTheVariableOfEveryBadTypedSetting() {
    Settings settings =
        Settings.of(
            Map.of(
                "A_PORT", "80000",
                "A_FLAG", "yes",
                "A_URL", "registry:8081",
                "SCHEMAGATE_LOG_LEVEL", "loud"));

    assertThatThrownBy(() -> settings.integer("A_PORT", 1, 0, 65535))
        .hasMessage("A_PORT='80000' must be a whole number from 0 to 65535");
    assertThatThrownBy(() -> settings.bool("A_FLAG", true))
        .hasMessage("A_FLAG='yes' must be true or false");
    assertThatThrownBy(() -> settings.url("A_URL", "http://x")).hasMessageStartingWith("A_URL=");
    assertThatThrownBy(settings::logLevel)
        .hasMessage(
            "SCHEMAGATE_LOG_LEVEL='loud' must be one of trace, debug, info, warn, error, off");
  }

  @Test
  void shouldWriteTheSharedErrorBodyAsJson() throws Exception {
    var body = new ObjectMapper().readTree(Startup.errorBody(404, "no such path: \"/x\"\n"));

    assertThat(body.get("error_code").asInt()).isEqualTo(404);
    assertThat(body.get("message").asText()).isEqualTo("no such path: \"/x\"\n");
  }
}
