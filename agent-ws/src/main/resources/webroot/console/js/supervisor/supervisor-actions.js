// The supervisor's commands on an agent: listen, whisper or barge (supervisor.spy, from the
// supervisor's own phone, asked once and kept in localStorage), force pause with a reason
// (supervisor.pause) and force logout (supervisor.logout), the last two confirmed in a dialog.

import { byId } from "../dom.js";
import { setPlainText, setText } from "../i18n.js";
import { fillPauseReasons } from "../labels.js";
import { showFailure, showNotice } from "../page-shell.js";
import { nameOf } from "./wallboard-model.js";

const INTERFACE_KEY = "switchboard.supervisor.interface";
const SPY_ACTIONS = {
  listen: "spy.listen",
  whisper: "spy.whisper",
  barge: "spy.barge",
};

export class SupervisorActions {
  constructor(commands) {
    this.commands = commands;
    this.target = null;
    this.afterInterface = null;
    this.interfaceDialog = byId("interface-dialog");
    this.pauseDialog = byId("force-pause-dialog");
    this.logoutDialog = byId("force-logout-dialog");
    fillPauseReasons(byId("force-pause-reason"));
    this.showInterface();

    byId("supervisor-interface-change").addEventListener("click", () => this.askInterface(null));
    byId("interface-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.saveInterface();
    });
    byId("interface-cancel").addEventListener("click", () => this.interfaceDialog.close());
    byId("force-pause-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.confirmPause();
    });
    byId("force-pause-cancel").addEventListener("click", () => this.pauseDialog.close());
    byId("force-logout-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.confirmLogout();
    });
    byId("force-logout-cancel").addEventListener("click", () => this.logoutDialog.close());
  }

  /** A button of the agents table was pressed. */
  handle(action, agent) {
    if (SPY_ACTIONS[action]) {
      this.spy(action, agent);
    } else if (action === "pause") {
      this.target = agent;
      setText(byId("force-pause-agent"), "board.forcePauseOf", { name: nameOf(agent) });
      this.pauseDialog.showModal();
    } else if (action === "logout") {
      this.target = agent;
      setText(byId("force-logout-agent"), "board.forceLogoutOf", { name: nameOf(agent) });
      this.logoutDialog.showModal();
    }
  }

  storedInterface() {
    return localStorage.getItem(INTERFACE_KEY) || "";
  }

  showInterface() {
    const stored = this.storedInterface();
    if (stored) {
      setPlainText(byId("supervisor-interface"), stored);
    } else {
      setText(byId("supervisor-interface"), "spy.noInterface");
    }
  }

  /** Opens the interface dialog; then(interface) runs after it is saved. */
  askInterface(then) {
    this.afterInterface = then;
    byId("interface-input").value = this.storedInterface();
    this.interfaceDialog.showModal();
  }

  saveInterface() {
    const value = byId("interface-input").value.trim();
    if (!value) {
      byId("interface-input").focus();
      return;
    }
    localStorage.setItem(INTERFACE_KEY, value);
    this.showInterface();
    this.interfaceDialog.close();
    const then = this.afterInterface;
    this.afterInterface = null;
    if (then) {
      then(value);
    }
  }

  spy(mode, agent) {
    const own = this.storedInterface();
    if (!own) {
      this.askInterface(() => this.spy(mode, agent));
      return;
    }
    this.send("supervisor.spy", { agentUserId: agent.userId, mode, interface: own }, SPY_ACTIONS[mode], "spy.started", agent);
  }

  confirmPause() {
    const agent = this.target;
    this.pauseDialog.close();
    if (agent) {
      const reason = byId("force-pause-reason").value;
      this.send("supervisor.pause", { agentUserId: agent.userId, reason }, "board.forcePause", "board.pauseSent", agent);
    }
  }

  confirmLogout() {
    const agent = this.target;
    this.logoutDialog.close();
    if (agent) {
      this.send("supervisor.logout", { agentUserId: agent.userId }, "board.forceLogout", "board.logoutSent", agent);
    }
  }

  async send(type, data, actionKey, successKey, agent) {
    try {
      await this.commands.request(type, data);
      showNotice("success", successKey, { name: nameOf(agent) });
    } catch (failed) {
      showFailure(actionKey, failed);
    }
  }
}
