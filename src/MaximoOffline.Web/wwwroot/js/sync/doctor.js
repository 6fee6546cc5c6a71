// The connection check: GET /api/doctor, shown as the terminal's `maximo-offline doctor` shows it
// (src/MaximoOffline.Cli/Display/DoctorView.cs). Every text goes in as textContent, never as HTML.
import { $, number } from './page.js';

const ORDER = { honoured: ['honoured', 'good'], ignored: ['ignored', 'warn'], notEnoughRecords: ['too few records', ''], unknown: ['unknown', ''] };
const COVERS = { set: ['whole delta', 'good'], page: ['page served', 'warn'], noHeader: ['no header', 'warn'], unknown: ['unknown', ''] };
const FORMAT = { decimal: ['decimal', ''], bytes: ['bytes', 'warn'], unknown: ['unknown', ''] };
const COLUMNS = ['Endpoint', 'Object structure', 'In scope', 'Children read', 'Page (size: time, bytes)', 'Order', 'maxrowstamp', 'Rowstamps', 'Delta', 'Page size'];

export async function checkConnection(site) {
  const button = $('#check-connection');
  const status = $('#doctor-status');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  status.textContent = 'Checking Maximo…';
  try {
    const response = await fetch(site ? `/api/doctor?site=${encodeURIComponent(site)}` : '/api/doctor', { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.textContent = body.detail ?? body.title ?? `The check failed (HTTP ${response.status}).`;
      return;
    }
    render(body);
    status.textContent = `Checked in ${body.seconds.toFixed(1)} s: ${body.verdict.ok ? 'a sync would work.' : 'a sync would not work.'}`;
  } catch (error) {
    status.textContent = `The check failed: ${error.message}`;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

function render(report) {
  $('#doctor-checked').textContent = `${report.maximo} · ${new Date(report.checkedAt).toLocaleString()} · ${report.requests} requests`;
  renderVerdict(report.verdict);
  renderFacts(report);
  renderEndpoints(report.endpoints);
  renderRecommendations(report);
  $('#doctor').hidden = false;
}

const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
};

function list(items) {
  const ul = el('ul', null, 'mb-2');
  ul.append(...items.map(item => el('li', item)));
  return ul;
}

function renderVerdict(verdict) {
  const box = el('div', null, `alert ${verdict.ok ? 'alert-success' : 'alert-danger'} py-2`);
  box.append(el('strong', verdict.ok ? 'A sync would work.' : 'A sync would not work:'));
  if (verdict.reasons.length) box.append(list(verdict.reasons));
  const parts = [box];
  if (verdict.warnings.length) {
    const warnings = el('div', null, 'alert alert-warning py-2');
    warnings.append(el('strong', 'Warnings'), el('span', ' (the sync adapts; nothing to do unless said):'), list(verdict.warnings));
    parts.push(warnings);
  }
  $('#doctor-verdict').replaceChildren(...parts);
}

function renderFacts(report) {
  const c = report.connection, auth = report.auth, server = report.server, user = report.user;
  const tls = c.tls;
  const rows = [
    ['Reachable', c.reachable ? `yes, first answer in ${Math.round(c.milliseconds)} ms (HTTP ${c.status} without credentials)` : `no: ${c.error}`, c.reachable ? 'good' : 'bad'],
    ['Encryption', tls
      ? tls.validates ? `${tls.protocol}, certificate ${tls.subject} until ${tls.expires?.slice(0, 10)}, issued by ${tls.issuer}` : `the certificate does not validate: ${tls.problem}`
      : 'none (http: not encrypted)', tls ? (tls.validates ? 'good' : 'bad') : 'warn'],
    ['Authentication', `${auth.works ? 'works' : 'fails'} (${auth.mode}${auth.reasonCode ? `, ${auth.reasonCode}` : ''}): ${auth.detail}`, auth.works ? 'good' : 'bad'],
    ['User', user ? `${user.userId ?? '?'}, default site ${user.defaultSite ?? 'none'}` : 'unknown', ''],
    ['Site', `${report.site.id ?? 'none'} (${report.site.source})`, report.site.id ? '' : 'bad'],
    ['Largest page size', server.largestPageSize ? `${server.largestPageSize}${server.refusedPageSize ? ` (${server.refusedPageSize} refused)` : ''}` : 'unknown', ''],
    ['Unknown child', { refused: 'a select naming a child this server lacks is refused', ignored: 'a select naming a child this server lacks is ignored' }[server.unknownChild] ?? 'unknown',
      server.unknownChild === 'refused' ? 'warn' : ''],
  ];
  $('#doctor-facts tbody').replaceChildren(...rows.map(([name, value, kind]) => {
    const tr = el('tr');
    const th = el('th', name);
    th.scope = 'row';
    tr.append(th, el('td', value, kind ? `doctor-${kind}` : ''));
    return tr;
  }));
}

function renderEndpoints(endpoints) {
  const table = $('#doctor-endpoints');
  const notChecked = endpoints.every(e => e.count == null) && new Set(endpoints.map(e => e.error)).size === 1;
  table.hidden = notChecked;
  if (notChecked) return;
  $('tbody', table).replaceChildren(...endpoints.flatMap(e => {
    const cells = [
      [e.objectStructure, ''],
      [e.count != null ? number(e.count) : '—', e.count != null ? '' : 'bad'],
      children(e.children),
      page(e.page),
      e.order ? ORDER[e.order.outcome] : ['', ''],
      e.maxRowstamp ? COVERS[e.maxRowstamp.covers] : ['', ''],
      e.maxRowstamp ? FORMAT[e.maxRowstamp.format] : ['', ''],
      e.delta?.works == null ? ['', ''] : e.delta.works ? ['works', 'good'] : ['refused', 'bad'],
      [String(e.recommendedPageSize), ''],
    ];
    // Explicit roles: the stacked layout of narrow screens (site.css) would otherwise lose the table's semantics.
    const tr = el('tr');
    tr.setAttribute('role', 'row');
    tr.dataset.slug = e.slug;
    const th = el('th', e.slug);
    th.scope = 'row';
    th.setAttribute('role', 'rowheader');
    th.dataset.label = COLUMNS[0];
    tr.append(th, ...cells.map(([text, kind], i) => {
      const td = el('td', text, [kind ? `doctor-${kind}` : '', i === 1 || i === 8 ? 'text-end' : ''].join(' ').trim());
      td.setAttribute('role', 'cell');
      td.dataset.label = COLUMNS[i + 1];
      return td;
    }));
    if (!e.error) return [tr];
    const error = el('tr');
    error.setAttribute('role', 'row');
    const td = el('td', e.error, 'doctor-bad');
    td.setAttribute('role', 'cell');
    td.colSpan = COLUMNS.length;
    td.dataset.label = 'Error';
    error.append(td);
    return [tr, error];
  }));
}

function children(c) {
  if (!c) return ['', ''];
  if (c.missing.length) return [`${c.selected.length} of ${c.server.length}, ${c.missing.length} missing`, 'warn'];
  if (c.error) return [`${c.selected.length}, schema unread`, 'warn'];
  return [`${c.selected.length} of ${c.server.length}`, ''];
}

function page(p) {
  if (!p) return ['', ''];
  if (p.workedAt == null) return ['failed', 'bad'];
  const size = p.workedAt === p.pageSize ? `${p.workedAt}` : `${p.pageSize}→${p.workedAt}`;
  return [`${size}: ${Math.round(p.milliseconds)}\u00a0ms, ${bytes(p.bytes)}`, p.workedAt === p.pageSize ? '' : 'warn'];
}

// Numbers stay with their units when a cell wraps.
function bytes(n) {
  if (n < 1024) return `${n}\u00a0B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}\u00a0KB`;
  return `${(n / 1024 / 1024).toFixed(1)}\u00a0MB`;
}

function renderRecommendations(report) {
  const box = $('#doctor-recommendations');
  const r = report.recommendations;
  if (report.endpoints.every(e => e.count == null)) {
    box.replaceChildren();
  } else if (r.settings.length === 0) {
    box.replaceChildren(el('p', `Recommended settings: the configured ones suit this server (${r.maxConcurrentRequests} requests in flight).`, 'mb-0'));
  } else {
    box.replaceChildren(el('p', 'Recommended settings, to set:', 'mb-1'), el('pre', r.settings.join('\n'), 'mb-0'));
  }
}
