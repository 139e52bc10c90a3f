// The REST calls of the pages (crm-api under /api/v1), with the tab's token. An error answer
// becomes an ApiError carrying the server's message; 401 on a logged-in call means the token
// expired or was revoked, so the page goes back to the login page.

import { currentSession, goToLogin } from "./auth.js";

const BASE = "/api/v1";
const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(status, code, message, fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = Array.isArray(fields) ? fields : [];
  }
}

/**
 * Calls method path (below /api/v1) with an optional JSON body; answers the JSON (null on 204).
 * options: anonymous (no token), token (this one instead of the tab's), keepOn401 (stay here).
 */
export async function api(method, path, body, options = {}) {
  const headers = { accept: "application/json" };
  const session = options.anonymous ? null : currentSession();
  const token = options.token || (session ? session.token : null);
  if (token) {
    headers.authorization = "Bearer " + token;
  }
  if (body !== undefined) {
    headers["content-type"] = "application/json";
  }
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      cache: "no-store",
    });
  } catch (failed) {
    throw new ApiError(0, "NETWORK", failed.name === "AbortError" ? "timeout" : failed.message);
  } finally {
    clearTimeout(timeout);
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (ignored) {
    json = null;
  }
  if (!response.ok) {
    const error = json && json.error ? json.error : {};
    if (response.status === 401 && session && !options.keepOn401) {
      goToLogin("login.sessionExpired");
    }
    throw new ApiError(
      response.status,
      error.code || "HTTP_" + response.status,
      error.message || "HTTP " + response.status,
      error.fields,
    );
  }
  return json;
}

/** One line for an error: the server's message and the fields it names. */
export function describeError(error) {
  if (!(error instanceof ApiError)) {
    return error && error.message ? error.message : String(error);
  }
  const fields = error.fields.map((field) => field.field + ": " + field.problem);
  return fields.length ? error.message + " (" + fields.join("; ") + ")" : error.message;
}
