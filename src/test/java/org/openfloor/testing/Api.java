package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** A small HTTP client for the public API of a test server. */
public final class Api {
  private final WebClient client;

  public Api(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  public Future<HttpResponse<Buffer>> call(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return body == null ? request.send() : request.sendJsonObject(body);
  }

  public Future<HttpResponse<Buffer>> raw(HttpMethod method, String path, String contentType, Buffer body) {
    return client.request(method, path).putHeader("content-type", contentType).sendBuffer(body);
  }

  public Future<JsonObject> createSession(String title, String moderation) {
    return call(HttpMethod.POST, "/api/sessions", null, new JsonObject().put("title", title).put("moderation", moderation))
        .map(HttpResponse::bodyAsJsonObject);
  }

  public Future<JsonObject> join(String code, String name) {
    return call(HttpMethod.POST, "/api/sessions/" + code + "/participants", null, new JsonObject().put("name", name))
        .map(HttpResponse::bodyAsJsonObject);
  }

  public Future<JsonObject> ask(String code, String token, String text) {
    return call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, new JsonObject().put("text", text))
        .map(HttpResponse::bodyAsJsonObject);
  }

  public Future<JsonObject> snapshot(String code, String token) {
    return call(HttpMethod.GET, "/api/sessions/" + code, token, null).map(HttpResponse::bodyAsJsonObject);
  }

  public Future<HttpResponse<Buffer>> vote(String code, String token, String questionId) {
    return call(HttpMethod.PUT, "/api/sessions/" + code + "/questions/" + questionId + "/vote", token, null);
  }

  public Future<HttpResponse<Buffer>> moderate(String code, String token, String questionId, JsonObject change) {
    return call(HttpMethod.PATCH, "/api/sessions/" + code + "/questions/" + questionId, token, change);
  }

  public void close() {
    client.close();
  }
}
