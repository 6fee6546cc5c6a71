// What every part of the dashboard script shares: element look-ups, formatting, the page's state.
export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

export const state = {
  watching: null,       // the run whose log the panel shows
  lastSeq: 0,           // the last log line shown (lines are numbered per run)
  pending: new Map(),   // lines that arrived before an earlier one, by number
  finished: new Set(),  // runs known to have ended: a late snapshot must not show them running again
  written: new Map(),   // per run, per table: rows inserted and deleted so far, as its progress said last
};

export const card = slug => $(`.endpoint[data-slug="${CSS.escape(slug)}"]`);
export const field = (el, name) => el && $(`[data-field="${name}"]`, el);
export const number = n => (n ?? 0).toLocaleString();
export const time = iso => (iso ? new Date(iso).toLocaleString() : 'never');

export function duration(seconds) {
  if (seconds == null || !isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60), s = Math.round(seconds % 60);
  return m < 60 ? `${m} min ${s} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function alert(message, kind = 'danger') {
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

export function setStatus(el, status) {
  const badge = field(el, 'status');
  badge.textContent = status;
  badge.className = `badge status status-${status.replace(/\s/g, '')}`;
  el.dataset.status = status;
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
