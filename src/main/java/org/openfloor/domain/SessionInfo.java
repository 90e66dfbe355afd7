package org.openfloor.domain;

import java.util.Optional;

/** The session's own settings. */
public record SessionInfo(String code, String title, Phase phase, Optional<Long> reviewUntil, Moderation moderation,
                          long createdAt) implements Answered {
}
