package org.openfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The generator's tally scanner")
class TallyScannerTest {
  private final TallyScanner scanner = new TallyScanner(List.of("q7", "q9", "12"));

  private List<String> scan(String frame) {
    List<String> seen = new ArrayList<>();
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    int messages = scanner.scan(bytes, 0, bytes.length, (question, count) -> seen.add(question + "=" + count));
    seen.add("messages=" + messages);
    return seen;
  }

  @Test
  @DisplayName("reads the counts of a bridge votes message, by question index")
  void bridgeVotes() {
    assertThat(scan("{\"type\":\"rec\",\"address\":\"openfloor.session.AB\",\"body\":{\"type\":\"votes\",\"seq\":41,"
        + "\"votes\":{\"q9\":12,\"q7\":3,\"zz\":5}}}")).containsExactly("1=12", "0=3", "messages=1");
  }

  @Test
  @DisplayName("reads SockJS frames, whose messages are JSON inside strings, several per frame")
  void sockJs() {
    assertThat(scan("a[\"{\\\"type\\\":\\\"rec\\\",\\\"body\\\":{\\\"type\\\":\\\"question\\\",\\\"question\\\":"
        + "{\\\"votes\\\":0}}}\",\"{\\\"type\\\":\\\"rec\\\",\\\"body\\\":{\\\"type\\\":\\\"votes\\\",\\\"seq\\\":9,"
        + "\\\"votes\\\":{\\\"12\\\":4}}}\"]")).containsExactly("2=4", "messages=1");
  }

  @Test
  @DisplayName("reads the bare server's and socket.io's tallies")
  void bareAndSocketIo() {
    assertThat(scan("{\"type\":\"votes\",\"votes\":{\"12\":1,\"q7\":20}}")).containsExactly("2=1", "0=20", "messages=1");
    assertThat(scan("42[\"votes\",{\"12\":7}]")).containsExactly("2=7", "messages=1");
  }

  @Test
  @DisplayName("does not take a question's vote count for a tally")
  void questionFrames() {
    assertThat(scan("{\"type\":\"rec\",\"body\":{\"type\":\"question\",\"question\":{\"id\":\"q7\",\"votes\":3}}}"))
        .containsExactly("messages=0");
    assertThat(scan("42[\"question\",{\"id\":3,\"text\":\"votes?\"}]")).containsExactly("messages=0");
  }
}
