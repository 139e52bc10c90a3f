package io.switchboard.pbxsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a scenario from YAML or JSON text (JSON is YAML too). Unknown keys are errors, and every
 * error names what was wrong. Stateless and thread-safe.
 */
public final class ScenarioParser {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ScenarioParser() {}

  /**
   * @throws IllegalArgumentException naming the problem (unknown key, bad value, bad YAML)
   */
  public static Scenario parse(String text) {
    try {
      Scenario s = MAPPER.readValue(text, Scenario.class);
      if (s == null) {
        throw new IllegalArgumentException("scenario is empty");
      }
      return s;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("scenario: " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("scenario: " + e.getOriginalMessage(), e);
    }
  }
}
