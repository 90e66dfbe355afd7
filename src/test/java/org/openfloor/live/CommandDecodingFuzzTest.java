package org.openfloor.live;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.List;
import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.CommandCodec;

/**
 * Fuzzes the decoding of client input: a bridge frame or HTTP body as bytes, parsed as JSON, then
 * decoded as every command type. Invariant: parsing fails only with {@code DecodeException} and
 * decoding only with {@link BadInput}. In the suite this runs the seeds under
 * {@code src/test/resources/org/openfloor/live/CommandDecodingFuzzTestInputs}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -B test-compile surefire:test@fuzz-tests -Djazzer.hooks=true} (its own JVM, as in the suite).
 */
class CommandDecodingFuzzTest {
  static final List<String> TYPES = List.of(CommandCodec.CREATE_SESSION, CommandCodec.UPDATE_SESSION,
      CommandCodec.JOIN, CommandCodec.ASK, CommandCodec.VOTE, CommandCodec.UNVOTE, CommandCodec.MODERATE,
      CommandCodec.POLL_CREATE, CommandCodec.POLL_UPDATE, CommandCodec.POLL_VOTE, CommandCodec.POLL_HIDE_WORD,
      CommandCodec.QUEUE_REQUEST, CommandCodec.QUEUE_WITHDRAW, CommandCodec.QUEUE_NEXT, CommandCodec.QUEUE_UPDATE,
      CommandCodec.QUEUE_TIMER, CommandCodec.QUEUE_CLEAR, CommandCodec.QUEUE_ACCEPT, CommandCodec.QUEUE_EDIT,
      "unknown", "");

  @FuzzTest(maxDuration = "10s")
  void decoding(byte[] input) {
    for (String type : TYPES) {
      decodeAll(type, input);
    }
  }

  /** Parses {@code bytes} as a frame would be and decodes the result as {@code type}; throws on a broken invariant. */
  static void decodeAll(String type, byte[] bytes) {
    Object parsed;
    try {
      parsed = Json.decodeValue(Buffer.buffer(bytes));
    } catch (DecodeException e) {
      return;
    }
    if (!(parsed instanceof JsonObject body)) {
      return;
    }
    decode(type, body);
    if (body.getValue("type") instanceof String inner) {
      decode(inner, body.copy());
    }
  }

  private static void decode(String type, JsonObject body) {
    try {
      CommandCodec.fromRequest(type, body.copy(), "0".repeat(64));
    } catch (BadInput expected) {
      // refused with a clear error: the invariant holds
    }
  }
}
