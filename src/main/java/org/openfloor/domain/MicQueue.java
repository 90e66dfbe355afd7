package org.openfloor.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The open-mic queue of a session: who has the floor and their clock, who waits in which order,
 * points of order awaiting acceptance, the speaking log and how often each participant spoke.
 * Accepted points of order lead the line, then direct replies, then speak requests (first-time
 * speakers before others while {@code firstTimeFirst} holds); the moderator may reorder freely.
 */
public final class MicQueue implements Answered {
  public static final int DEFAULT_SPEAKING_SECONDS = 120;
  public static final int MIN_SECONDS = 10;
  public static final int MAX_SECONDS = 3_600;
  public static final int DEFAULT_EXTENSION_SECONDS = 30;
  public static final int TOPIC = 140;

  private boolean open = true;
  private int speakingSeconds = DEFAULT_SPEAKING_SECONDS;
  private boolean firstTimeFirst;
  private final List<QueueEntry> waiting = new ArrayList<>();
  private final List<QueueEntry> pendingOrders = new ArrayList<>();
  private Speaker current;
  private final List<Speech> log = new ArrayList<>();
  private final Map<String, Integer> contributions = new HashMap<>();

  public boolean open() {
    return open;
  }

  public int speakingSeconds() {
    return speakingSeconds;
  }

  public boolean firstTimeFirst() {
    return firstTimeFirst;
  }

  public List<QueueEntry> waiting() {
    return List.copyOf(waiting);
  }

  public List<QueueEntry> pendingOrders() {
    return List.copyOf(pendingOrders);
  }

  public Optional<Speaker> current() {
    return Optional.ofNullable(current);
  }

  public List<Speech> log() {
    return List.copyOf(log);
  }

  public int contributionsOf(String participantId) {
    return contributions.getOrDefault(participantId, 0);
  }

  public boolean isFirstTime(String participantId) {
    return contributionsOf(participantId) == 0;
  }

  public Balance balance() {
    return Balance.of(log);
  }

  public Optional<QueueEntry> findWaiting(String entryId) {
    return waiting.stream().filter(e -> e.id().equals(entryId)).findFirst();
  }

  public Optional<QueueEntry> findPendingOrder(String entryId) {
    return pendingOrders.stream().filter(e -> e.id().equals(entryId)).findFirst();
  }

  /** A waiting entry or a point of order awaiting acceptance. */
  public Optional<QueueEntry> findOpen(String entryId) {
    return findWaiting(entryId).or(() -> findPendingOrder(entryId));
  }

  public boolean hasOpenRequest(String participantId) {
    return standings().containsKey(participantId);
  }

  public QueueStanding standingOf(String participantId) {
    return standings().getOrDefault(participantId, QueueStanding.NONE);
  }

  /** Every participant with a request or the floor, in queue order. */
  public Map<String, QueueStanding> standings() {
    Map<String, QueueStanding> standings = new LinkedHashMap<>();
    if (current != null) {
      standings.put(current.entry().participantId(), new QueueStanding(Optional.of(current.entry()), Optional.of(0), false));
    }
    for (int i = 0; i < waiting.size(); i++) {
      QueueEntry entry = waiting.get(i);
      standings.put(entry.participantId(), new QueueStanding(Optional.of(entry), Optional.of(i + 1), false));
    }
    pendingOrders.forEach(e -> standings.put(e.participantId(), new QueueStanding(Optional.of(e), Optional.empty(), true)));
    return standings;
  }

  void enqueue(QueueEntry entry) {
    waiting.add(insertionIndex(entry), entry);
  }

  void awaitAcceptance(QueueEntry order) {
    pendingOrders.add(order);
  }

  void accept(String entryId) {
    QueueEntry order = findPendingOrder(entryId).orElseThrow();
    pendingOrders.remove(order);
    enqueue(order);
  }

  void remove(String entryId) {
    waiting.removeIf(e -> e.id().equals(entryId));
    pendingOrders.removeIf(e -> e.id().equals(entryId));
  }

  void clear() {
    waiting.clear();
    pendingOrders.clear();
  }

  void open(boolean isOpen) {
    open = isOpen;
  }

  void speakingSeconds(int seconds) {
    speakingSeconds = seconds;
  }

  void firstTimeFirst(boolean enabled) {
    if (enabled && !firstTimeFirst) {
      waiting.sort(Comparator.comparingInt(this::rank));
    }
    firstTimeFirst = enabled;
  }

  /** Puts the waiting entries in the order of {@code entryIds}, a permutation of them. */
  void reorder(List<String> entryIds) {
    Map<String, QueueEntry> byId = new HashMap<>();
    waiting.forEach(e -> byId.put(e.id(), e));
    waiting.clear();
    entryIds.forEach(id -> waiting.add(byId.get(id)));
  }

  void replace(QueueEntry entry) {
    waiting.replaceAll(e -> e.id().equals(entry.id()) ? entry : e);
    pendingOrders.replaceAll(e -> e.id().equals(entry.id()) ? entry : e);
  }

  void replaceCurrent(Speaker speaker) {
    current = speaker;
  }

  /** Gives the floor to a waiting entry, its clock running from {@code at}. */
  void giveFloor(String entryId, long at) {
    QueueEntry entry = findWaiting(entryId).orElseThrow();
    waiting.remove(entry);
    current = Speaker.takingTheFloor(entry, at, entry.limitSeconds().orElse(speakingSeconds));
  }

  /** Ends the current speaker's turn at {@code at} and records it, with the profile as it reads now. */
  Speech finish(long at, Optional<Participant> profile) {
    QueueEntry entry = current.entry();
    Speech speech = new Speech(entry.id(), entry.participantId(), profile.flatMap(Participant::name),
        profile.flatMap(Participant::affiliation), profile.flatMap(Participant::stakeholder), entry.kind(),
        entry.topic(), entry.remote(), current.startedAt(), current.elapsedMs(at));
    log.add(speech);
    contributions.merge(entry.participantId(), 1, Integer::sum);
    current = null;
    return speech;
  }

  private int insertionIndex(QueueEntry entry) {
    return switch (entry.kind()) {
      case ORDER -> leading(QueueKind.ORDER);
      case REPLY -> leading(QueueKind.ORDER, QueueKind.REPLY);
      case SPEAK -> firstTimeFirst && isFirstTime(entry.participantId()) ? afterFirstTimers() : waiting.size();
    };
  }

  private int leading(QueueKind... kinds) {
    List<QueueKind> prefix = List.of(kinds);
    int index = 0;
    while (index < waiting.size() && prefix.contains(waiting.get(index).kind())) {
      index++;
    }
    return index;
  }

  private int afterFirstTimers() {
    int afterPriority = leading(QueueKind.ORDER, QueueKind.REPLY);
    for (int i = waiting.size() - 1; i >= 0; i--) {
      if (rank(waiting.get(i)) == 2) {
        return Math.max(i + 1, afterPriority);
      }
    }
    return afterPriority;
  }

  private int rank(QueueEntry entry) {
    return switch (entry.kind()) {
      case ORDER -> 0;
      case REPLY -> 1;
      case SPEAK -> isFirstTime(entry.participantId()) ? 2 : 3;
    };
  }

  /** The queue as saved: settings, lines in order, the floor, the speaking log and contributions sorted by participant. */
  public record Saved(boolean open, int speakingSeconds, boolean firstTimeFirst, List<QueueEntry> waiting,
                      List<QueueEntry> pendingOrders, Optional<Speaker> current, List<Speech> log,
                      Map<String, Integer> contributions) {
  }

  public Saved saved() {
    return new Saved(open, speakingSeconds, firstTimeFirst, List.copyOf(waiting), List.copyOf(pendingOrders),
        Optional.ofNullable(current), List.copyOf(log), new TreeMap<>(contributions));
  }

  /** Restores a saved queue into this fresh one. */
  public void restore(Saved saved) {
    if (!log.isEmpty() || current != null || !waiting.isEmpty() || !pendingOrders.isEmpty()) {
      throw new IllegalStateException("the queue already holds state");
    }
    open = saved.open();
    speakingSeconds = saved.speakingSeconds();
    firstTimeFirst = saved.firstTimeFirst();
    waiting.addAll(saved.waiting());
    pendingOrders.addAll(saved.pendingOrders());
    current = saved.current().orElse(null);
    log.addAll(saved.log());
    contributions.putAll(saved.contributions());
  }
}
