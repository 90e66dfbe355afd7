package org.openfloor.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openfloor.live.wire.Answer;

/**
 * The answers to the latest requests that carried a request id, so a retry is answered instead of
 * applied again. The answers are as every node computes them (part of a snapshot); what only the
 * sending node added (a token it made) is kept apart, in memory.
 */
final class RequestLedger {
  private final Map<String, Answer> answers;
  private final Map<String, JsonObject> localExtras;

  RequestLedger(int capacity) {
    this.answers = bounded(capacity);
    this.localExtras = bounded(capacity);
  }

  boolean knows(String key) {
    return answers.containsKey(key);
  }

  /** The answer for a retry: the recorded one, with what this node added to it for its sender. */
  Answer answerFor(String key) {
    Answer answer = answers.get(key);
    JsonObject extra = localExtras.get(key);
    return extra == null || !answer.succeeded() ? answer : answer.with(extra);
  }

  Answer recorded(String key) {
    return answers.get(key);
  }

  void record(String key, Answer answer, JsonObject localExtra) {
    answers.putIfAbsent(key, answer);
    if (localExtra != null && !localExtra.isEmpty()) {
      localExtras.putIfAbsent(key, localExtra);
    }
  }

  JsonArray toJson() {
    JsonArray array = new JsonArray();
    answers.forEach((key, answer) -> array.add(new JsonArray().add(key).add(answer.seq()).add(answer.status())
        .add(answer.body())));
    return array;
  }

  void restore(JsonArray json) {
    for (int i = 0; i < json.size(); i++) {
      JsonArray item = json.getJsonArray(i);
      answers.put(item.getString(0), new Answer(item.getLong(1), item.getInteger(2), item.getJsonObject(3)));
    }
  }

  private static <K, V> Map<K, V> bounded(int capacity) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
