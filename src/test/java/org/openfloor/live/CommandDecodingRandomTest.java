package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openfloor.live.wire.BadInput;

@DisplayName("Command decoding under random input")
class CommandDecodingRandomTest {
  private static final int INPUTS = 50_000;
  private static final List<Object> VALUES = List.of(0, -1, 1, 2147483648L, 9.5, 1e300, true, false, "", "x",
      "\u0000", "\ud800", "é\u0301", "a".repeat(600), new JsonArray(), new JsonArray().add(1).add("a"),
      new JsonObject(), new JsonObject().put("k", "v"));
  private static final List<String> FIELDS = List.of("title", "text", "name", "affiliation", "stakeholder", "groupId",
      "anonymous", "questionId", "status", "highlighted", "phase", "reviewUntil", "moderation", "blockedWords",
      "question", "kind", "options", "showResults", "maxChoices", "scale", "pollId", "state", "choices", "rating",
      "words", "hidden", "topic", "remote", "id", "open", "order", "speakingSeconds", "firstTimeFirst", "action",
      "seconds", "limitSeconds", "tokenHash", "type", "session", "requestId");

  @Test
  @DisplayName("50,000 mutated seeds and random objects, every command type: decoding throws nothing but BadInput")
  void decodingThrowsOnlyBadInput() throws IOException {
    Random random = new Random(20_260_101L);
    List<byte[]> seeds = seeds();
    assertThatCode(() -> {
      for (int i = 0; i < INPUTS; i++) {
        String type = CommandDecodingFuzzTest.TYPES.get(random.nextInt(CommandDecodingFuzzTest.TYPES.size()));
        byte[] input = random.nextBoolean() ? mutate(seeds.get(random.nextInt(seeds.size())), random)
            : randomObject(random).toBuffer().getBytes();
        CommandDecodingFuzzTest.decodeAll(type, input);
      }
    }).doesNotThrowAnyException();
  }

  private static JsonObject randomObject(Random random) {
    JsonObject object = new JsonObject();
    int fields = random.nextInt(5);
    for (int f = 0; f < fields; f++) {
      object.put(FIELDS.get(random.nextInt(FIELDS.size())), VALUES.get(random.nextInt(VALUES.size())));
    }
    return object;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] copy = seed.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : List.of("ask", "vote", "join", "poll-vote", "queue-update", "update-session", "poll-create")) {
      try (InputStream in = CommandDecodingRandomTest.class.getResourceAsStream(
          "CommandDecodingFuzzTestInputs/decoding/" + name)) {
        seeds.add(in.readAllBytes());
      }
    }
    seeds.add("{}".getBytes(StandardCharsets.UTF_8));
    return seeds;
  }
}
