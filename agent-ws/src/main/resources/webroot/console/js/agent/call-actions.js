// Call actions over the console socket: click-to-dial (call.dial, its outcome arrives later as
// call.dial.result), hang up, blind or attended transfer to an agent, a queue or a number, and
// pausing or resuming the recording.

import { byId } from "../dom.js";
import { key, setPlainText, setText, t, translate } from "../i18n.js";
import { showFailure, showNotice } from "../page-shell.js";

const MAX_NUMBER_LENGTH = 32;
/** Dials whose result may still come, to name the number in it (oldest forgotten first). */
const MAX_DIALS_REMEMBERED = 20;

/** call.dial.result's outcome codes (the call-actions README). */
const DIAL_OUTCOMES = {
  answered: key("dialOutcome.answered"),
  no_answer: key("dialOutcome.noAnswer"),
  busy: key("dialOutcome.busy"),
  congestion: key("dialOutcome.congestion"),
  failed: key("dialOutcome.failed"),
  unknown: key("dialOutcome.unknown"),
};

const AGENT_ID = /^[0-9]{1,18}$/;
const QUEUE_NAME = /^[A-Za-z0-9_.-]{1,80}$/;

const TARGET_HINTS = {
  agent: key("phone.targetAgent"),
  queue: key("phone.targetQueue"),
  number: key("phone.targetNumber"),
};

const ENABLED_IN = {
  "dial-button": ["ready", "paused", "wrap_up"],
  "dial-number": ["ready", "paused", "wrap_up"],
  "hangup-button": ["ringing", "on_call"],
  "transfer-button": ["on_call"],
  "recording-pause": ["on_call"],
  "recording-resume": ["on_call"],
};

/** A number as typed, or null when it cannot be a phone number or an extension. */
export function cleanNumber(text) {
  const number = text.replace(/[\s().-]/g, "");
  return /^\+?[0-9*#]{1,32}$/.test(number) && number.length <= MAX_NUMBER_LENGTH ? number : null;
}

export class CallActions {
  constructor(commands, customerId) {
    this.commands = commands;
    this.customerId = customerId;
    this.state = "logged_out";
    this.result = byId("dial-result");
    this.dials = new Map();
    byId("dial-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.dial();
    });
    byId("hangup-button").addEventListener("click", () =>
      this.send("hangup-button", "call.hangup", {}, "action.hangUp", "phone.hangUpSent"),
    );
    byId("recording-pause").addEventListener("click", () =>
      this.send("recording-pause", "call.recording", { action: "pause" }, "action.recordingPause", "phone.recordingPaused"),
    );
    byId("recording-resume").addEventListener("click", () =>
      this.send("recording-resume", "call.recording", { action: "resume" }, "action.recordingResume", "phone.recordingResumed"),
    );
    byId("transfer-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.transfer();
    });
    const kind = byId("transfer-kind");
    kind.addEventListener("change", () => this.targetHint(kind.value));
    this.targetHint(kind.value);
  }

  targetHint(kind) {
    const target = byId("transfer-target");
    target.setAttribute("data-i18n-placeholder", TARGET_HINTS[kind] || TARGET_HINTS.number);
    translate(target);
  }

  dial() {
    const number = cleanNumber(byId("dial-number").value);
    if (number === null) {
      showNotice("error", "phone.badNumber");
      return;
    }
    const data = { number };
    const customerId = this.customerId();
    if (customerId !== null) {
      data.customerId = customerId;
    }
    setText(this.result, "phone.dialling", { number });
    this.result.setAttribute("data-kind", "info");
    this.send("dial-button", "call.dial", data, "action.dial", null).then((reply) => {
      if (reply && reply.originateId) {
        this.dials.set(reply.originateId, number);
        if (this.dials.size > MAX_DIALS_REMEMBERED) {
          this.dials.delete(this.dials.keys().next().value);
        }
      }
    });
  }

  /** The outcome of a dial, pushed when the PBX knows it: {originateId, outcome, linkedId}. */
  dialResult(data) {
    const outcome = data.outcome || "unknown";
    this.result.setAttribute("data-kind", outcome === "answered" ? "success" : "error");
    this.result.setAttribute("data-outcome", outcome);
    setText(this.result, "phone.dialResult", {
      number: this.dials.get(data.originateId) || "",
      result: Object.prototype.hasOwnProperty.call(DIAL_OUTCOMES, outcome) ? t(DIAL_OUTCOMES[outcome]) : outcome,
    });
  }

  transfer() {
    const value = byId("transfer-target").value.trim();
    const kind = byId("transfer-kind").value;
    const valid =
      kind === "agent" ? AGENT_ID.test(value) : kind === "queue" ? QUEUE_NAME.test(value) : cleanNumber(value) !== null;
    if (!valid) {
      showNotice("error", "phone.badTarget");
      return;
    }
    const data = {
      mode: byId("transfer-mode").value,
      to: { kind, value: kind === "number" ? cleanNumber(value) : value },
    };
    this.send("transfer-button", "call.transfer", data, "action.transfer", "phone.transferSent");
  }

  /** Sends a command with its button disabled until the answer; resolves with the reply or null. */
  async send(buttonId, type, data, actionKey, successKey) {
    const button = byId(buttonId);
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const reply = await this.commands.request(type, data);
      if (successKey) {
        showNotice("success", successKey);
      }
      return reply;
    } catch (failed) {
      if (type === "call.dial") {
        this.result.setAttribute("data-kind", "error");
        setPlainText(this.result, "");
      }
      showFailure(actionKey, failed);
      return null;
    } finally {
      button.removeAttribute("aria-busy");
      this.render({ state: this.state });
    }
  }

  render(agent) {
    this.state = agent.state;
    for (const [id, states] of Object.entries(ENABLED_IN)) {
      const control = byId(id);
      if (control.getAttribute("aria-busy") !== "true") {
        control.disabled = !states.includes(agent.state);
      }
    }
  }
}
