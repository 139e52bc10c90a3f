package io.switchboard.agentws.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientFrameParserTest {

  @Test
  void aWellFormedCommandIsReadWithItsIdAndData() {
    ClientFrame frame =
        ClientFrameParser.parse(
            "{\"type\":\"agent.pause\",\"id\":\"c1\",\"data\":{\"reason\":\"lunch\"}}");

    assertThat(frame.type()).isEqualTo("agent.pause");
    assertThat(frame.id()).isEqualTo("c1");
    assertThat(frame.data().getString("reason")).isEqualTo("lunch");
  }

  @Test
  void missingDataIsAnEmptyObject() {
    assertThat(ClientFrameParser.parse("{\"type\":\"agent.ready\"}").data()).isEmpty();
  }

  @Test
  void eachKindOfBadMessageIsNamed() {
    assertThatThrownBy(() -> ClientFrameParser.parse("{\"type\":"))
        .hasMessageStartingWith("malformed JSON");
    assertThatThrownBy(() -> ClientFrameParser.parse("\"text\""))
        .hasMessage("a message must be a JSON object");
    assertThatThrownBy(() -> ClientFrameParser.parse("{\"data\":{}}"))
        .hasMessageContaining("'type'");
    assertThatThrownBy(() -> ClientFrameParser.parse("{\"type\":\"Agent.Ready\"}"))
        .hasMessageContaining("dotted lowercase");
    assertThatThrownBy(() -> ClientFrameParser.parse("{\"type\":\"a\",\"data\":[]}"))
        .hasMessageContaining("'data'");
    assertThatThrownBy(() -> ClientFrameParser.parse("{\"type\":\"a\",\"id\":{}}"))
        .hasMessageContaining("'id'");
  }

  @Test
  void aBadTypeStillCarriesTheIdForTheReply() {
    assertThatThrownBy(() -> ClientFrameParser.parse("{\"type\":7,\"id\":9}"))
        .isInstanceOfSatisfying(
            BadClientFrameException.class, bad -> assertThat(bad.replyTo()).isEqualTo(9));
  }
}
