package org.openfloor.bridge;

/** Bounds on what one bridge socket may send and hold. */
public record BridgeLimits(int maxFrameBytes, int maxHandlersPerSocket) {
}
