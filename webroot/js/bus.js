// A small client of the OpenFloor event-bus bridge (Vert.x bridge protocol). It speaks it over a plain
// WebSocket at /ws, the server's cheaper path, and over SockJS at /eventbus when the browser has no
// WebSocket or a plain socket never opened (a proxy that refuses upgrades); it stays on the one that opened.
// It reconnects with backoff, registers again after a reconnect, pings, and resumes: it keeps the
// last seq seen per address and, after a reconnect, replays what was missed from the events endpoint.

import { COMMANDS_ADDRESS } from './protocol.js';

const PING_MILLIS = 20000;
const COMMAND_TIMEOUT_MILLIS = 10000;
const MAX_BACKOFF_MILLIS = 15000;
const RETAINED_PER_ADDRESS = 100;

/** Status values emitted as 'status' events: connecting, online, offline. */
export class Bus extends EventTarget {
  constructor(session, {
    url = '/eventbus', SockJSClass = window.SockJS, webSocketUrl = plainWebSocketUrl(), WebSocketClass = window.WebSocket,
  } = {}) {
    super();
    this.session = session;
    this.url = url;
    this.SockJSClass = SockJSClass;
    this.webSocketUrl = webSocketUrl;
    this.WebSocketClass = WebSocketClass;
    this.plain = this.canUsePlain();
    this.socket = null;
    this.status = 'offline';
    this.registrations = new Map(); // address -> {token, handler}
    this.progress = new Map(); // address -> {floor, last, keysAtLast, retained}
    this.pendingReplies = new Map(); // replyAddress -> {resolve, reject, timer}
    this.attempt = 0;
    this.everOpened = false;
    this.resuming = false;
    this.heldDuringResume = [];
    this.stopped = false;
    this.pingTimer = null;
    this.reconnectTimer = null;
  }

  connect() {
    this.stopped = false;
    this.open();
    window.addEventListener('online', () => this.reconnectNow());
    window.addEventListener('offline', () => this.dropNow());
    return this;
  }

  /** The device says it lost its network: close now instead of waiting for the socket to time out. */
  dropNow() {
    if (this.socket && this.status !== 'offline') {
      const socket = this.socket;
      this.socket = null;
      socket.close();
      this.onClose(socket, true);
    }
  }

  close() {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    if (this.socket) {
      this.socket.close();
    }
  }

  get online() {
    return this.status === 'online';
  }

  /** Listens on an address; the handler receives each event body once, in seq order. */
  register(address, token, handler) {
    this.registrations.set(address, { token, handler });
    this.progressOf(address);
    if (this.online) {
      this.write({ type: 'register', address, headers: authorization(token) });
    }
  }

  unregister(address) {
    this.registrations.delete(address);
    if (this.online) {
      this.write({ type: 'unregister', address });
    }
  }

  /**
   * Marks everything up to seq on address as known (a snapshot at seq was just rendered) and hands
   * the handler again any event it already received that is newer than that snapshot.
   */
  markSeen(address, seq) {
    const progress = this.progressOf(address);
    progress.floor = Math.max(progress.floor, seq);
    if (seq > progress.last) {
      progress.last = seq;
      progress.keysAtLast = new Set();
    }
    const registration = this.registrations.get(address);
    if (registration) {
      progress.retained.filter((body) => body.seq > seq).forEach((body) => registration.handler(body, address));
    }
  }

  /** Sends a command over the bridge; resolves with the reply body, rejects with {status, error, message}. */
  command(type, fields = {}, token = null) {
    if (!this.online) {
      return Promise.reject({ status: 0, error: 'offline', message: 'not connected' });
    }
    const replyAddress = `openfloor.reply.${randomId()}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingReplies.delete(replyAddress);
        reject({ status: 0, error: 'timeout', message: 'no answer in time' });
      }, COMMAND_TIMEOUT_MILLIS);
      this.pendingReplies.set(replyAddress, { resolve, reject, timer });
      this.write({
        type: 'send', address: COMMANDS_ADDRESS, replyAddress, headers: authorization(token),
        body: { ...fields, type, session: this.session },
      });
    });
  }

  reconnectNow() {
    if (!this.stopped && this.status === 'offline') {
      clearTimeout(this.reconnectTimer);
      this.attempt = 0;
      this.open();
    }
  }

  canUsePlain() {
    return Boolean(this.WebSocketClass && this.webSocketUrl);
  }

  /** Which transport the bus uses now: 'websocket' (plain, at /ws) or 'sockjs'. */
  get transport() {
    return this.plain ? 'websocket' : 'sockjs';
  }

  open() {
    this.setStatus('connecting');
    const socket = this.plain ? new this.WebSocketClass(this.webSocketUrl) : new this.SockJSClass(this.url);
    this.socket = socket;
    socket.onopen = () => this.onOpen(socket);
    socket.onmessage = (message) => this.onMessage(message.data);
    socket.onclose = () => this.onClose(socket);
  }

  onOpen(socket) {
    if (socket !== this.socket) {
      return;
    }
    socket.everOpened = true;
    const resuming = this.everOpened;
    this.everOpened = true;
    this.attempt = 0;
    this.setStatus('online');
    this.registrations.forEach(({ token }, address) =>
      this.write({ type: 'register', address, headers: authorization(token) }));
    this.pingTimer = setInterval(() => this.write({ type: 'ping' }), PING_MILLIS);
    if (resuming) {
      this.resume();
    }
  }

  onClose(socket, dropped = false) {
    if (socket !== this.socket && !dropped) {
      return;
    }
    clearInterval(this.pingTimer);
    this.failPendingReplies();
    this.setStatus('offline');
    if (!socket.everOpened && !dropped && this.canUsePlain()) {
      // A socket that never opened: the other transport is tried next, SockJS at once.
      this.plain = !this.plain;
      if (!this.plain && !this.stopped) {
        this.open();
        return;
      }
    }
    if (!this.stopped) {
      const delay = Math.min(MAX_BACKOFF_MILLIS, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
      this.attempt += 1;
      this.reconnectTimer = setTimeout(() => this.open(), delay);
    }
  }

  onMessage(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    const pending = this.pendingReplies.get(frame.address);
    if (pending) {
      this.settleReply(frame, pending);
    } else if (frame.type === 'rec') {
      this.onEvent(frame.address, frame.body);
    } else if (frame.type === 'err') {
      this.dispatchEvent(new CustomEvent('refused', { detail: { address: frame.address, reason: frame.body } }));
    }
  }

  settleReply(frame, pending) {
    this.pendingReplies.delete(frame.address);
    clearTimeout(pending.timer);
    if (frame.type === 'rec') {
      pending.resolve(frame.body);
    } else {
      const body = frame.body && typeof frame.body === 'object' ? frame.body : {};
      pending.reject({ status: frame.failureCode || 0, error: body.error || 'failed', message: frame.message || body.message });
    }
  }

  onEvent(address, body) {
    if (this.resuming) {
      this.heldDuringResume.push({ address, body });
    } else {
      this.deliver(address, body);
    }
  }

  deliver(address, body) {
    const registration = this.registrations.get(address);
    if (!registration || !body || typeof body.seq !== 'number' || !this.accept(address, body)) {
      return;
    }
    if (body.type === 'resync') {
      // The node jumped to a newer state without the events in between: reload the snapshot.
      this.dispatchEvent(new CustomEvent('resync'));
      return;
    }
    registration.handler(body, address);
  }

  accept(address, body) {
    const progress = this.progressOf(address);
    const key = `${body.seq}|${body.type}`;
    if (body.seq <= progress.floor || body.seq < progress.last
        || (body.seq === progress.last && progress.keysAtLast.has(key))) {
      return false;
    }
    if (body.seq > progress.last) {
      progress.last = body.seq;
      progress.keysAtLast = new Set();
    }
    progress.keysAtLast.add(key);
    progress.retained.push(body);
    if (progress.retained.length > RETAINED_PER_ADDRESS) {
      progress.retained.shift();
    }
    return true;
  }

  /** Fetches what each token's addresses missed while disconnected, and replays it in order. */
  async resume() {
    this.resuming = true;
    let complete = true;
    try {
      for (const [token, group] of this.registrationsByToken()) {
        const after = Math.min(...group.map((address) => this.progressOf(address).last));
        const answer = await fetchEvents(this.session, after, token);
        if (!answer.complete) {
          complete = false;
        }
        answer.events.filter((event) => group.includes(event.address))
          .sort((a, b) => a.body.seq - b.body.seq)
          .forEach((event) => this.deliver(event.address, event.body));
      }
    } catch {
      complete = false;
    }
    this.resuming = false;
    const held = this.heldDuringResume;
    this.heldDuringResume = [];
    held.forEach(({ address, body }) => this.deliver(address, body));
    this.dispatchEvent(new CustomEvent(complete ? 'resumed' : 'resync'));
  }

  registrationsByToken() {
    const groups = new Map();
    this.registrations.forEach(({ token }, address) => {
      const key = token || '';
      if (!groups.has(key)) {
        groups.set(key, []);
      }
      groups.get(key).push(address);
    });
    return groups;
  }

  progressOf(address) {
    if (!this.progress.has(address)) {
      this.progress.set(address, { floor: 0, last: 0, keysAtLast: new Set(), retained: [] });
    }
    return this.progress.get(address);
  }

  failPendingReplies() {
    this.pendingReplies.forEach(({ reject, timer }) => {
      clearTimeout(timer);
      reject({ status: 0, error: 'offline', message: 'connection lost' });
    });
    this.pendingReplies.clear();
  }

  setStatus(status) {
    if (this.status !== status) {
      this.status = status;
      this.dispatchEvent(new CustomEvent('status', { detail: status }));
    }
  }

  write(frame) {
    if (this.socket && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify(frame));
    }
  }
}

/** The plain WebSocket bridge on this page's server: ws(s)://host/ws. */
function plainWebSocketUrl() {
  const { protocol, host } = window.location;
  return protocol === 'https:' || protocol === 'http:' ? `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws` : null;
}

async function fetchEvents(code, after, token) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/events?after=${after}`, { headers, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`events: ${response.status}`);
  }
  return response.json();
}

function authorization(token) {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export function randomId() {
  if (window.crypto && window.crypto.randomUUID) {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
