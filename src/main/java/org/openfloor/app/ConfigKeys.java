package org.openfloor.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each configuration key means, in the order {@code --help} lists them (every key of the defaults file). */
final class ConfigKeys {
  static final Map<String, String> MEANINGS = meanings();

  private ConfigKeys() {
  }

  private static Map<String, String> meanings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("httpHost", "address to bind");
    m.put("httpPort", "port to listen on (0 to 65535; 0 picks a free one)");
    m.put("publicUrl", "base of links and the QR code (empty: the request's host)");
    m.put("dataDir", "directory of the embedded log (openfloor.db); created if missing");
    m.put("log", "command log: sqlite (embedded) or redis (several nodes)");
    m.put("redisUrl", "Redis for log=redis");
    m.put("redisKeyPrefix", "prefix of every Redis key");
    m.put("redisWaitReplicas", "replicas that must confirm each append (WAIT) before it is acknowledged");
    m.put("redisWaitTimeoutMs", "how long WAIT may take");
    m.put("allowedOrigins", "comma-separated browser origins allowed besides the server's own");
    m.put("sessionCreationToken", "if set, creating a session needs it as Bearer token");
    m.put("maxBodyBytes", "HTTP body limit (413 above)");
    m.put("maxFrameBytes", "bridge message limit");
    m.put("maxHandlersPerSocket", "registrations per bridge socket");
    m.put("maxRefusalsPerSocket", "rate-limit refusals within 10 s before a bridge socket is closed (0: never)");
    m.put("coalesceMillis", "vote and tally coalescing window");
    m.put("recentEvents", "events kept per session for resuming clients");
    m.put("rememberedRequests", "request ids remembered per session");
    m.put("answerTimeoutMillis", "how long a sender waits for its entry to be applied");
    m.put("snapshotEvery", "entries between snapshots of a session (0: never)");
    m.put("trimAfterSnapshot", "trim the log before a snapshot (true or false)");
    m.put("rateCommandsPerSecond", "commands per second per participant and per bridge socket");
    m.put("rateBurst", "burst of that token bucket");
    m.put("joinsPerIpPerMinute", "new participants (and new sessions) per client address per minute");
    m.put("blockedWords", "comma-separated words that send a question to moderation");
    m.put("screenFrameAncestors", "CSP frame-ancestors of /screen.html");
    m.put("retentionDays", "delete closed sessions this many days after closing (0: keep)");
    m.put("transport", "Netty transport: nio, epoll or io_uring");
    return java.util.Collections.unmodifiableMap(m);
  }
}
