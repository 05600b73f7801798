// Signing out erases what a service day's tablet page kept in this browser (the portal also answers the sign-out with
// Clear-Site-Data). When records still wait to be sent, the person is asked first: they would be lost.
const TABLET_DB = 'boards-jornadas';

document.addEventListener('submit', async event => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.getAttribute('action') !== '/cuenta/salir' || form.dataset.checked || !indexedDB.databases) return;
  event.preventDefault();
  const open = await pending().catch(() => 0);
  if (open && !confirm(`Hay ${open} registros de jornada sin enviar en este navegador. Si sale ahora, se borran. ¿Salir igual?`)) return;
  await new Promise(done => { const q = indexedDB.deleteDatabase(TABLET_DB); q.onsuccess = q.onerror = q.onblocked = done; });
  form.dataset.checked = '1';
  form.submit();
});

async function pending() {
  if (!(await indexedDB.databases()).some(d => d.name === TABLET_DB)) return 0;
  const db = await new Promise((resolve, reject) => { const q = indexedDB.open(TABLET_DB); q.onsuccess = () => resolve(q.result); q.onerror = reject; });
  try {
    if (!db.objectStoreNames.contains('registros')) return 0;
    const all = await new Promise((resolve, reject) => {
      const q = db.transaction('registros').objectStore('registros').getAll();
      q.onsuccess = () => resolve(q.result);
      q.onerror = reject;
    });
    return all.filter(r => r.state !== 'sent' && r.state !== 'held').length;
  } finally {
    db.close();
  }
}
