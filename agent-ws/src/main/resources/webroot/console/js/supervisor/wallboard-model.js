// The supervisor page's copy of the wallboard: replaced by the snapshot's wallboard and each
// wallboard.update, and kept current between updates by agent.state.changed.

const EMPTY = { at: null, serviceLevelSeconds: null, queues: [], agents: [], calls: [], callsTotal: 0 };

function list(value) {
  return Array.isArray(value) ? value : null;
}

export class WallboardModel {
  constructor() {
    this.data = Object.assign({}, EMPTY);
  }

  /** Takes a whole wallboard; a part it leaves out keeps its previous value. */
  replace(wallboard) {
    const next = wallboard || {};
    this.data = {
      at: next.at || this.data.at,
      serviceLevelSeconds:
        next.serviceLevelSeconds === undefined ? this.data.serviceLevelSeconds : next.serviceLevelSeconds,
      queues: list(next.queues) || this.data.queues,
      agents: list(next.agents) || this.data.agents,
      calls: list(next.calls) || this.data.calls,
      callsTotal: Number.isFinite(next.callsTotal) ? next.callsTotal : list(next.calls) ? next.calls.length : this.data.callsTotal,
    };
  }

  /** An agent.state.changed: updates that agent's row (added if new, removed at logout). */
  applyAgentState(state) {
    if (state.userId === undefined || state.userId === null) {
      return;
    }
    const agents = this.data.agents.filter((agent) => agent.userId !== state.userId);
    if (state.state !== "logged_out") {
      const known = this.data.agents.find((agent) => agent.userId === state.userId) || {
        userId: state.userId,
        username: null,
        handledToday: null,
      };
      agents.push(
        Object.assign({}, known, {
          state: state.state,
          reason: state.reason,
          since: state.since,
          interface: state.interface,
          queues: state.queues,
          linkedId: state.linkedId,
          callerNumber: state.linkedId === known.linkedId ? known.callerNumber : null,
        }),
      );
    }
    this.data.agents = agents;
  }

  queues() {
    return this.data.queues.slice().sort((a, b) => String(a.queue).localeCompare(String(b.queue)));
  }

  agents() {
    return this.data.agents
      .slice()
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.userId - b.userId);
  }

  /** The live calls in the server's order (waiting, then ringing, then talking; oldest first). */
  calls() {
    return this.data.calls;
  }

  /** How many live calls there are (the list holds at most the server's limit of them). */
  callsTotal() {
    return Number.isFinite(this.data.callsTotal) ? this.data.callsTotal : this.data.calls.length;
  }

  agent(userId) {
    return this.data.agents.find((agent) => agent.userId === userId) || null;
  }

  at() {
    return this.data.at;
  }
}

/** An agent's name for display and sorting: the username, else #id. */
export function nameOf(agent) {
  return agent.username || "#" + agent.userId;
}
