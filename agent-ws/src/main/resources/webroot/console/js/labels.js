// Dictionary keys for the codes the server sends (states, pause reasons, call states, timeline
// kinds). A code without a key is shown as the server sent it.

import { key, setPlainText, setText } from "./i18n.js";

export const AGENT_STATES = {
  logged_out: key("state.loggedOut"),
  ready: key("state.ready"),
  paused: key("state.paused"),
  ringing: key("state.ringing"),
  on_call: key("state.onCall"),
  wrap_up: key("state.wrapUp"),
};

/** The reasons an agent or a supervisor may pick for a pause, in menu order. */
export const PAUSE_REASONS = [
  { code: "break", label: key("reason.break") },
  { code: "lunch", label: key("reason.lunch") },
  { code: "meeting", label: key("reason.meeting") },
  { code: "training", label: key("reason.training") },
  { code: "coaching", label: key("reason.coaching") },
  { code: "admin", label: key("reason.admin") },
];

/** Every reason with a text: the ones above and those the server sets by itself. */
export const PAUSE_REASON_LABELS = Object.assign(
  Object.fromEntries(PAUSE_REASONS.map((reason) => [reason.code, reason.label])),
  {
    "wrap-up": key("reason.wrapUp"),
    "after-wrap-up": key("reason.afterWrapUp"),
    pbx: key("reason.pbx"),
    outbound: key("reason.outbound"),
  },
);

export const CALL_STATES = {
  queued: key("callState.queued"),
  ringing: key("callState.ringing"),
  talking: key("callState.talking"),
};

export const INTERACTION_KINDS = {
  call: key("interaction.call"),
  note: key("interaction.note"),
  callback: key("interaction.callback"),
  ticket: key("interaction.ticket"),
  disposition: key("interaction.disposition"),
};

/** Shows labels[code] translated, the code itself when it has no text, "-" when absent. */
export function showCode(element, labels, code) {
  if (code !== null && code !== undefined && Object.prototype.hasOwnProperty.call(labels, code)) {
    setText(element, labels[code]);
  } else {
    setPlainText(element, code === null || code === undefined || code === "" ? "-" : code);
  }
}

/** Fills a select with the pause reasons (value: the code). */
export function fillPauseReasons(select) {
  for (const reason of PAUSE_REASONS) {
    const option = document.createElement("option");
    option.value = reason.code;
    setText(option, reason.label);
    select.appendChild(option);
  }
}
