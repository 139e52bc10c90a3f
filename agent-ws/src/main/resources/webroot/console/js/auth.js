// The login session of this tab: the token of POST /api/v1/auth/login and its user, kept in
// sessionStorage (gone when the tab closes; never in localStorage, where every tab and every
// later visitor of the machine would find it). Also which page a user belongs on.

const SESSION_KEY = "switchboard.session";
const NOTICE_KEY = "switchboard.login-notice";

export const LOGIN_PAGE = new URL("../index.html", import.meta.url);
export const AGENT_PAGE = new URL("../agent.html", import.meta.url);
export const SUPERVISOR_PAGE = new URL("../supervisor.html", import.meta.url);

/** {token, expiresAt, user: {id, username, roles, permissions}} or null (none, or expired). */
export function currentSession() {
  let session = null;
  try {
    session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch (ignored) {
    return null;
  }
  if (!session || typeof session.token !== "string" || !session.user) {
    return null;
  }
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
    clearSession();
    return null;
  }
  return session;
}

export function saveSession(login) {
  sessionStorage.setItem(
    SESSION_KEY,
    JSON.stringify({ token: login.token, expiresAt: login.expiresAt, user: login.user }),
  );
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

export function hasRole(user, role) {
  return Array.isArray(user.roles) && user.roles.includes(role);
}

export function isSupervisor(user) {
  return hasRole(user, "supervisor") || hasRole(user, "admin");
}

/** Supervisors and admins get the wallboard, agents the agent page; anyone else none. */
export function pageFor(user) {
  if (isSupervisor(user)) {
    return SUPERVISOR_PAGE;
  }
  return hasRole(user, "agent") ? AGENT_PAGE : null;
}

/** Back to the login page, which then shows the dictionary text noticeKey. */
export function goToLogin(noticeKey) {
  clearSession();
  if (noticeKey) {
    sessionStorage.setItem(NOTICE_KEY, noticeKey);
  }
  location.replace(LOGIN_PAGE);
}

/** The notice left by goToLogin, once. */
export function takeLoginNotice() {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}

/**
 * The session if its user may see this page (allowed(user)); otherwise moves to the login page
 * or to the user's own page and answers null.
 */
export function requireSession(allowed) {
  const session = currentSession();
  if (!session) {
    location.replace(LOGIN_PAGE);
    return null;
  }
  if (!allowed(session.user)) {
    const own = pageFor(session.user);
    if (own) {
      location.replace(own);
    } else {
      goToLogin("login.noConsoleRole");
    }
    return null;
  }
  return session;
}
