// The /sync dashboard, kept live over SignalR (/hubs/sync). The page is rendered complete by the
// server; this script turns its forms into API calls and applies the hub's events.
import { $, $$, state, card, alert, getJson } from './sync/page.js';
import { showRunning, showProgress, showFinished, refreshEndpoints } from './sync/cards.js';
import { applyTableProgress, refreshTables, refreshHistory, appendLog, showLogTitle } from './sync/panels.js';
import { checkConnection } from './sync/doctor.js';

state.statuses = new Map(); // per run, the status its latest event said

// ---- the watched run's log --------------------------------------------------------------------

async function watch(runId) {
  if (state.watching && state.watching !== runId) {
    await connection.invoke('unwatch', state.watching).catch(() => {});
  }
  if (state.watching !== runId) {
    state.watching = runId;
    state.lastSeq = 0;
    state.pending.clear();
    $('#log').replaceChildren();
  }
  $('#log-run').textContent = `run ${runId}`;
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  history.replaceState(null, '', url);
  const result = await connection.invoke('watch', runId, state.lastSeq);
  if (!result) return;
  if (appendLog(result.lines)) catchUpSoon();
  // An event that arrived while the answer was on its way is newer than the answer, unless the answer says the run ended.
  const status = result.run.finishedAt ? result.run.status : state.statuses.get(runId) ?? result.run.status;
  showLogTitle(runId, result.run.endpoint, status);
}

// A line is missing between those shown and those that arrived: if it has not come by itself a moment
// later, the server's copy of the log fills the gap (watch again from the last line shown).
let catchUp = null;
function catchUpSoon() {
  if (catchUp) return;
  catchUp = setTimeout(async () => {
    catchUp = null;
    if (state.watching && state.pending.size > 0) await watch(state.watching).catch(() => {});
  }, 500);
}

// ---- commands ----------------------------------------------------------------------------------

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

// A Viewer's page has no sync controls, no connection check and no Cancel buttons: only what they may do is shown.
$('#controls')?.addEventListener('submit', event => {
  event.preventDefault();
  const slug = event.submitter?.value ?? 'all';
  if (!$('#site').checkValidity()) {
    $('#site').reportValidity();
    return;
  }
  startSync(slug).catch(error => alert(error.message));
});

// The connection check asks for the site typed above, if any.
const checkButton = $('#check-connection');
if (checkButton) {
  checkButton.hidden = false;
  checkButton.addEventListener('click', () => {
    if (!$('#site').checkValidity()) {
      $('#site').reportValidity();
      return;
    }
    checkConnection($('#site').value.trim());
  });
}

$('#cancel-form')?.addEventListener('submit', event => {
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
  if (!state.finished.has(e.runId)) {
    state.statuses.set(e.runId, 'Running');
    showLogTitle(e.runId, e.endpoint, 'Running');
  }
  refreshHistory(watch).catch(() => {});
});
connection.on('progress', p => {
  showProgress(p);
  applyTableProgress(p);
});
connection.on('log', lines => { if (appendLog(lines)) catchUpSoon(); });
connection.on('runFinished', f => {
  showFinished(f);
  state.statuses.set(f.runId, f.status);
  state.written.delete(f.runId);
  showLogTitle(f.runId, f.endpoint, f.status);
  Promise.all([refreshEndpoints(), refreshTables(), refreshHistory(watch)]).catch(() => {});
});

connection.onreconnecting(() => connectionState('Reconnecting…', 'warning'));
connection.onreconnected(async () => {
  connectionState('Live', 'success');
  if (state.watching) await watch(state.watching);
  await Promise.all([refreshEndpoints(), refreshTables(), refreshHistory(watch)]);
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
    const active = runs.find(r => !r.finishedAt && r.parentRunId == null);
    const target = requested || active?.id || runs[0]?.id;
    if (target) await watch(target);
    await Promise.all([refreshEndpoints(), refreshHistory(watch)]);
  } catch {
    connectionState('Disconnected', 'danger');
    setTimeout(start, 5000);
  }
}

for (const el of $$('.endpoint[data-active-run]')) {
  if (el.dataset.activeRun) showRunning(el.dataset.slug, el.dataset.activeRun, el.dataset.status ?? 'Running');
}
start();
