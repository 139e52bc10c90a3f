// The console's WebSocket (agent-ws README, "Protocol"): connects to /ws with the login token as
// a subprotocol, applies the snapshot and numbered pushes in order (a frame whose seq is not above
// the last applied one is dropped), resumes after a drop with /ws?epoch=..&lastSeq=.. and a
// growing back-off, and correlates commands with their replies by id, with a timeout.
//
// States reported to onStatus: {state: "connecting"} until the first snapshot, {state:
// "connected"}, {state: "reconnecting", attempt, message?} while it tries again, {state: "error",
// code, message} for an error frame of the server, {state: "error", code: 401, local:
// "unauthorized"} when it gives up because the token is refused (onUnauthorized is called).

export const SUBPROTOCOL = "switchboard.console.v1";
export const REQUEST_TIMEOUT_MS = 15000;
/** The server lets 16 commands of a session wait; more would be refused with 429 anyway. */
export const MAX_PENDING = 16;
export const BACKOFF_FIRST_MS = 500;
export const BACKOFF_MAX_MS = 30000;
const NORMAL_CLOSE = 1000;

/**
 * A refused or failed command. code and message are the server's (HTTP-like code); a failure
 * found here has local set instead: "disconnected", "busy" (16 waiting) or "timeout".
 */
export class ConsoleError extends Error {
  constructor(code, message, local = null) {
    super(message);
    this.code = code;
    this.local = local;
  }
}

/** The delay before reconnect attempt n (1, 2, ...): doubling from 0.5 s to 30 s, jittered. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt - 1, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The /ws address of this page's server, with the resume point when there is one. */
export function socketUrl(base, epoch, lastSeq) {
  const url = new URL("/ws", base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  if (epoch !== null && lastSeq !== null) {
    url.searchParams.set("epoch", epoch);
    url.searchParams.set("lastSeq", String(lastSeq));
  }
  return url.toString();
}

export class ConsoleSocket {
  /**
   * options: token; onSnapshot(data); onPush(type, data); onStatus(status); onUnauthorized();
   * checkToken() -> Promise<boolean> (false: the token is refused; asked when a connection
   * fails before opening, since a browser cannot see the HTTP status of a refused upgrade);
   * base (the page's URL); WebSocketImpl.
   */
  constructor(options) {
    this.options = options;
    this.base = options.base || location.href;
    this.WebSocketImpl = options.WebSocketImpl || WebSocket;
    this.socket = null;
    this.epoch = null;
    this.lastSeq = null;
    this.pending = new Map();
    this.nextId = 1;
    this.attempt = 0;
    this.stopped = false;
    this.synced = false;
    this.retryTimer = null;
    this.lastProblem = null;
    this.onOnline = () => this.retryNow();
  }

  start() {
    window.addEventListener("online", this.onOnline);
    this.connect();
  }

  /** Closes for good (logout, leaving the page). */
  stop() {
    this.stopped = true;
    window.removeEventListener("online", this.onOnline);
    clearTimeout(this.retryTimer);
    this.failPending(new ConsoleError(0, "closed", "disconnected"));
    if (this.socket) {
      this.socket.close(NORMAL_CLOSE, "bye");
    }
  }

  /** True once the snapshot (or a resume) made the page current. */
  isConnected() {
    return this.synced && this.socket !== null && this.socket.readyState === 1;
  }

  /** Sends a command; resolves with the reply's data, rejects with a ConsoleError. */
  request(type, data = {}) {
    if (!this.isConnected()) {
      return Promise.reject(new ConsoleError(0, "not connected", "disconnected"));
    }
    if (this.pending.size >= MAX_PENDING) {
      return Promise.reject(new ConsoleError(429, "too many commands waiting", "busy"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ConsoleError(504, "no answer in time", "timeout"));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer, type });
      this.socket.send(JSON.stringify({ type, id, data }));
    });
  }

  connect() {
    this.synced = false;
    this.status(
      this.attempt === 0
        ? { state: "connecting" }
        : { state: "reconnecting", attempt: this.attempt, message: this.lastProblem },
    );
    let opened = false;
    let socket;
    try {
      socket = new this.WebSocketImpl(socketUrl(this.base, this.epoch, this.lastSeq), [
        SUBPROTOCOL,
        "bearer." + this.options.token,
      ]);
    } catch (failed) {
      this.lastProblem = failed.message;
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
    };
    socket.onmessage = (event) => this.onFrame(event.data);
    socket.onclose = (event) => {
      if (this.socket === socket) {
        this.socket = null;
        this.onClose(event, opened);
      }
    };
  }

  onFrame(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch (bad) {
      console.warn("console: a frame that is not JSON was dropped", bad);
      return;
    }
    if (frame === null || typeof frame !== "object" || typeof frame.type !== "string") {
      console.warn("console: a frame without a type was dropped");
      return;
    }
    if (frame.replyTo !== undefined && frame.replyTo !== null) {
      this.settle(frame);
    } else if (frame.type === "snapshot") {
      // The stream's position may go down (another epoch: the node restarted); take it as is.
      this.epoch = frame.epoch;
      this.lastSeq = frame.seq;
      this.synced = true;
      this.attempt = 0;
      this.lastProblem = null;
      this.status({ state: "connected" });
      this.options.onSnapshot(frame.data || {});
    } else if (frame.type === "resumed") {
      // The missed frames follow, numbered after our lastSeq: it must not jump to frame.seq.
      this.epoch = frame.epoch;
      this.synced = true;
      this.attempt = 0;
      this.lastProblem = null;
      this.status({ state: "connected" });
    } else if (frame.type === "error") {
      const error = frame.data || {};
      this.lastProblem = error.message || null;
      this.status({ state: "error", code: error.code, message: error.message });
    } else if (typeof frame.seq === "number") {
      if (this.lastSeq !== null && frame.seq <= this.lastSeq) {
        return;
      }
      this.lastSeq = frame.seq;
      this.options.onPush(frame.type, frame.data || {});
    } else {
      this.options.onPush(frame.type, frame.data || {});
    }
  }

  settle(frame) {
    const waiting = this.pending.get(frame.replyTo);
    if (!waiting) {
      return;
    }
    this.pending.delete(frame.replyTo);
    clearTimeout(waiting.timer);
    if (frame.type === "error") {
      const error = frame.data || {};
      waiting.reject(new ConsoleError(error.code || 0, error.message || "refused"));
    } else {
      waiting.resolve(frame.data || {});
    }
  }

  failPending(error) {
    this.pending.forEach((waiting) => {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    });
    this.pending.clear();
  }

  async onClose(event, opened) {
    this.synced = false;
    this.failPending(new ConsoleError(0, "connection lost", "disconnected"));
    if (this.stopped) {
      return;
    }
    if (event.reason) {
      this.lastProblem = event.reason;
    }
    if (!opened && this.options.checkToken) {
      let valid = true;
      try {
        valid = await this.options.checkToken();
      } catch (ignored) {
        valid = true; // the check itself failed (network): keep trying
      }
      if (!valid) {
        this.stopped = true;
        this.status({ state: "error", code: 401, local: "unauthorized" });
        if (this.options.onUnauthorized) {
          this.options.onUnauthorized();
        }
        return;
      }
    }
    this.scheduleRetry();
  }

  scheduleRetry() {
    if (this.stopped) {
      return;
    }
    this.attempt += 1;
    this.status({ state: "reconnecting", attempt: this.attempt, message: this.lastProblem });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, backoffDelay(this.attempt));
  }

  /** The browser is back online: do not wait for the back-off. */
  retryNow() {
    if (this.retryTimer !== null && !this.stopped) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.connect();
    }
  }

  status(status) {
    if (this.options.onStatus) {
      this.options.onStatus(status);
    }
  }
}
