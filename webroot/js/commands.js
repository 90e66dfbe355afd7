// Commands from every page: over the bridge (openfloor.cmd, with reply) while the socket is open,
// and, where a page has a REST route to fall back on, over HTTP when it is not.

/**
 * Sends a command; resolves with the reply body, rejects with {status, error, message}. When the socket
 * is down (status 0) viaHttp() sends the same request over REST (same request id, so never twice);
 * without viaHttp the failure stands (the caller keeps the command, e.g. in an outbox).
 */
export function sendCommand(bus, type, fields, token, viaHttp = null) {
  return bus.command(type, fields, token)
    .catch((failure) => (failure.status === 0 && viaHttp ? viaHttp() : Promise.reject(failure)));
}
