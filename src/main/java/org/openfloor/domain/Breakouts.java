package org.openfloor.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The breakout groups of a session, their facilitators and notes pads, and the key messages. */
public final class Breakouts {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, String> groupByFacilitator = new HashMap<>();
  private final Map<String, GroupNotes> notes = new HashMap<>();
  private final Map<String, KeyMessage> messages = new LinkedHashMap<>();

  public Optional<Group> find(String groupId) {
    return Optional.ofNullable(groups.get(groupId));
  }

  /** Every group, in creation order. */
  public List<Group> groups() {
    return List.copyOf(groups.values());
  }

  public Optional<String> groupOfFacilitator(String tokenHash) {
    return Optional.ofNullable(groupByFacilitator.get(tokenHash));
  }

  public boolean isFacilitatorToken(String tokenHash) {
    return groupByFacilitator.containsKey(tokenHash);
  }

  public Optional<GroupNotes> notes(String groupId) {
    return Optional.ofNullable(notes.get(groupId));
  }

  public Optional<KeyMessage> message(String messageId) {
    return Optional.ofNullable(messages.get(messageId));
  }

  /** Every key message, in creation order. */
  public List<KeyMessage> messages() {
    return List.copyOf(messages.values());
  }

  void add(Group group) {
    groups.put(group.id(), group);
    groupByFacilitator.put(group.facilitatorTokenHash(), group.id());
  }

  void write(GroupNotes groupNotes) {
    notes.put(groupNotes.groupId(), groupNotes);
  }

  void put(KeyMessage message) {
    messages.put(message.id(), message);
  }

  /** The breakouts as saved: groups and key messages in creation order, notes pads sorted by group. */
  public record Saved(List<Group> groups, List<GroupNotes> notes, List<KeyMessage> messages) {
  }

  public Saved saved() {
    List<GroupNotes> pads = notes.values().stream().sorted(java.util.Comparator.comparing(GroupNotes::groupId)).toList();
    return new Saved(List.copyOf(groups.values()), pads, List.copyOf(messages.values()));
  }

  /** Restores saved breakouts into these empty ones. */
  public void restore(Saved saved) {
    if (!groups.isEmpty() || !messages.isEmpty()) {
      throw new IllegalStateException("the breakouts already hold groups or messages");
    }
    saved.groups().forEach(this::add);
    saved.notes().forEach(this::write);
    saved.messages().forEach(this::put);
  }
}
