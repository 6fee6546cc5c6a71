// The endpoint cards: status, progress bar, last sync, row count.
import { $, state, card, field, number, time, duration, setStatus, getJson } from './page.js';

export function showRunning(slug, runId, status = 'Running') {
  const el = card(slug);
  if (!el || state.finished.has(Number(runId))) return;
  el.dataset.activeRun = runId;
  setStatus(el, status);
  field(el, 'progress-block').classList.remove('d-none');
  field(el, 'error').classList.add('d-none');
  // A Viewer's page has no Cancel button.
  const cancel = $('.cancel-button', el);
  if (cancel) {
    cancel.value = runId;
    cancel.classList.remove('d-none');
  }
}

export function showProgress(p) {
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

export function showFinished(f) {
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
  $('.cancel-button', el)?.classList.add('d-none');
}

export async function refreshEndpoints() {
  const endpoints = await getJson('/api/endpoints');
  for (const e of endpoints) {
    const el = card(e.slug);
    if (!el) continue;
    field(el, 'rows').textContent = number(e.rows);
    field(el, 'children').textContent = time(e.lastFullSyncAt);
    field(el, 'left').textContent = e.lastRun?.leftFilter != null ? number(e.lastRun.leftFilter) : '-';
    const run = e.activeRun ?? e.lastRun;
    // A snapshot taken before a run's end arrived must not undo what runFinished showed.
    const stale = e.activeRun != null && state.finished.has(e.activeRun.id);
    if (e.activeRun && !stale) {
      showRunning(e.slug, e.activeRun.id, e.activeRun.status);
    } else if (!el.dataset.activeRun && !stale) {
      setStatus(el, e.state);
      $('.cancel-button', el)?.classList.add('d-none');
    }
    if (run?.finishedAt) field(el, 'last').textContent = time(run.finishedAt);
  }
}
