package org.openfloor.app;

import java.nio.file.Path;
import java.util.List;

import org.openfloor.live.LiveOptions;

/** Every setting of a server, read once at start from the defaults file and the environment. */
public record OpenFloorConfig(
    String httpHost,
    int httpPort,
    String publicUrl,
    Path dataDir,
    LogKind log,
    String redisUrl,
    String redisKeyPrefix,
    int redisWaitReplicas,
    long redisWaitTimeoutMs,
    List<String> allowedOrigins,
    String sessionCreationToken,
    int maxBodyBytes,
    int maxFrameBytes,
    int maxHandlersPerSocket,
    int maxRefusalsPerSocket,
    long coalesceMillis,
    int recentEvents,
    int rememberedRequests,
    long answerTimeoutMillis,
    long snapshotEvery,
    boolean trimAfterSnapshot,
    int rateCommandsPerSecond,
    int rateBurst,
    int joinsPerIpPerMinute,
    List<String> blockedWords,
    String screenFrameAncestors,
    int retentionDays,
    String transport) {

  /** Which {@code CommandLog} the server uses. */
  public enum LogKind { SQLITE, REDIS }

  public LiveOptions liveOptions() {
    return new LiveOptions(coalesceMillis, recentEvents, rememberedRequests, answerTimeoutMillis)
        .withSnapshots(snapshotEvery, trimAfterSnapshot);
  }

  public OpenFloorConfig withHttpPort(int port) {
    return new OpenFloorConfig(httpHost, port, publicUrl, dataDir, log, redisUrl, redisKeyPrefix, redisWaitReplicas,
        redisWaitTimeoutMs, allowedOrigins, sessionCreationToken, maxBodyBytes, maxFrameBytes, maxHandlersPerSocket,
        maxRefusalsPerSocket, coalesceMillis, recentEvents, rememberedRequests, answerTimeoutMillis, snapshotEvery,
        trimAfterSnapshot, rateCommandsPerSecond, rateBurst, joinsPerIpPerMinute, blockedWords, screenFrameAncestors,
        retentionDays, transport);
  }
}
