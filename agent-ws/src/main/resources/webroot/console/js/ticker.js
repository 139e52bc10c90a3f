// One timer for every ticking figure: an element with data-since (an ISO instant) shows the time
// elapsed since then, one with data-until the time left until then. Both use the server's clock.

import { elapsedSince, formatDuration, serverNow, toMillis } from "./format.js";

const TICK_MS = 1000;
let timer = null;

/** Makes element tick from an instant (null stops it and shows "-"). */
export function tickSince(element, iso) {
  element.removeAttribute("data-until");
  if (iso !== null && iso !== undefined) {
    element.setAttribute("data-since", String(iso));
  } else {
    element.removeAttribute("data-since");
  }
  refresh(element);
}

/** Makes element count down to an instant (null stops it and shows "-"). */
export function tickUntil(element, iso) {
  element.removeAttribute("data-since");
  if (iso !== null && iso !== undefined) {
    element.setAttribute("data-until", String(iso));
  } else {
    element.removeAttribute("data-until");
  }
  refresh(element);
}

function refresh(element) {
  const since = element.getAttribute("data-since");
  const until = element.getAttribute("data-until");
  if (since) {
    element.textContent = formatDuration(elapsedSince(since));
  } else if (until) {
    const end = toMillis(until);
    element.textContent = formatDuration(Number.isFinite(end) ? Math.max(0, end - serverNow()) : null);
  } else {
    element.textContent = "-";
  }
}

/** Starts the page's ticking (once). */
export function startTicker() {
  if (timer === null) {
    timer = setInterval(() => {
      document.querySelectorAll("[data-since], [data-until]").forEach(refresh);
    }, TICK_MS);
  }
}
