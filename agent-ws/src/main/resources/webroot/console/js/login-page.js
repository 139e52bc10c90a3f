// The login page: username and password to POST /api/v1/auth/login; the token goes to
// sessionStorage and the user's role picks the agent or the supervisor page.

import { api, ApiError, describeError } from "./api.js";
import { currentSession, pageFor, saveSession, takeLoginNotice } from "./auth.js";
import { byId, show } from "./dom.js";
import { currentLanguage, preferredLanguage, setLanguage, setPlainText, setText } from "./i18n.js";

async function main() {
  const existing = currentSession();
  if (existing && pageFor(existing.user)) {
    location.replace(pageFor(existing.user));
    return;
  }
  try {
    await setLanguage(preferredLanguage());
  } catch (failed) {
    // Without a dictionary there is no text to show but the reason.
    const error = byId("page-error");
    setPlainText(error, failed.message);
    show(error, true);
    return;
  }
  const select = byId("language-select");
  select.value = currentLanguage();
  select.addEventListener("change", () => setLanguage(select.value));

  const notice = takeLoginNotice();
  if (notice) {
    setText(byId("login-notice"), notice);
    show(byId("login-notice"), true);
  }
  show(byId("loading"), false);
  show(byId("login-form"), true);
  byId("login-username").focus();
  byId("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    login();
  });
}

async function login() {
  const error = byId("login-error");
  const submit = byId("login-submit");
  const username = byId("login-username").value.trim();
  const password = byId("login-password").value;
  show(error, false);
  if (!username || !password) {
    setText(error, "login.missing");
    show(error, true);
    return;
  }
  submit.disabled = true;
  setText(submit, "login.signingIn");
  try {
    const answer = await api("POST", "/auth/login", { username, password }, { anonymous: true });
    const page = pageFor(answer.user || {});
    if (!page) {
      api("POST", "/auth/logout", undefined, { token: answer.token, keepOn401: true }).catch(() => null);
      setText(error, "login.noConsoleRole");
      show(error, true);
      return;
    }
    saveSession(answer);
    location.replace(page);
  } catch (failed) {
    if (failed instanceof ApiError && failed.status === 0) {
      setText(error, "error.network");
    } else {
      setText(error, "login.failed", { message: describeError(failed) });
    }
    show(error, true);
    byId("login-password").select();
  } finally {
    submit.disabled = false;
    setText(submit, "login.submit");
  }
}

main();
