// The two forms of the tablet: what they send (ServiceDays' own JSON, docs/service-days.md), the checks the tablet can
// make without signal (the same rules ServiceDays applies), and the reasons shown next to each field.
const DOCUMENT = /^(?=.*[0-9A-Za-z])[0-9A-Za-z.-]{3,20}$/;
const PRIORITIES = ['urgent', 'high', 'normal'];
const SEXES = ['female', 'male', 'other'];
const TEXT = 200, REASON = 2000, PHONE = 40;

const newId = () => 'tableta-' + crypto.randomUUID().replaceAll('-', '');
const value = (form, name) => (form.elements[name]?.value || '').trim();

function rowsOf(form) {
  return [...form.querySelectorAll('[data-testid=attendance-row]')].map(row => ({
    row, doc: row.querySelector('[name=documentNumber]'), noDoc: row.querySelector('[name=noDocument]'), service: row.querySelector('[name=serviceCode]'),
  }));
}

const filled = form => rowsOf(form).filter(r => r.doc.value.trim() || r.noDoc.checked);

export function attendanceBody(form, pack) {
  const rows = filled(form), errors = {};
  if (rows.length === 0) errors.entries = ['Escriba al menos un documento, o marque «sin documento».'];
  rows.forEach((r, i) => {
    const doc = r.doc.value.trim(), code = r.service.value;
    if (doc && r.noDoc.checked) errors[`entries[${i}].documentNumber`] = ['Marque «sin documento» o escriba el documento, no ambos.'];
    else if (doc && !DOCUMENT.test(doc)) errors[`entries[${i}].documentNumber`] = ['El número de documento debe tener entre 3 y 20 letras, números, puntos o guiones.'];
    if (!code) errors[`entries[${i}].serviceCode`] = ['Indique el servicio de la jornada que se brindó.'];
    else if (!pack.day.services.some(s => s.code === code)) errors[`entries[${i}].serviceCode`] = ['Ese servicio no se ofrece en esta jornada.'];
  });
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      batchId: newId(),
      entries: rows.map(r => r.noDoc.checked ? { serviceCode: r.service.value, anonymousCount: 1 } : { serviceCode: r.service.value, documentNumber: r.doc.value.trim() }),
    },
    summary: { people: rows.length, anonymous: rows.filter(r => r.noDoc.checked).length, services: rows.map(r => r.service.value) },
  };
}

function required(errors, field, text, max, missing) {
  if (!text) errors[field] = [missing];
  else if (text.length > max) errors[field] = [`Hasta ${max} caracteres.`];
}

export function referralBody(form, pack) {
  const errors = {}, v = name => value(form, name);
  const noDocument = form.elements.noDocument.checked, doc = v('documentNumber');
  const origins = pack.day.services.map(s => s.institution);
  if (!v('originInstitution')) errors.originInstitution = ['Indique la institución que detectó la necesidad.'];
  else if (!origins.includes(v('originInstitution'))) errors.originInstitution = ['Esa institución no participa en esta jornada.'];
  if (!v('destinationInstitution')) errors.destinationInstitution = ['Indique la institución de destino.'];
  if (!v('serviceCode')) errors.serviceCode = ['Indique el servicio.'];
  if (!v('needCategory')) errors.needCategory = ['Indique la categoría de necesidad.'];
  if (!PRIORITIES.includes(v('priority'))) errors.priority = ['Indique la prioridad.'];
  required(errors, 'reason', v('reason'), REASON, 'Indique el motivo de la referencia.');
  if (noDocument && doc) errors['person.documentNumber'] = ['Marcó «sin documento» pero indicó un número de documento.'];
  else if (!noDocument && !doc) errors['person.documentNumber'] = ['Indique el número de documento, o marque «sin documento».'];
  else if (!noDocument && !DOCUMENT.test(doc)) errors['person.documentNumber'] = ['El número de documento debe tener entre 3 y 20 letras, números, puntos o guiones.'];
  required(errors, 'person.givenNames', v('givenNames'), TEXT, 'Indique los nombres.');
  required(errors, 'person.familyNames', v('familyNames'), TEXT, 'Indique los apellidos.');
  const birth = v('birthDate'), today = new Date().toISOString().slice(0, 10);
  const oldest = `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birth) || Number.isNaN(Date.parse(birth))) errors['person.birthDate'] = ['Indique la fecha de nacimiento.'];
  else if (birth > today || birth < oldest) errors['person.birthDate'] = ['La fecha de nacimiento no es plausible.'];
  if (!SEXES.includes(v('sex'))) errors['person.sex'] = ['Indique el sexo.'];
  if (v('phone').length > PHONE) errors['person.phone'] = [`Hasta ${PHONE} caracteres.`];
  if (!form.elements.consentGiven.checked) errors['consent.given'] = ['Registre el consentimiento de la persona, dado en la jornada.'];
  required(errors, 'consent.givenBy', v('consentGivenBy'), TEXT, 'Indique quién dio el consentimiento.');
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      entryId: newId(),
      originInstitution: v('originInstitution'), destinationInstitution: v('destinationInstitution'), serviceCode: v('serviceCode'),
      needCategory: v('needCategory'), priority: v('priority'), reason: v('reason'),
      person: {
        documentNumber: noDocument ? null : doc, noDocument, givenNames: v('givenNames'), familyNames: v('familyNames'),
        birthDate: birth, sex: v('sex'), phone: v('phone') || null,
      },
      consent: { given: true, givenBy: v('consentGivenBy') },
    },
    summary: { origin: v('originInstitution'), destination: v('destinationInstitution'), serviceCode: v('serviceCode'), needCategory: v('needCategory'), priority: v('priority') },
  };
}

export function fillAttendance(form, body) {
  form.reset();
  rowsOf(form).forEach((r, i) => {
    const entry = body.entries[i];
    if (!entry) return;
    r.doc.value = entry.documentNumber || '';
    r.noDoc.checked = !entry.documentNumber;
    r.service.value = entry.serviceCode;
  });
}

export function fillReferral(form, body) {
  form.reset();
  const set = (name, v) => { form.elements[name].value = v ?? ''; };
  for (const name of ['originInstitution', 'destinationInstitution', 'serviceCode', 'needCategory', 'priority', 'reason']) set(name, body[name]);
  for (const name of ['documentNumber', 'givenNames', 'familyNames', 'birthDate', 'sex', 'phone']) set(name, body.person[name]);
  form.elements.noDocument.checked = body.person.noDocument;
  form.elements.consentGiven.checked = body.consent.given;
  set('consentGivenBy', body.consent.givenBy);
}

// "entries[1].serviceCode" is the second filled row's service; "person.birthDate" the birth date; the rest by name.
function controlFor(form, field) {
  const entry = /^entries\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (entry) {
    const r = filled(form)[Number(entry[1])];
    if (!r) return null;
    return entry[2] === 'serviceCode' ? r.service : r.doc;
  }
  const name = { 'consent.given': 'consentGiven', 'consent.givenBy': 'consentGivenBy' }[field] || field.split('.').pop();
  return form.elements[name] instanceof Element ? form.elements[name] : null;
}

export function showErrors(form, fields, message) {
  clearErrors(form);
  const general = form.querySelector('p.field-error[data-field]:not([id^=err-])');
  const loose = [];
  for (const [field, reasons] of Object.entries(fields || {})) {
    const control = controlFor(form, field);
    if (!control) { loose.push(...reasons); continue; }
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = 'err-' + control.id;
    p.dataset.field = field.split('.').pop();
    p.textContent = reasons.join(' ');
    control.closest('.field').after(p);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', p.id);
  }
  general.textContent = [message, ...loose].filter(Boolean).join(' ');
  general.setAttribute('role', 'alert');
}

export function clearErrors(form) {
  form.querySelectorAll('p.field-error[id^=err-]').forEach(p => p.remove());
  form.querySelectorAll('[aria-invalid]').forEach(c => { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); });
  const general = form.querySelector('p.field-error[data-field]');
  general.textContent = '';
  general.removeAttribute('role');
}
