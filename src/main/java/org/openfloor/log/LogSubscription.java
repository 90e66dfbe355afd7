package org.openfloor.log;

/** A running {@link CommandLog#follow} registration; closing it stops delivery. */
public interface LogSubscription extends AutoCloseable {
  @Override
  void close();
}
