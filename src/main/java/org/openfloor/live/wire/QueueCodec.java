package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openfloor.domain.Command.AcceptOrder;
import org.openfloor.domain.Command.CallNext;
import org.openfloor.domain.Command.ClearQueue;
import org.openfloor.domain.Command.QueueCommand;
import org.openfloor.domain.Command.RequestBriefing;
import org.openfloor.domain.Command.RequestFloor;
import org.openfloor.domain.Command.RunTimer;
import org.openfloor.domain.Command.SetSpeakingLimit;
import org.openfloor.domain.Command.UpdateQueue;
import org.openfloor.domain.Command.WithdrawRequest;
import org.openfloor.domain.QueueKind;
import org.openfloor.domain.TimerAction;

/** The mic queue's commands to and from JSON, for {@link CommandCodec}. */
public final class QueueCodec {
  private static final int MAX_ORDER = 1_000;

  private QueueCodec() {
  }

  static QueueCommand decode(String type, Fields fields) {
    return switch (type) {
      case CommandCodec.QUEUE_REQUEST -> new RequestFloor(
          fields.optionalEnum("kind", QueueKind::fromWire).orElse(QueueKind.SPEAK),
          fields.optionalText("topic").filter(topic -> !topic.isBlank()),
          fields.optionalBoolean("remote").orElse(false));
      case CommandCodec.QUEUE_WITHDRAW -> new WithdrawRequest(fields.id("id"));
      case CommandCodec.QUEUE_NEXT -> new CallNext(fields.optionalId("id"));
      case CommandCodec.QUEUE_UPDATE -> new UpdateQueue(fields.optionalBoolean("open"), order(fields),
          fields.optionalInt("speakingSeconds"), fields.optionalBoolean("firstTimeFirst"));
      case CommandCodec.QUEUE_TIMER -> new RunTimer(
          fields.optionalEnum("action", TimerAction::fromWire).orElseThrow(() -> new BadInput("action is required")),
          fields.optionalInt("seconds"));
      case CommandCodec.QUEUE_CLEAR -> new ClearQueue();
      case CommandCodec.QUEUE_ACCEPT -> new AcceptOrder(fields.id("id"));
      case CommandCodec.QUEUE_EDIT -> new SetSpeakingLimit(fields.id("id"),
          fields.optionalInt("limitSeconds").orElseThrow(() -> new BadInput("limitSeconds is required")));
      default -> throw new BadInput("unknown command type '" + type + "'");
    };
  }

  static String typeOf(QueueCommand command) {
    return switch (command) {
      case RequestFloor _ -> CommandCodec.QUEUE_REQUEST;
      case WithdrawRequest _ -> CommandCodec.QUEUE_WITHDRAW;
      case CallNext _ -> CommandCodec.QUEUE_NEXT;
      case UpdateQueue _ -> CommandCodec.QUEUE_UPDATE;
      case RunTimer _ -> CommandCodec.QUEUE_TIMER;
      case ClearQueue _ -> CommandCodec.QUEUE_CLEAR;
      case AcceptOrder _ -> CommandCodec.QUEUE_ACCEPT;
      case SetSpeakingLimit _ -> CommandCodec.QUEUE_EDIT;
      case RequestBriefing _ -> CommandCodec.QUEUE_BRIEFING;
    };
  }

  static JsonObject toJson(QueueCommand command) {
    return switch (command) {
      case RequestFloor r -> new JsonObject().put("kind", r.kind().wire()).put("topic", r.topic().orElse(null))
          .put("remote", r.remote());
      case WithdrawRequest w -> new JsonObject().put("id", w.entryId());
      case CallNext n -> new JsonObject().put("id", n.entryId().orElse(null));
      case UpdateQueue u -> new JsonObject().put("open", u.open().orElse(null))
          .put("order", u.order().map(JsonArray::new).orElse(null))
          .put("speakingSeconds", u.speakingSeconds().orElse(null))
          .put("firstTimeFirst", u.firstTimeFirst().orElse(null));
      case RunTimer t -> new JsonObject().put("action", t.action().wire()).put("seconds", t.seconds().orElse(null));
      case ClearQueue _ -> new JsonObject();
      case AcceptOrder a -> new JsonObject().put("id", a.entryId());
      case SetSpeakingLimit l -> new JsonObject().put("id", l.entryId()).put("limitSeconds", l.limitSeconds());
      case RequestBriefing b -> new JsonObject().put("groupId", b.groupId().orElse(null))
          .put("limitSeconds", b.limitSeconds().orElse(null));
    };
  }

  private static Optional<List<String>> order(Fields fields) {
    return fields.optionalArray("order").map(array -> {
      if (array.size() > MAX_ORDER) {
        throw new BadInput("order must list at most " + MAX_ORDER + " ids");
      }
      List<String> ids = new ArrayList<>();
      for (Object id : array) {
        if (!(id instanceof String text)) {
          throw new BadInput("order must be a list of request ids");
        }
        ids.add(text);
      }
      return List.copyOf(ids);
    });
  }
}
