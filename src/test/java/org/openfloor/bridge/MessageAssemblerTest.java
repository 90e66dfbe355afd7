package org.openfloor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Joining WebSocket frames into messages")
class MessageAssemblerTest {
  private final List<String> messages = new ArrayList<>();
  private int tooBig;
  private final MessageAssembler assembler = new MessageAssembler(10, m -> messages.add(m.toString()), () -> tooBig++);

  @Test
  @DisplayName("hands on a one-frame message and a message of a text frame and continuations, ignoring pings")
  void joinsFrames() {
    assembler.handle(WebSocketFrame.textFrame("abc", true));
    assembler.handle(WebSocketFrame.textFrame("de", false));
    assembler.handle(WebSocketFrame.pingFrame(Buffer.buffer("p")));
    assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("fgh"), false));
    assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("ijklm"), true));
    assertThat(messages).containsExactly("abc", "defghijklm");
    assertThat(tooBig).isZero();
  }

  @Test
  @DisplayName("reports a message that grows past the limit once, and hands on nothing after it")
  void reportsTooBig() {
    assembler.handle(WebSocketFrame.textFrame("abcdef", false));
    assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("ghijk"), false));
    assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("l"), true));
    assembler.handle(WebSocketFrame.textFrame("ok", true));
    assertThat(tooBig).isEqualTo(1);
    assertThat(messages).isEmpty();
  }
}
