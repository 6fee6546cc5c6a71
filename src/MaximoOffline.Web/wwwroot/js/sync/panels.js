// The log, table counts and run history panels.
import { $, state, field, number, time, getJson } from './page.js';


export async function refreshTables() {
  const { tables } = await getJson('/api/tables');
  for (const t of tables) {
    const row = $(`#tables tr[data-table="${CSS.escape(t.table)}"]`);
    if (!row) continue;
    field(row, 'rows').textContent = number(t.rows);
    field(row, 'rows').dataset.value = String(t.rows);
    field(row, 'deleted').textContent = number(t.deleted);
  }
}

// A run's progress carries what it has written per table so far: the counts follow it without
// asking the server, and the exact figures are read once when the run ends.
export function applyTableProgress(p) {
  const before = state.written.get(p.runId) ?? new Map();
  for (const t of p.tables ?? []) {
    const row = $(`#tables tr[data-table="${CSS.escape(t.table)}"]`);
    const last = before.get(t.table) ?? { inserted: 0, deleted: 0 };
    if (row) {
      const rows = field(row, 'rows');
      const now = Number(rows.dataset.value ?? rows.textContent.replace(/\D/g, '')) + (t.inserted - last.inserted) - (t.deleted - last.deleted);
      rows.dataset.value = String(Math.max(0, now));
      rows.textContent = number(Math.max(0, now));
    }
    before.set(t.table, { inserted: t.inserted, deleted: t.deleted });
  }
  state.written.set(p.runId, before);
}

export async function refreshHistory(onClick) {
  const runs = await getJson('/api/runs?limit=15');
  const body = $('#history tbody');
  body.replaceChildren(...runs.map(r => {
    const tr = document.createElement('tr');
    tr.dataset.run = r.id;
    const seconds = r.startedAt && r.finishedAt ? (new Date(r.finishedAt) - new Date(r.startedAt)) / 1000 : null;
    const cells = [r.id, r.endpoint, r.site ?? '', r.mode, r.trigger, null, time(r.startedAt ?? r.queuedAt),
      seconds != null ? seconds.toFixed(1) : '', number(r.recordsFetched), r.error ?? ''];
    cells.forEach((value, i) => {
      const td = document.createElement('td');
      if (i === 5) {
        const badge = document.createElement('span');
        badge.className = `badge status status-${r.status}`;
        badge.textContent = r.status;
        td.append(badge);
      } else {
        td.textContent = String(value);
      }
      if (i === 7 || i === 8) td.className = 'text-end';
      if (i === 9) { td.className = 'error text-danger'; td.title = r.error ?? ''; }
      tr.append(td);
    });
    tr.addEventListener('click', () => onClick(r.id));
    return tr;
  }));
}


// Lines are shown in their numbers' order, each once. A line that arrives before an earlier one (two
// nodes, or two of a run's threads, sent them) waits for it; returns true while one is missing, so
// that the caller asks the server for what lies between.
export function appendLog(lines) {
  for (const line of lines) {
    if (line.runId === state.watching && line.seq > state.lastSeq) state.pending.set(line.seq, line);
  }
  if (!state.pending.has(state.lastSeq + 1)) return state.pending.size > 0;
  const log = $('#log');
  if (state.lastSeq === 0) log.replaceChildren();
  const follow = $('#autoscroll').checked;
  while (state.pending.has(state.lastSeq + 1)) {
    const line = state.pending.get(state.lastSeq + 1);
    state.pending.delete(line.seq);
    const li = document.createElement('li');
    li.className = `level-${line.level}`;
    li.dataset.seq = line.seq;
    const t = document.createElement('span');
    t.className = 'time';
    t.textContent = new Date(line.time).toLocaleTimeString();
    li.append(t, document.createTextNode(line.message));
    log.append(li);
    state.lastSeq = line.seq;
  }
  while (log.children.length > 2000) log.firstElementChild.remove();
  if (follow) log.scrollTop = log.scrollHeight;
  return state.pending.size > 0;
}

// The log panel's title follows the watched run's status as its events arrive.
export function showLogTitle(runId, endpoint, status) {
  if (runId === state.watching) $('#log-run').textContent = `run ${runId} · ${endpoint} · ${status}`;
}
