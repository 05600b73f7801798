// Sending the queue (docs/portal-service-days.md, "Sin señal"): in order, a few records per request, each with the
// batch or entry id it got when it was saved, so a request whose answer was lost and is sent again counts nothing twice.
import * as store from './tableta-almacen.js';

/** Records per request: each one answered is safe, and the session cookie's bytes are shared by this many. */
export const CHUNK = 2;

// What the tablet does with each answer: erase the personal data once the server has the record.
const DONE = new Set(['sent', 'held']);
const FIX = new Set(['refused', 'catalog']);

export const waiting = list => list.filter(r => r.state === 'waiting');

/**
 * Sends what waits, chunk by chunk. Stops at the first chunk that gets no answer (no signal, the portal down) or
 * an answer that asks to sign in; what was not answered stays waiting. Returns { stop, peopleServed }.
 * stop: null (all answered), 'offline', 'signin' or 'unavailable'.
 */
export async function send(dayId, subject, onProgress) {
  const queue = waiting(await store.records(dayId));
  let peopleServed = null, done = 0;
  for (let i = 0; i < queue.length; i += CHUNK) {
    const chunk = queue.slice(i, i + CHUNK);
    const items = [];
    for (const record of chunk) {
      items.push({ id: record.id, kind: record.kind, body: await store.unseal(dayId, subject, record.sealed) });
    }

    let response;
    try {
      response = await fetch(`/jornadas/dia/${dayId}/tableta/enviar`, {
        method: 'POST', credentials: 'same-origin', cache: 'no-store',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ items }),
      });
    } catch {
      return { stop: 'offline', peopleServed };
    }
    if (response.status === 401) return { stop: 'signin', peopleServed };
    if (!response.ok && response.status !== 400) return { stop: 'unavailable', peopleServed };

    let answers;
    try {
      answers = response.status === 400 ? chunk.map(r => ({ id: r.id, result: 'refused', message: 'El portal no aceptó el envío.' })) : (await response.json()).items;
    } catch {
      return { stop: 'offline', peopleServed };
    }
    let stop = null;
    for (const answer of answers) {
      const record = chunk.find(r => r.id === answer.id);
      if (!record) continue;
      if (DONE.has(answer.result)) {
        delete record.sealed;
        record.state = answer.result;
        record.replayed = !!answer.replayed;
        record.message = answer.message || null;
        record.fields = null;
        record.sentAt = new Date().toISOString();
        if (answer.peopleServed != null) peopleServed = answer.peopleServed;
      } else if (FIX.has(answer.result)) {
        record.state = answer.result;
        record.message = answer.message || null;
        record.fields = answer.fields || null;
      } else {
        stop = answer.result === 'signin' ? 'signin' : 'unavailable';
        continue;
      }
      await store.saveRecord(record);
      onProgress?.(++done, queue.length);
    }
    if (stop) return { stop, peopleServed };
  }
  await store.forgetKeyIfUnused(dayId);
  return { stop: null, peopleServed };
}
