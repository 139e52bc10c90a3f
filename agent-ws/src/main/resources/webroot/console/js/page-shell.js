// What the agent and supervisor pages share: the header (user, language, sign-out), the
// connection state, the loading cover, and notices for results and errors.

import { api, describeError, ApiError } from "./api.js";
import { clearSession, goToLogin, LOGIN_PAGE } from "./auth.js";
import { ConsoleError } from "./console-socket.js";
import { byId, show } from "./dom.js";
import {
  currentLanguage,
  key,
  preferredLanguage,
  setLanguage,
  setPlainText,
  setText,
  t,
} from "./i18n.js";

const NOTICE_MS = 6000;

/** Texts for the failures ConsoleSocket finds itself (the server's come with a message). */
const LOCAL_FAILURES = {
  disconnected: key("error.noConnection"),
  busy: key("error.tooManyWaiting"),
  timeout: key("error.noAnswer"),
};
let noticeTimer = null;

/** Loads the dictionary and wires the header; resolves once the page can show text. */
export async function startShell(session, onSignOut) {
  await setLanguage(preferredLanguage());
  const select = byId("language-select");
  select.value = currentLanguage();
  select.addEventListener("change", () => {
    setLanguage(select.value).catch((failed) => showNotice("error", "error.dictionary", { message: failed.message }));
  });
  setPlainText(byId("current-user"), session.user.username);
  byId("signout-button").addEventListener("click", async () => {
    byId("signout-button").disabled = true;
    if (onSignOut) {
      onSignOut();
    }
    try {
      await api("POST", "/auth/logout", undefined, { keepOn401: true });
    } catch (ignored) {
      // the token is dropped here either way
    }
    clearSession();
    location.replace(LOGIN_PAGE);
  });
}

/** Shows a ConsoleSocket status in the header (and a cover while reconnecting). */
export function showConnection(status) {
  const element = byId("connection-status");
  element.setAttribute("data-state", status.state);
  if (status.state === "connected") {
    setText(element, "conn.connected");
  } else if (status.state === "reconnecting") {
    setText(element, status.message ? "conn.reconnectingWhy" : "conn.reconnecting", {
      attempt: status.attempt,
      message: status.message,
    });
  } else if (status.state === "error" && status.local === "unauthorized") {
    setText(element, "conn.unauthorized");
  } else if (status.state === "error") {
    setText(element, "conn.error", { message: status.message || "" });
  } else {
    setText(element, "conn.connecting");
  }
  document.body.setAttribute("data-connection", status.state);
}

/** Hides the loading cover and shows the page's content (after the first snapshot). */
export function showLoaded() {
  show(byId("loading"), false);
  show(byId("content"), true);
}

/** A page that cannot start: the cover shows why. */
export function showFatal(keyName, args) {
  show(byId("loading"), true);
  const error = byId("page-error");
  setText(error, keyName, args);
  show(error, true);
}

/** A short message under the header: kind is "info", "success" or "error". */
export function showNotice(kind, keyName, args) {
  const notice = byId("notice");
  notice.setAttribute("data-kind", kind);
  notice.setAttribute("role", kind === "error" ? "alert" : "status");
  setText(notice, keyName, args);
  show(notice, true);
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => show(notice, false), kind === "error" ? NOTICE_MS * 2 : NOTICE_MS);
}

/** The text of a failed command or REST call, for a notice's {message}. */
export function errorText(error) {
  if (error instanceof ConsoleError) {
    if (error.local) {
      return t(LOCAL_FAILURES[error.local] || LOCAL_FAILURES.disconnected);
    }
    return error.message + " (" + error.code + ")";
  }
  if (error instanceof ApiError && error.status === 0) {
    return t("error.network");
  }
  return describeError(error);
}

/** Reports a failed action: "<what> failed: <server's message>". */
export function showFailure(actionKey, error) {
  showNotice("error", "error.actionFailed", { action: t(actionKey), message: errorText(error) });
}

/** For ConsoleSocket's checkToken: false only when the server says the token is not valid. */
export async function tokenStillValid() {
  try {
    await api("GET", "/auth/me", undefined, { keepOn401: true });
    return true;
  } catch (failed) {
    return !(failed instanceof ApiError && failed.status === 401);
  }
}

/** The socket gave up because the token is refused. */
export function backToLogin() {
  goToLogin("login.sessionExpired");
}
