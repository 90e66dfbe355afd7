package org.openfloor.edge;

import io.vertx.core.json.JsonObject;

/**
 * One command as a transport received it, before any step of the door: the session code as typed, the
 * command type, its fields (the body, with path parameters merged in by REST), the {@code Authorization}
 * value as sent ({@code Bearer …} or none) and the sender's address.
 */
public record Inbound(String code, String type, JsonObject fields, String authorization, String remoteAddress) {
}
