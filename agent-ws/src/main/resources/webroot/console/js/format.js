// Formatting of times, durations and figures, and the server clock.

import { currentLocale } from "./i18n.js";

let offsetMs = 0;

/** Epoch milliseconds of an instant given as ISO text or as epoch milliseconds; NaN if neither. */
export function toMillis(value) {
  if (typeof value === "number") {
    return value;
  }
  if (typeof value !== "string") {
    return NaN;
  }
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/** Aligns the page's clock with the server's (serverTime: ISO text or epoch milliseconds). */
export function setServerTime(serverTime) {
  const at = toMillis(serverTime);
  if (Number.isFinite(at)) {
    offsetMs = at - Date.now();
  }
}

/** The server's time now, in epoch milliseconds, as well as the page knows it. */
export function serverNow() {
  return Date.now() + offsetMs;
}

/** "m:ss" below an hour, "h:mm:ss" from one; "-" when unknown. */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(Number(ms))) {
    return "-";
  }
  const total = Math.max(0, Math.floor(Number(ms) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? hours + ":" + String(minutes).padStart(2, "0") + ":" + seconds
    : minutes + ":" + seconds;
}

/** Milliseconds from an ISO instant to the server's now (0 if it is in the future). */
export function elapsedSince(iso) {
  const at = toMillis(iso);
  return Number.isFinite(at) ? Math.max(0, serverNow() - at) : null;
}

export function formatPercent(value) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) {
    return "-";
  }
  return Number(value).toLocaleString(currentLocale(), { maximumFractionDigits: 1 }) + "%";
}

export function formatCount(value) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) {
    return "-";
  }
  return Number(value).toLocaleString(currentLocale());
}

/** A date and time in the page's language; "-" when missing. */
export function formatDateTime(iso) {
  const at = toMillis(iso);
  if (!Number.isFinite(at)) {
    return "-";
  }
  return new Date(at).toLocaleString(currentLocale(), {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A time of day with seconds in the page's language; "-" when missing. */
export function formatTime(iso) {
  const at = toMillis(iso);
  if (!Number.isFinite(at)) {
    return "-";
  }
  return new Date(at).toLocaleTimeString(currentLocale(), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
