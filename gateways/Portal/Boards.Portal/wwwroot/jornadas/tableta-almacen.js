// The tablet's store for one service day (docs/portal-service-days.md, "Sin señal"): IndexedDB "boards-jornadas" with
// the day's pack (nothing personal), the queue of records, and the day's key. Personal data (document numbers, names,
// consent) is kept only as AES-GCM ciphertext under a key made on this tablet for this day and this person, which cannot
// be exported, and is erased with the queue at sign-out; each record's ciphertext is erased when the server has it.

export const DB_NAME = 'boards-jornadas';
const PACKS = 'paquetes', KEYS = 'claves', RECORDS = 'registros';

let opened;

/** Opens the database; rejects with a reason in Spanish when this browser cannot keep anything. */
export function open() {
  if (opened) return opened;
  opened = new Promise((resolve, reject) => {
    if (!self.indexedDB) return reject(new Error('Este navegador no guarda datos sin conexión (no tiene IndexedDB).'));
    if (!self.crypto?.subtle) return reject(new Error('La conexión no es segura (https): la tableta no puede cifrar los datos personales.'));
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(PACKS, { keyPath: 'dayId' });
      db.createObjectStore(KEYS, { keyPath: 'dayId' });
      db.createObjectStore(RECORDS, { keyPath: 'id' }).createIndex('dayId', 'dayId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('El navegador no permite guardar datos en esta tableta (modo privado o almacenamiento bloqueado).'));
    request.onblocked = () => reject(new Error('Cierre las otras pestañas de Boards y vuelva a abrir esta página.'));
  });
  opened.catch(() => { opened = undefined; });
  return opened;
}

function run(store, mode, work) {
  return open().then(db => new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    let result;
    Promise.resolve(work(tx.objectStore(store))).then(r => { result = r; });
    tx.oncomplete = () => resolve(result);
    tx.onerror = tx.onabort = () => reject(tx.error?.name === 'QuotaExceededError'
      ? new Error('No queda espacio en la tableta: el registro NO se guardó. Envíe lo que está en espera o libere espacio.')
      : new Error('La tableta no pudo guardar: ' + (tx.error?.message || 'error desconocido') + '.'));
  }));
}

const asPromise = request => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });

/** Space left, in bytes, or null when the browser does not say. */
export async function spaceLeft() {
  if (!navigator.storage?.estimate) return null;
  const { quota = 0, usage = 0 } = await navigator.storage.estimate();
  // Ask the browser not to evict the queue under pressure (best effort, no prompt in Chromium).
  navigator.storage.persist?.().catch(() => {});
  return quota - usage;
}

export const savePack = pack => run(PACKS, 'readwrite', s => s.put({ dayId: pack.day.id, pack }));
export const readPack = dayId => run(PACKS, 'readonly', s => asPromise(s.get(dayId))).then(r => r?.pack);
export const records = dayId => run(RECORDS, 'readonly', s => asPromise(s.index('dayId').getAll(dayId)))
  .then(list => list.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
export const saveRecord = record => run(RECORDS, 'readwrite', s => s.put(record));
export const deleteRecord = id => run(RECORDS, 'readwrite', s => s.delete(id));

async function key(dayId, subject, create) {
  const found = await run(KEYS, 'readonly', s => asPromise(s.get(dayId)));
  if (found && found.subject === subject) return found.key;
  if (!create) return null;
  const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await run(KEYS, 'readwrite', s => s.put({ dayId, subject, key: made }));
  return made;
}

/** The record's personal part, encrypted under the day's key (made now if there is none). */
export async function seal(dayId, subject, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(dayId, subject, true), new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
}

export async function unseal(dayId, subject, sealed) {
  const k = await key(dayId, subject, false);
  if (!k) throw new Error('La clave de este registro ya no está en la tableta (otra persona ingresó o se cerró la sesión).');
  return JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, k, sealed.data)));
}

/** Once nothing of the day holds personal data, its key goes too. */
export async function forgetKeyIfUnused(dayId) {
  if ((await records(dayId)).some(r => r.sealed)) return;
  await run(KEYS, 'readwrite', s => s.delete(dayId));
}

/** Everything this tablet kept, for every day: at sign-out. */
export function eraseAll() {
  opened?.then(db => db.close()).catch(() => {});
  opened = undefined;
  return new Promise(resolve => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
