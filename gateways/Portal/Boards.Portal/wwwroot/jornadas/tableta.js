// A service day on a tablet, with or without signal (docs/portal-service-days.md, "Sin señal"). A small module for
// this page alone: the rest of the portal is rendered on the server.
import * as store from './tableta-almacen.js';
import { send } from './tableta-envio.js';
import { attendanceBody, referralBody, fillAttendance, fillReferral, showErrors, clearErrors } from './tableta-formularios.js';

const dayId = location.pathname.split('/')[3];
const $ = id => document.getElementById(id);
const forms = { attendance: $('f-asistencia'), referral: $('f-referencia') };
const LOW_SPACE = 512 * 1024;

let pack = null, list = [], editing = null, syncing = false, signInNeeded = false;

const words = {
  waiting: 'En espera', sent: 'Enviado', held: 'En el servidor; entrega pendiente', refused: 'Rechazado',
  catalog: 'El catálogo cambió',
};

function say(id, text) { const e = $(id); e.textContent = text || ''; e.hidden = !text; }

function stop(reason) {
  say('aviso', reason + ' No escriba datos aquí: no se podrían guardar. Use la página de la jornada con señal.');
  for (const f of Object.values(forms)) f.querySelectorAll('input, select, textarea, button').forEach(e => { e.disabled = true; });
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function nameOf(items, code) { return items?.find(i => i.code === code)?.name || code; }
function serviceName(code) { return nameOf(pack?.day.services, code) !== code ? nameOf(pack.day.services, code) : nameOf(pack?.catalog, code); }

function describe(r) {
  const s = r.summary;
  if (r.kind === 'attendance') {
    const services = [...new Set(s.services)].map(serviceName).join(', ');
    return `Lote de asistencia · ${plural(s.people, 'persona', 'personas')}` +
      (s.anonymous ? ` (${s.anonymous} sin documento)` : '') + ` · ${services}`;
  }
  return `Referencia · ${serviceName(s.serviceCode)} → ${nameOf(pack?.institutions, s.destination)} · ${nameOf(pack?.categories, s.needCategory)}`;
}

function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }
function options(select, items, label, choose = true) {
  const keep = select.value;
  select.replaceChildren(...(choose ? [option('', 'Elija…')] : []), ...items.map(i => option(i.code, label(i))));
  select.value = keep;
}

function renderPack() {
  const d = pack.day;
  const date = new Date(d.date + 'T12:00:00').toLocaleDateString('es-PY', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  $('titulo').textContent = `Jornada del ${date}`;
  $('dia').textContent = `${d.venue} · ${d.locality} · ${({ planned: 'Planificada', confirmed: 'Confirmada', held: 'Realizada', reported: 'Con informe', cancelled: 'Cancelada' })[d.status] || d.status}`;
  $('c-personas').textContent = d.counts.peopleServed;
  $('c-lotes').textContent = d.counts.batches;
  $('c-referencias').textContent = d.counts.referralsSent;
  const institution = code => nameOf(pack.institutions, code);
  for (const select of forms.attendance.querySelectorAll('select[name=serviceCode]')) {
    options(select, d.services, s => `${s.name} · ${institution(s.institution)}`, d.services.length !== 1);
  }
  const origins = [...new Set(d.services.map(s => s.institution))].map(code => ({ code }));
  options($('r-origen'), origins, i => institution(i.code));
  options($('r-destino'), pack.institutions, i => i.name);
  options($('r-servicio'), pack.catalog, s => `${s.name} · ${institution(s.institution)}`);
  options($('r-necesidad'), pack.categories, c => c.name);
  if (!pack.person.mayRecord) stop('Su cuenta puede ver esta jornada, pero no registrar en ella.');
  else if (d.status === 'reported' || d.status === 'cancelled') stop('Esta jornada ya no recibe registros.');
}

function renderQueue() {
  const open = list.filter(r => r.state === 'waiting' || r.state === 'refused' || r.state === 'catalog');
  const batches = open.filter(r => r.kind === 'attendance');
  $('c-espera').textContent = open.length;
  $('espera-detalle').textContent = open.length === 0 ? 'Nada en espera.'
    : `${plural(batches.length, 'lote', 'lotes')} (${plural(batches.reduce((n, r) => n + r.summary.people, 0), 'atención', 'atenciones')}) y ` +
      `${plural(open.length - batches.length, 'referencia', 'referencias')} sin enviar.`;
  $('cola').replaceChildren(...list.map(r => {
    const li = document.createElement('li');
    li.dataset.testid = 'queue-item';
    li.dataset.id = r.id;
    li.dataset.kind = r.kind;
    li.dataset.state = r.state;
    li.className = 'item ' + r.state;
    const what = document.createElement('span');
    what.textContent = describe(r);
    const state = document.createElement('strong');
    state.dataset.testid = 'item-state';
    state.textContent = words[r.state] + (r.replayed ? ' (ya estaba registrado)' : '');
    li.append(state, ' ', what);
    const reasons = [r.message, ...Object.values(r.fields || {}).flat()].filter(Boolean);
    if (reasons.length && r.state !== 'sent') {
      const p = document.createElement('p');
      p.dataset.testid = 'item-message';
      p.textContent = [...new Set(reasons)].join(' ');
      li.append(p);
    }
    if (r.state === 'refused' || r.state === 'catalog') {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.dataset.testid = 'item-fix';
      fix.textContent = 'Corregir';
      fix.onclick = () => correct(r);
      li.append(fix);
    }
    return li;
  }));
}

async function refresh() {
  list = await store.records(dayId);
  renderQueue();
}

function signal() {
  const online = navigator.onLine;
  $('senal').textContent = online ? 'Con señal' : 'Sin señal: se guarda en la tableta';
  $('senal').className = 'signal ' + (online ? 'on' : 'off');
}

async function loadPack() {
  try {
    const response = await fetch(`/jornadas/dia/${dayId}/tableta/datos`, { credentials: 'same-origin', cache: 'no-store' });
    if (response.ok) {
      pack = await response.json();
      await store.savePack(pack);
      needSignIn(false);
      return;
    }
    if (response.status === 401) needSignIn(true);
    else if (response.status === 403 || response.status === 404) {
      const answer = await response.json().catch(() => ({}));
      pack = null;
      return stop(answer.message || 'No puede registrar en esta jornada.');
    }
  } catch { /* no signal: the pack kept from the last visit */ }
  pack = pack || await store.readPack(dayId);
}

function needSignIn(yes) {
  signInNeeded = yes;
  $('sesion').hidden = !yes;
  $('ingresar').href = '/cuenta/ingresar?returnUrl=' + encodeURIComponent(location.pathname);
}

async function sync() {
  if (syncing || !pack || !navigator.onLine) return;
  if (!list.some(r => r.state === 'waiting')) return;
  syncing = true;
  say('progreso', 'Enviando…');
  try {
    const { stop: why } = await send(dayId, pack.person.subject, (done, total) => say('progreso', `Enviados ${done} de ${total}…`));
    needSignIn(why === 'signin');
    await loadPack();
    if (pack) renderPack();
    await classifyRefusals();
    const toFix = (await store.records(dayId)).filter(r => r.state === 'refused' || r.state === 'catalog').length;
    say('progreso', ({
      offline: 'Sin señal: lo que falta se enviará solo cuando vuelva.',
      signin: 'Su sesión venció: ingrese de nuevo para enviar lo que falta.',
      unavailable: 'El servidor no respondió: se reintentará en unos momentos.',
    })[why] || (toFix ? `${plural(toFix, 'registro necesita', 'registros necesitan')} corrección: vea el motivo y use «Corregir».`
      : 'Todo lo que estaba en espera fue enviado.'));
  } catch (e) {
    say('progreso', e.message);
  } finally {
    syncing = false;
    await refresh();
  }
}

// A refusal that names a service the day (or the municipality's offer) no longer has is a catalog change.
async function classifyRefusals() {
  for (const r of (await store.records(dayId)).filter(x => x.state === 'refused')) {
    const codes = r.kind === 'attendance' ? r.summary.services : [r.summary.serviceCode];
    const known = r.kind === 'attendance' ? pack.day.services : pack.catalog;
    if (codes.some(c => !known.some(s => s.code === c))) {
      r.state = 'catalog';
      await store.saveRecord(r);
    }
  }
}

async function correct(record) {
  try {
    const body = await store.unseal(dayId, pack.person.subject, record.sealed);
    editing = record;
    const form = forms[record.kind];
    (record.kind === 'attendance' ? fillAttendance : fillReferral)(form, body);
    showErrors(form, record.fields, record.message);
    form.querySelector('.cancel').hidden = false;
    form.querySelector('[type=submit]').textContent = 'Guardar la corrección';
    form.scrollIntoView();
    form.querySelector('select, input')?.focus();
  } catch (e) {
    say('aviso', e.message);
  }
}

function endCorrection(form) {
  editing = null;
  form.reset();
  clearErrors(form);
  form.querySelector('.cancel').hidden = true;
  form.querySelector('[type=submit]').textContent = form === forms.attendance ? 'Guardar el lote' : 'Guardar la referencia';
}

async function save(kind, event) {
  event.preventDefault();
  const form = forms[kind];
  const made = kind === 'attendance' ? attendanceBody(form, pack) : referralBody(form, pack);
  clearErrors(form);
  if (made.errors) return showErrors(form, made.errors, 'Revise los campos marcados: no se guardó nada.');
  const idField = kind === 'attendance' ? 'batchId' : 'entryId';
  // A correction keeps its id: ServiceDays wrote nothing for a refused batch, and takes a refused entry's correction.
  const record = editing?.kind === kind ? editing : { id: made.body[idField], dayId, kind, createdAt: new Date().toISOString() };
  made.body[idField] = record.id;
  try {
    record.sealed = await store.seal(dayId, pack.person.subject, made.body);
    Object.assign(record, { summary: made.summary, state: 'waiting', message: null, fields: null, replayed: false });
    await store.saveRecord(record);
  } catch (e) {
    // Nothing was lost: the form keeps what was typed.
    return showErrors(form, null, e.message);
  }
  endCorrection(form);
  say('progreso', kind === 'attendance' ? 'Lote guardado en la tableta.' : 'Referencia guardada en la tableta.');
  await refresh();
  sync();
}

async function signOut() {
  const open = list.filter(r => r.state !== 'sent' && r.state !== 'held').length;
  if (open && !confirm(`Hay ${open} registros sin enviar. Si sale ahora, se borran de esta tableta. ¿Salir igual?`)) return;
  await store.eraseAll();
  if (!navigator.onLine || !pack) {
    list = [];
    renderQueue();
    return say('aviso', 'Se borró todo lo guardado en esta tableta. Para cerrar la sesión, vuelva a «Salir» con señal.');
  }
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/cuenta/salir';
  const token = document.createElement('input');
  token.type = 'hidden';
  token.name = '__RequestVerificationToken';
  token.value = pack.person.signOutToken;
  form.append(token);
  document.body.append(form);
  form.submit();
}

async function start() {
  const rows = $('filas');
  for (let i = 0; i < 5; i++) {
    const row = $('t-fila').content.firstElementChild.cloneNode(true);
    row.querySelector('legend').textContent = `Persona ${i + 1}`;
    row.querySelectorAll('.field').forEach(field => {
      const control = field.querySelector('input, select');
      control.id = `${control.name}-${i}`;
      field.querySelector('label').htmlFor = control.id;
    });
    rows.append(row);
  }
  $('volver').href = `/jornadas/dia/${dayId}`;
  const manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = `/jornadas/dia/${dayId}/tableta/manifest.webmanifest`;
  document.head.append(manifest);
  signal();
  addEventListener('online', () => { signal(); sync(); });
  addEventListener('offline', signal);
  $('enviar').onclick = () => navigator.onLine ? sync() : say('progreso', 'Sin señal: se enviará solo cuando vuelva.');
  $('salir').onclick = signOut;
  forms.attendance.onsubmit = e => save('attendance', e);
  forms.referral.onsubmit = e => save('referral', e);
  for (const form of Object.values(forms)) form.querySelector('.cancel').onclick = () => endCorrection(form);

  try {
    await store.open();
    const left = await store.spaceLeft();
    if (left !== null && left < LOW_SPACE) return stop('No queda espacio en esta tableta para guardar registros.');
  } catch (e) {
    return stop(e.message);
  }
  await loadPack();
  if (!pack) return stop('Abra esta página una vez con señal: la tableta aún no tiene los datos de la jornada.');
  renderPack();
  await refresh();
  navigator.serviceWorker?.register('/jornadas/sw.js', { scope: '/jornadas/dia/' }).catch(() => {});
  sync();
  setInterval(() => { if (!signInNeeded) sync(); }, 15000);
}

start();
