// The /sync dashboard, kept live over SignalR (/hubs/sync). The page is rendered complete by the
// server; this script turns its forms into API calls and applies the hub's events.
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const state = {
  watching: null,       // the run whose log the panel shows
  lastSeq: 0,           // the last log line shown (lines are numbered per run)
  tablesTimer: null,
  finished: new Set(),  // runs known to have ended: a late snapshot must not show them running again
};

const card = slug => $(`.endpoint[data-slug="${CSS.escape(slug)}"]`);
const field = (el, name) => el && $(`[data-field="${name}"]`, el);
const number = n => (n ?? 0).toLocaleString();
const time = iso => (iso ? new Date(iso).toLocaleString() : 'never');

function duration(seconds) {
  if (seconds == null || !isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60), s = Math.round(seconds % 60);
  return m < 60 ? `${m} min ${s} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function alert(message, kind = 'danger') {
  const box = document.createElement('div');
  box.className = `alert alert-${kind} alert-dismissible py-2`;
  box.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn-close';
  close.ariaLabel = 'Close';
  close.addEventListener('click', () => box.remove());
  box.append(close);
  $('#alerts').replaceChildren(box);
}

function setStatus(el, status) {
  const badge = field(el, 'status');
  badge.textContent = status;
  badge.className = `badge status status-${status.replace(/\s/g, '')}`;
  el.dataset.status = status;
}

// ---- cards -------------------------------------------------------------------------------------

function showRunning(slug, runId, status = 'Running') {
  const el = card(slug);
  if (!el || state.finished.has(Number(runId))) return;
  el.dataset.activeRun = runId;
  setStatus(el, status);
  field(el, 'progress-block').classList.remove('d-none');
  field(el, 'error').classList.add('d-none');
  const cancel = $('.cancel-button', el);
  cancel.value = runId;
  cancel.classList.remove('d-none');
}

function showProgress(p) {
  const el = card(p.endpoint);
  if (!el) return;
  if (el.dataset.activeRun !== String(p.runId)) showRunning(p.endpoint, p.runId);
  const bar = field(el, 'bar');
  const percent = p.percent ?? (p.total === 0 ? 100 : null);
  bar.style.width = `${percent ?? 100}%`;
  bar.classList.remove('bg-success', 'bg-danger', 'bg-warning');
  bar.classList.add('progress-bar-animated', 'progress-bar-striped');
  field(el, 'progressbar').setAttribute('aria-valuenow', String(Math.round(percent ?? 0)));
  const parts = [
    percent != null ? `${percent.toFixed(0)}%` : null,
    p.total != null ? `${number(p.records)} of ${number(p.total)} records` : `${number(p.records)} records`,
    p.recordsPerSecond > 0 ? `${number(Math.round(p.recordsPerSecond))}/s` : null,
    p.secondsLeft != null ? `${duration(p.secondsLeft)} left` : null,
  ];
  field(el, 'progress-text').textContent = parts.filter(Boolean).join(' · ');
}

function showFinished(f) {
  state.finished.add(f.runId);
  const el = card(f.endpoint);
  if (!el || (el.dataset.activeRun && el.dataset.activeRun !== String(f.runId))) return;
  delete el.dataset.activeRun;
  setStatus(el, f.status);
  const bar = field(el, 'bar');
  bar.classList.remove('progress-bar-animated', 'progress-bar-striped');
  bar.classList.toggle('bg-success', f.status === 'Succeeded');
  bar.classList.toggle('bg-danger', f.status === 'Failed');
  bar.classList.toggle('bg-warning', f.status === 'Cancelled');
  if (f.status === 'Succeeded') bar.style.width = '100%';
  field(el, 'progress-text').textContent = `${f.status}: ${number(f.records)} records in ${duration(f.seconds)}`;
  const last = field(el, 'last');
  last.textContent = time(new Date().toISOString());
  const error = field(el, 'error');
  error.textContent = f.error ?? '';
  error.classList.toggle('d-none', !f.error || f.status === 'Succeeded');
  $('.cancel-button', el).classList.add('d-none');
}

async function refreshEndpoints() {
  const endpoints = await getJson('/api/endpoints');
  for (const e of endpoints) {
    const el = card(e.slug);
    if (!el) continue;
    field(el, 'rows').textContent = number(e.rows);
    const run = e.activeRun ?? e.lastRun;
    // A snapshot taken before a run's end arrived must not undo what runFinished showed.
    const stale = e.activeRun != null && state.finished.has(e.activeRun.id);
    if (e.activeRun && !stale) {
      showRunning(e.slug, e.activeRun.id, e.activeRun.status);
    } else if (!el.dataset.activeRun && !stale) {
      setStatus(el, e.state);
      $('.cancel-button', el).classList.add('d-none');
    }
    if (run?.finishedAt) field(el, 'last').textContent = time(run.finishedAt);
  }
}

// ---- tables and history ------------------------------------------------------------------------

async function refreshTables() {
  const { tables } = await getJson('/api/tables');
  for (const t of tables) {
    const row = $(`#tables tr[data-table="${CSS.escape(t.table)}"]`);
    if (!row) continue;
    field(row, 'rows').textContent = number(t.rows);
    field(row, 'deleted').textContent = number(t.deleted);
  }
}

function scheduleTables() {
  if (state.tablesTimer) return;
  state.tablesTimer = setTimeout(async () => {
    state.tablesTimer = null;
    await refreshTables().catch(() => {});
  }, 1000);
}

async function refreshHistory() {
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
    tr.addEventListener('click', () => watch(r.id));
    return tr;
  }));
}

// ---- log ---------------------------------------------------------------------------------------

function appendLog(lines) {
  const log = $('#log');
  const fresh = lines.filter(l => l.runId === state.watching && l.seq > state.lastSeq);
  if (fresh.length === 0) return;
  if (state.lastSeq === 0) log.replaceChildren();
  const follow = $('#autoscroll').checked;
  for (const line of fresh) {
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
}

async function watch(runId) {
  if (state.watching && state.watching !== runId) {
    await connection.invoke('unwatch', state.watching).catch(() => {});
  }
  if (state.watching !== runId) {
    state.watching = runId;
    state.lastSeq = 0;
    $('#log').replaceChildren();
  }
  $('#log-run').textContent = `run ${runId}`;
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  history.replaceState(null, '', url);
  const result = await connection.invoke('watch', runId, state.lastSeq);
  if (!result) return;
  appendLog(result.lines);
  $('#log-run').textContent = `run ${runId} · ${result.run.endpoint} · ${result.run.status}`;
}

// ---- commands ----------------------------------------------------------------------------------

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

async function startSync(slug) {
  const site = $('#site').value.trim();
  const full = $('#mode-full').checked;
  const response = await fetch(`/api/sync/${encodeURIComponent(slug)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Sync-Trigger': 'ui' },
    body: JSON.stringify({ site: site || null, full }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 202 || response.status === 409) {
    if (response.status === 409) alert(body.message ?? `${slug} is already syncing.`, 'info');
    else $('#alerts').replaceChildren();
    if (slug !== 'all') showRunning(slug, body.runId, 'Queued');
    await watch(body.runId);
    return;
  }
  alert(body.detail ?? body.title ?? `Starting the sync failed (HTTP ${response.status}).`);
}

async function cancelRun(runId) {
  const response = await fetch(`/api/runs/${runId}/cancel`, { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    alert(body.detail ?? `Cancelling run ${runId} failed (HTTP ${response.status}).`, 'warning');
  }
}

$('#controls').addEventListener('submit', event => {
  event.preventDefault();
  const slug = event.submitter?.value ?? 'all';
  if (!$('#site').checkValidity()) {
    $('#site').reportValidity();
    return;
  }
  startSync(slug).catch(error => alert(error.message));
});

$('#cancel-form').addEventListener('submit', event => {
  event.preventDefault();
  const runId = event.submitter?.value;
  if (runId) cancelRun(runId).catch(error => alert(error.message));
});

// ---- connection --------------------------------------------------------------------------------

const badge = $('#connection');
function connectionState(text, kind) {
  badge.textContent = text;
  badge.className = `badge text-bg-${kind}`;
  $('#reconnecting').classList.toggle('d-none', kind !== 'warning' && kind !== 'danger');
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/sync')
  .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
  .build();

connection.on('runStarted', e => {
  if (e.parentRunId == null || card(e.endpoint)) showRunning(e.endpoint, e.runId, 'Running');
  refreshHistory().catch(() => {});
});
connection.on('progress', showProgress);
connection.on('log', appendLog);
connection.on('counts', scheduleTables);
connection.on('runFinished', f => {
  showFinished(f);
  if (f.runId === state.watching) $('#log-run').textContent = `run ${f.runId} · ${f.endpoint} · ${f.status}`;
  Promise.all([refreshEndpoints(), refreshTables(), refreshHistory()]).catch(() => {});
});

connection.onreconnecting(() => connectionState('Reconnecting…', 'warning'));
connection.onreconnected(async () => {
  connectionState('Live', 'success');
  if (state.watching) await watch(state.watching);
  await Promise.all([refreshEndpoints(), refreshTables(), refreshHistory()]);
});
connection.onclose(() => {
  connectionState('Disconnected', 'danger');
  setTimeout(start, 5000);
});

async function start() {
  try {
    await connection.start();
    connectionState('Live', 'success');
    const requested = Number(new URLSearchParams(location.search).get('run'));
    const runs = await getJson('/api/runs?limit=15');
    const active = runs.find(r => (r.status === 'Running' || r.status === 'Queued') && r.parentRunId == null);
    const target = requested || active?.id || runs[0]?.id;
    if (target) await watch(target);
    await Promise.all([refreshEndpoints(), refreshHistory()]);
  } catch {
    connectionState('Disconnected', 'danger');
    setTimeout(start, 5000);
  }
}

for (const el of $$('.endpoint[data-active-run]')) {
  if (el.dataset.activeRun) showRunning(el.dataset.slug, el.dataset.activeRun, el.dataset.status ?? 'Running');
}
start();
