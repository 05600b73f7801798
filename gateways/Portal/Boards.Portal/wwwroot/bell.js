// The bell's unread count (docs/portal.md, "Notifications"). The page is drawn with the count; when the portal says
// this person's notifications changed (topic "notificaciones", on the page's one stream opened by live.js), the count
// is fetched again from /notificaciones/contador and the badge and the link's label change. If Notifications does not
// answer, the bell shows no number. Without script the count is the one the page was drawn with.
(() => {
  const bell = document.getElementById('campana');
  const count = document.getElementById('campana-contador');
  const live = window.boardsLive;
  if (!bell || !count || !window.fetch || !live || !live.topics.includes('notificaciones')) return;

  const announcer = document.getElementById('campana-aviso');
  let shown = count.hidden ? null : Number(count.textContent);
  let asking = false, again = false;

  function label(unread) {
    if (unread === null) return bell.dataset.labelUnknown;
    if (unread === 0) return bell.dataset.labelNone;
    if (unread === 1) return bell.dataset.labelOne;
    return bell.dataset.labelMany.replace('{0}', String(unread));
  }

  function show(unread) {
    const before = shown;
    shown = unread;
    count.hidden = unread === null;
    count.textContent = unread === null ? '' : String(unread);
    count.classList.toggle('bell-count-zero', unread === 0);
    bell.setAttribute('aria-label', label(unread));
    // Said once, politely, when something new arrived; a count going down needs no announcement.
    if (announcer && unread !== null && unread > (before ?? 0)) announcer.textContent = label(unread);
    document.body.dataset.bellUpdated = String(Number(document.body.dataset.bellUpdated || 0) + 1);
  }

  async function update() {
    if (asking) { again = true; return; }
    asking = true;
    try {
      const response = await fetch('/notificaciones/contador', {
        credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' },
      });
      // A redirect or 401: the session ended; the next click signs in again. Leave the bell as it is.
      if (response.type === 'opaqueredirect' || response.status === 401) return;
      if (!response.ok) { show(null); return; }
      const answer = await response.json();
      show(Number.isInteger(answer.unread) && answer.unread >= 0 ? answer.unread : null);
    } catch {
      // Offline for a moment: the stream reconnects and the count is asked again then.
    } finally {
      asking = false;
      if (again) { again = false; update(); }
    }
  }

  live.source.addEventListener('notificaciones', (event) => {
    if (event.data === 'cambio') update();
  });
  document.addEventListener('boards-live-reconnected', update);
})();
