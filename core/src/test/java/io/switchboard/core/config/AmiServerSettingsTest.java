package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmiServerSettingsTest {

  @Test
  void aListGivesEachServerInOrder() {
    assertThat(
            AmiServerSettings.parseList(
                "pbx1=ami://admin:s3cret@10.0.0.5:5039, pbx-2 = ami://ops:p%40ss@pbx2.example.com"))
        .containsExactly(
            new AmiServerSettings("pbx1", "10.0.0.5", 5039, "admin", "s3cret"),
            new AmiServerSettings("pbx-2", "pbx2.example.com", 5038, "ops", "p@ss"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ",", " , "})
  void emptyTextIsNoServers(String text) {
    assertThat(AmiServerSettings.parseList(text)).isEmpty();
  }

  @Test
  void aTrailingCommaIsTolerated() {
    assertThat(AmiServerSettings.parseList("pbx1=ami://admin:s3cret@pbx1,")).hasSize(1);
  }

  @Test
  void aServerIdTwiceIsRejected() {
    assertThatThrownBy(
            () -> AmiServerSettings.parseList("pbx1=ami://a:b@host1,pbx1=ami://a:b@host2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server id 'pbx1' appears twice");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PBX1",
        "-pbx",
        "_pbx",
        "pbx 1",
        "pbx.1",
        "",
        "p234567890123456789012345678901234"
      })
  void aBadServerIdSaysWhatAnIdMayBe(String id) {
    assertThatThrownBy(() -> AmiServerSettings.parseList(id + "=ami://admin:s3cret@pbx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 1 to 32 lower-case letters, digits, _ or -");
  }

  @Test
  void aServerIdOf32CharactersIsAccepted() {
    String id = "p" + "0".repeat(31);

    assertThat(AmiServerSettings.parseList(id + "=ami://admin:s3cret@pbx").get(0).id())
        .isEqualTo(id);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ami://admin:s3cret@pbx                | entry must be id=ami://user:secret@host:port",
        "pbx1=tcp://admin:s3cret@pbx           | server pbx1: must be ami://user:secret@host:port",
        "pbx1=ami://admin:s3cret@pbx:port      | server pbx1: must be ami://user:secret@host:port",
        "pbx1=ami://admin@pbx                  | server pbx1: needs a user and a secret",
        "pbx1=ami://pbx                        | server pbx1: needs a user and a secret",
        "pbx1=ami://:s3cret@pbx                | server pbx1: needs a user and a secret",
        "pbx1=ami://admin:s3cret@pbx/ x        | server pbx1: not a URL"
      })
  void aMalformedEntrySaysWhichServerAndWhy(String text, String problem) {
    assertThatThrownBy(() -> AmiServerSettings.parseList(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem)
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void thePrintedFormHidesTheSecret() {
    assertThat(AmiServerSettings.parseList("pbx1=ami://admin:s3cret@pbx").get(0).toString())
        .isEqualTo("pbx1=ami://admin:***@pbx:5038");
  }

  @Test
  void anEmptySecretIsAMissingSecret() {
    assertThatThrownBy(() -> AmiServerSettings.parseList("pbx1=ami://admin:@pbx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a user and a secret");
  }

  @Test
  void aPlusInTheSecretIsKept() {
    assertThat(AmiServerSettings.parseList("pbx1=ami://admin:a+b@pbx").get(0).secret())
        .isEqualTo("a+b");
  }
}
