package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

import org.openfloor.domain.Command;
import org.openfloor.domain.Command.CommentMessage;
import org.openfloor.domain.Command.CreateGroup;
import org.openfloor.domain.Command.CreateMessage;
import org.openfloor.domain.Command.EditMessage;
import org.openfloor.domain.Command.RequestBriefing;
import org.openfloor.domain.Command.SwitchGroup;
import org.openfloor.domain.Command.WriteNotes;
import org.openfloor.domain.Limits;

/** The commands of breakout groups, key messages and briefings to and from JSON, for {@link CommandCodec}. */
public final class BreakoutCodec {
  private BreakoutCodec() {
  }

  static boolean handles(String type) {
    return switch (type) {
      case CommandCodec.GROUP_CREATE, CommandCodec.GROUP_SWITCH, CommandCodec.GROUP_NOTES, CommandCodec.MESSAGE_CREATE,
          CommandCodec.MESSAGE_EDIT, CommandCodec.MESSAGE_COMMENT, CommandCodec.QUEUE_BRIEFING -> true;
      default -> false;
    };
  }

  static Command decode(String type, Fields fields, String tokenHash) {
    return switch (type) {
      case CommandCodec.GROUP_CREATE -> new CreateGroup(fields.text("name"), tokenHash,
          fields.optionalText("facilitatorName").filter(name -> !name.isBlank()));
      case CommandCodec.GROUP_SWITCH -> new SwitchGroup(fields.optionalId("groupId"));
      case CommandCodec.GROUP_NOTES -> new WriteNotes(fields.id("groupId"), fields.optionalText("text").orElse(""));
      case CommandCodec.MESSAGE_CREATE -> new CreateMessage(fields.text("text"),
          fields.optionalStrings("questionIds", Limits.MESSAGE_SOURCES).orElse(List.of()), fields.optionalId("groupId"));
      case CommandCodec.MESSAGE_EDIT -> new EditMessage(fields.id("messageId"), fields.optionalText("text"),
          fields.optionalStrings("questionIds", Limits.MESSAGE_SOURCES));
      case CommandCodec.MESSAGE_COMMENT -> new CommentMessage(fields.id("messageId"), fields.text("text"));
      case CommandCodec.QUEUE_BRIEFING -> new RequestBriefing(fields.optionalId("groupId"),
          fields.optionalInt("limitSeconds"));
      default -> throw new BadInput("unknown command type '" + type + "'");
    };
  }

  static String typeOf(Command.GroupCommand command) {
    return switch (command) {
      case CreateGroup _ -> CommandCodec.GROUP_CREATE;
      case SwitchGroup _ -> CommandCodec.GROUP_SWITCH;
      case WriteNotes _ -> CommandCodec.GROUP_NOTES;
    };
  }

  static String typeOf(Command.MessageCommand command) {
    return switch (command) {
      case CreateMessage _ -> CommandCodec.MESSAGE_CREATE;
      case EditMessage _ -> CommandCodec.MESSAGE_EDIT;
      case CommentMessage _ -> CommandCodec.MESSAGE_COMMENT;
    };
  }

  static JsonObject toJson(Command.GroupCommand command) {
    return switch (command) {
      case CreateGroup g -> new JsonObject().put("name", g.name()).put("facilitatorName", g.facilitatorName().orElse(null))
          .put("tokenHash", g.facilitatorTokenHash());
      case SwitchGroup s -> new JsonObject().put("groupId", s.groupId().orElse(null));
      case WriteNotes n -> new JsonObject().put("groupId", n.groupId()).put("text", n.text());
    };
  }

  static JsonObject toJson(Command.MessageCommand command) {
    return switch (command) {
      case CreateMessage m -> new JsonObject().put("text", m.text()).put("questionIds", new JsonArray(m.questionIds()))
          .put("groupId", m.groupId().orElse(null));
      case EditMessage e -> new JsonObject().put("messageId", e.messageId()).put("text", e.text().orElse(null))
          .put("questionIds", e.questionIds().map(JsonArray::new).orElse(null));
      case CommentMessage c -> new JsonObject().put("messageId", c.messageId()).put("text", c.text());
    };
  }
}
