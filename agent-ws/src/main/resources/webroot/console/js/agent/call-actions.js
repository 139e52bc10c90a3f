// Call actions over the console socket: click-to-dial (call.dial, its outcome arrives later as
// call.dial.result), hang up, blind or attended transfer to an agent, a queue or a number, and
// pausing or resuming the recording.

import { byId } from "../dom.js";
import { key, setPlainText, setText, translate } from "../i18n.js";
import { showFailure, showNotice } from "../page-shell.js";

const MAX_NUMBER_LENGTH = 32;

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
    this.send("dial-button", "call.dial", data, "action.dial", null);
  }

  /** The outcome of a dial, pushed when the PBX knows it. */
  dialResult(data) {
    const outcome = data.result || data.status || data.outcome || "";
    const failed = data.ok === false || data.success === false || data.error !== undefined;
    this.result.setAttribute("data-kind", failed ? "error" : "success");
    setText(this.result, "phone.dialResult", {
      number: data.number || "",
      result: [outcome, data.message || data.reason || data.error || ""].filter(Boolean).join(": "),
    });
  }

  transfer() {
    const value = byId("transfer-target").value.trim();
    const kind = byId("transfer-kind").value;
    if (!value || (kind === "number" && cleanNumber(value) === null)) {
      showNotice("error", "phone.badTarget");
      return;
    }
    const data = {
      mode: byId("transfer-mode").value,
      to: { kind, value: kind === "number" ? cleanNumber(value) : value },
    };
    this.send("transfer-button", "call.transfer", data, "action.transfer", "phone.transferSent");
  }

  async send(buttonId, type, data, actionKey, successKey) {
    const button = byId(buttonId);
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      await this.commands.request(type, data);
      if (successKey) {
        showNotice("success", successKey);
      }
    } catch (failed) {
      if (type === "call.dial") {
        this.result.setAttribute("data-kind", "error");
        setPlainText(this.result, "");
      }
      showFailure(actionKey, failed);
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
