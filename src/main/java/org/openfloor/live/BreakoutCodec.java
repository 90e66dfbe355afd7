package org.openfloor.live;

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
final class BreakoutCodec {
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

  /** The wire type of a command of this codec, or null. */
  static String typeOf(Command command) {
    if (command instanceof CreateGroup) {
      return CommandCodec.GROUP_CREATE;
    }
    if (command instanceof SwitchGroup) {
      return CommandCodec.GROUP_SWITCH;
    }
    if (command instanceof WriteNotes) {
      return CommandCodec.GROUP_NOTES;
    }
    if (command instanceof CreateMessage) {
      return CommandCodec.MESSAGE_CREATE;
    }
    if (command instanceof EditMessage) {
      return CommandCodec.MESSAGE_EDIT;
    }
    if (command instanceof CommentMessage) {
      return CommandCodec.MESSAGE_COMMENT;
    }
    return command instanceof RequestBriefing ? CommandCodec.QUEUE_BRIEFING : null;
  }

  /** The log form of a command of this codec, or null. */
  static JsonObject toJson(Command command) {
    if (command instanceof CreateGroup g) {
      return new JsonObject().put("name", g.name()).put("facilitatorName", g.facilitatorName().orElse(null))
          .put("tokenHash", g.facilitatorTokenHash());
    }
    if (command instanceof SwitchGroup s) {
      return new JsonObject().put("groupId", s.groupId().orElse(null));
    }
    if (command instanceof WriteNotes n) {
      return new JsonObject().put("groupId", n.groupId()).put("text", n.text());
    }
    if (command instanceof CreateMessage m) {
      return new JsonObject().put("text", m.text()).put("questionIds", new JsonArray(m.questionIds()))
          .put("groupId", m.groupId().orElse(null));
    }
    if (command instanceof EditMessage e) {
      return new JsonObject().put("messageId", e.messageId()).put("text", e.text().orElse(null))
          .put("questionIds", e.questionIds().map(JsonArray::new).orElse(null));
    }
    if (command instanceof CommentMessage c) {
      return new JsonObject().put("messageId", c.messageId()).put("text", c.text());
    }
    if (command instanceof RequestBriefing b) {
      return new JsonObject().put("groupId", b.groupId().orElse(null)).put("limitSeconds", b.limitSeconds().orElse(null));
    }
    return null;
  }
}
