package org.openfloor.log;

import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;

import java.util.Arrays;
import java.util.List;

/**
 * Where Redis is, from one URL: {@code redis://host:port/db} for a standalone server or primary, or
 * {@code redis-sentinel://masterName@host1:port1,host2:port2/db} to find the current primary through
 * Sentinel (and follow it after a failover).
 */
final class RedisEndpoints {
  private static final String SENTINEL_SCHEME = "redis-sentinel://";

  private RedisEndpoints() {
  }

  static RedisOptions apply(RedisOptions options, String url) {
    if (!url.startsWith(SENTINEL_SCHEME)) {
      return options.setConnectionString(url);
    }
    String rest = url.substring(SENTINEL_SCHEME.length());
    int at = rest.indexOf('@');
    if (at <= 0) {
      throw new IllegalArgumentException("a Sentinel URL names the master: redis-sentinel://master@host:port,…");
    }
    String masterName = rest.substring(0, at);
    String hostsAndDb = rest.substring(at + 1);
    int slash = hostsAndDb.indexOf('/');
    String hosts = slash < 0 ? hostsAndDb : hostsAndDb.substring(0, slash);
    String db = slash < 0 ? "" : hostsAndDb.substring(slash);
    List<String> sentinels = Arrays.stream(hosts.split(",")).map(String::trim).filter(h -> !h.isEmpty())
        .map(h -> "redis://" + h + db).toList();
    if (sentinels.isEmpty()) {
      throw new IllegalArgumentException("a Sentinel URL needs at least one host:port");
    }
    options.setType(RedisClientType.SENTINEL).setMasterName(masterName).setRole(RedisRole.MASTER);
    sentinels.forEach(options::addConnectionString);
    return options;
  }
}
