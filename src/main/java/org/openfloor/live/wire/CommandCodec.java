package org.openfloor.live.wire;

import io.vertx.core.json.JsonObject;

import java.util.Optional;

import org.openfloor.domain.Command;
import org.openfloor.domain.Command.Ask;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.Join;
import org.openfloor.domain.Command.Moderate;
import org.openfloor.domain.Command.UpdateSession;
import org.openfloor.domain.Command.Vote;
import org.openfloor.domain.Moderation;
import org.openfloor.domain.Phase;
import org.openfloor.domain.QuestionStatus;
import org.openfloor.domain.Stakeholder;

/**
 * Commands to and from JSON. The same field names serve client requests and log entries; fields
 * the edge makes (token hashes) are accepted only when decoding the log.
 */
public final class CommandCodec {
  private CommandCodec() {
  }

  /** The command types a client may send, by REST route or as {@code type} on the bridge. */
  public static final String CREATE_SESSION = "createSession";
  public static final String UPDATE_SESSION = "updateSession";
  public static final String JOIN = "join";
  public static final String ASK = "ask";
  public static final String VOTE = "vote";
  public static final String UNVOTE = "unvote";
  public static final String MODERATE = "moderate";
  public static final String POLL_CREATE = "poll.create";
  public static final String POLL_UPDATE = "poll.update";
  public static final String POLL_VOTE = "poll.vote";
  public static final String POLL_HIDE_WORD = "poll.hideWord";
  public static final String QUEUE_REQUEST = "queue.request";
  public static final String QUEUE_WITHDRAW = "queue.withdraw";
  public static final String QUEUE_NEXT = "queue.next";
  public static final String QUEUE_UPDATE = "queue.update";
  public static final String QUEUE_TIMER = "queue.timer";
  public static final String QUEUE_CLEAR = "queue.clear";
  public static final String QUEUE_ACCEPT = "queue.accept";
  public static final String QUEUE_EDIT = "queue.edit";
  public static final String QUEUE_BRIEFING = "queue.briefing";
  public static final String GROUP_CREATE = "group.create";
  public static final String GROUP_SWITCH = "group.switch";
  public static final String GROUP_NOTES = "group.notes";
  public static final String MESSAGE_CREATE = "message.create";
  public static final String MESSAGE_EDIT = "message.edit";
  public static final String MESSAGE_COMMENT = "message.comment";

  /** Decodes a client's request body; {@code edgeTokenHash} is the hash of a token the edge just made. */
  public static Command fromRequest(String type, JsonObject body, String edgeTokenHash) {
    return decode(type, new Fields(body), edgeTokenHash);
  }

  /** Decodes a command as stored in the log. */
  public static Command fromLog(String type, JsonObject json) {
    Fields fields = new Fields(json);
    String tokenHash = fields.optionalId("tokenHash").orElse(null);
    java.util.List<String> serverBlocked = fields.optionalStrings("serverBlockedWords", Integer.MAX_VALUE)
        .orElse(java.util.List.of());
    Command command = decode(type, fields, tokenHash);
    return command instanceof CreateSession create ? create.withServerBlockedWords(serverBlocked) : command;
  }

  /** The wire type of {@code command}: one case per command type, so a new command does not compile without one. */
  public static String typeOf(Command command) {
    return switch (command) {
      case CreateSession _ -> CREATE_SESSION;
      case UpdateSession _ -> UPDATE_SESSION;
      case Join _ -> JOIN;
      case Ask _ -> ASK;
      case Vote vote -> vote.up() ? VOTE : UNVOTE;
      case Moderate _ -> MODERATE;
      case Command.PollCommand poll -> PollCodec.typeOf(poll);
      case Command.QueueCommand queue -> QueueCodec.typeOf(queue);
      case Command.GroupCommand group -> BreakoutCodec.typeOf(group);
      case Command.MessageCommand message -> BreakoutCodec.typeOf(message);
    };
  }

  /** The log form of a command: its request fields plus the token hashes made at the edge. */
  public static JsonObject toJson(Command command) {
    return switch (command) {
      case CreateSession c -> {
        JsonObject json = new JsonObject().put("title", c.title()).put("moderation", c.moderation().wire())
            .put("tokenHash", c.moderatorTokenHash());
        yield c.serverBlockedWords().isEmpty() ? json
            : json.put("serverBlockedWords", new io.vertx.core.json.JsonArray(c.serverBlockedWords()));
      }
      case UpdateSession u -> new JsonObject().put("title", u.title().orElse(null))
          .put("phase", u.phase().map(Phase::wire).orElse(null)).put("reviewUntil", u.reviewUntil().orElse(null))
          .put("moderation", u.moderation().map(Moderation::wire).orElse(null))
          .put("blockedWords", u.blockedWords().map(io.vertx.core.json.JsonArray::new).orElse(null));
      case Join j -> new JsonObject().put("name", j.name().orElse(null)).put("affiliation", j.affiliation().orElse(null))
          .put("stakeholder", j.stakeholder().map(Stakeholder::wire).orElse(null))
          .put("groupId", j.groupId().orElse(null)).put("tokenHash", j.tokenHash());
      case Ask a -> new JsonObject().put("text", a.text()).put("anonymous", a.anonymous())
          .put("groupId", a.groupId().orElse(null));
      case Vote v -> new JsonObject().put("questionId", v.questionId());
      case Moderate m -> new JsonObject().put("questionId", m.questionId())
          .put("status", m.status().map(QuestionStatus::wire).orElse(null))
          .put("highlighted", m.highlighted().orElse(null));
      case Command.PollCommand poll -> PollCodec.toJson(poll);
      case Command.QueueCommand queue -> QueueCodec.toJson(queue);
      case Command.GroupCommand group -> BreakoutCodec.toJson(group);
      case Command.MessageCommand message -> BreakoutCodec.toJson(message);
    };
  }

  private static Command decode(String type, Fields fields, String tokenHash) {
    Command command = switch (type) {
      case CREATE_SESSION -> new CreateSession(fields.text("title"), tokenHash,
          fields.optionalEnum("moderation", Moderation::fromWire).orElse(Moderation.POST));
      case UPDATE_SESSION -> new UpdateSession(fields.optionalText("title"),
          fields.optionalEnum("phase", Phase::fromWire), fields.optionalLong("reviewUntil"),
          fields.optionalEnum("moderation", Moderation::fromWire),
          fields.optionalTexts("blockedWords", org.openfloor.domain.Limits.BLOCKED_WORDS));
      case JOIN -> new Join(tokenHash, nonBlank(fields.optionalText("name")),
          nonBlank(fields.optionalText("affiliation")), fields.optionalEnum("stakeholder", Stakeholder::fromWire),
          fields.optionalId("groupId"));
      case ASK -> new Ask(fields.text("text"), fields.optionalBoolean("anonymous").orElse(false),
          fields.optionalId("groupId"));
      case VOTE -> new Vote(fields.id("questionId"), true);
      case UNVOTE -> new Vote(fields.id("questionId"), false);
      case MODERATE -> new Moderate(fields.id("questionId"), fields.optionalEnum("status", QuestionStatus::fromWire),
          fields.optionalBoolean("highlighted"));
      case POLL_CREATE, POLL_UPDATE, POLL_VOTE, POLL_HIDE_WORD -> PollCodec.decode(type, fields);
      case QUEUE_REQUEST, QUEUE_WITHDRAW, QUEUE_NEXT, QUEUE_UPDATE, QUEUE_TIMER, QUEUE_CLEAR, QUEUE_ACCEPT, QUEUE_EDIT ->
          QueueCodec.decode(type, fields);
      default -> {
        if (!BreakoutCodec.handles(type)) {
          throw new BadInput("unknown command type '" + type + "'");
        }
        yield BreakoutCodec.decode(type, fields, tokenHash);
      }
    };
    fields.noOthers();
    return command;
  }

  private static Optional<String> nonBlank(Optional<String> text) {
    return text.filter(value -> !value.isBlank());
  }
}
