// The supervisor page: the wallboard (queues, agents, live calls) from the snapshot and
// wallboard.update, agent rows kept current by agent.state.changed, the dialer's campaigns from
// the snapshot's dialer part and dialer.campaigns.update, and the supervisor's commands on agents.

import { hasRole, isSupervisor, requireSession } from "./auth.js";
import { ConsoleSocket } from "./console-socket.js";
import { byId, show } from "./dom.js";
import { formatTime, setServerTime } from "./format.js";
import { setPlainText, setText } from "./i18n.js";
import {
  backToLogin,
  showConnection,
  showFatal,
  showLoaded,
  startShell,
  tokenStillValid,
} from "./page-shell.js";
import { startTicker } from "./ticker.js";
import { AgentsTable } from "./supervisor/agents-table.js";
import { CallsTable } from "./supervisor/calls-table.js";
import { CampaignsTable } from "./supervisor/campaigns-table.js";
import { QueueTable } from "./supervisor/queue-table.js";
import { SupervisorActions } from "./supervisor/supervisor-actions.js";
import { WallboardModel } from "./supervisor/wallboard-model.js";

async function main() {
  const session = requireSession(isSupervisor);
  if (!session) {
    return;
  }
  let socket = null;
  try {
    await startShell(session, () => socket && socket.stop());
  } catch (failed) {
    showFatal("error.dictionary", { message: failed.message });
    return;
  }
  show(byId("agent-page-link"), hasRole(session.user, "agent"));
  startTicker();

  const model = new WallboardModel();
  const actions = new SupervisorActions({ request: (type, data) => socket.request(type, data) });
  const queues = new QueueTable();
  const agents = new AgentsTable((action, agent) => actions.handle(action, agent));
  const calls = new CallsTable();
  const campaigns = new CampaignsTable();

  function render() {
    queues.render(model.queues(), model.at());
    agents.render(model.agents(), model.calls());
    calls.render(model.calls(), (userId) => model.agent(userId));
    setPlainText(byId("wallboard-updated"), formatTime(model.at()));
    const shown = model.calls().length;
    show(byId("calls-total"), model.callsTotal() > shown);
    setText(byId("calls-total"), "board.callsShown", { shown, total: model.callsTotal() });
  }

  socket = new ConsoleSocket({
    token: session.token,
    onStatus: showConnection,
    onSnapshot: (snapshot) => {
      setServerTime(snapshot.serverTime);
      model.replace(snapshot.wallboard || { queues: [], agents: [], calls: [] });
      render();
      campaigns.render(snapshot.dialer || null);
      showLoaded();
    },
    onPush: (type, data) => {
      if (type === "wallboard.update") {
        model.replace(data);
        render();
      } else if (type === "agent.state.changed") {
        model.applyAgentState(data);
        render();
      } else if (type === "dialer.campaigns.update") {
        campaigns.render(data);
      }
    },
    checkToken: tokenStillValid,
    onUnauthorized: backToLogin,
  });
  socket.start();
}

main();
