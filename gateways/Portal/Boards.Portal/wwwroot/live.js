// Live updates (docs/portal.md, "Live updates"). A region marked data-live="<topic>" (with an id) is fetched again
// from the server when the portal says something in that topic changed, so the person sees new referrals or figures
// without reloading. The signal carries no data: the page is fetched with the person's own session, as a reload would.
// Other parts of the page that follow a topic (data-live-topic, such as the bell: bell.js) share this page's one
// stream: a browser keeps only six connections per site, so a page never holds two (docs/portal.md, "Notifications").
(() => {
  const regions = () => [...document.querySelectorAll('[data-live][id]')];
  if (!window.EventSource || !window.fetch) return;

  const topic = regions().length > 0 ? regions()[0].dataset.live : null;
  const followers = [...document.querySelectorAll('[data-live-topic]')].map((element) => element.dataset.liveTopic);
  const topics = [...new Set([topic, ...followers].filter(Boolean))];
  if (topics.length === 0) return;

  const status = document.getElementById('live-status');
  let refreshing = false, again = false, failures = 0, wasConnected = false;

  const say = (text) => { if (status && text) status.textContent = text; };

  async function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', redirect: 'manual', headers: { 'X-Boards-Live': '1' } });
      // A redirect means the session ended: leave the page as it is; the next click signs in again.
      if (response.type === 'opaqueredirect' || !response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      let changed = false;
      for (const region of regions()) {
        const replacement = fresh.getElementById(region.id);
        if (!replacement || replacement.innerHTML === region.innerHTML) continue;
        // Never pull a form out from under someone who is typing in it.
        if (region.contains(document.activeElement) && document.activeElement.matches('input, select, textarea')) continue;
        region.innerHTML = replacement.innerHTML;
        changed = true;
      }
      if (changed) {
        document.body.dataset.liveRefreshed = String(Number(document.body.dataset.liveRefreshed || 0) + 1);
        say(status && status.dataset.updated);
      }
    } catch {
      // Offline for a moment: the stream reconnects and refreshes then.
    } finally {
      refreshing = false;
      if (again) { again = false; refresh(); }
    }
  }

  const source = new EventSource('/vivo/' + topics.join(','));
  // For the followers: listen with source.addEventListener(<topic>, …), and to 'boards-live-reconnected' on document.
  window.boardsLive = { source, topics };
  if (topic) {
    source.addEventListener(topic, (event) => {
      if (event.data === 'cambio') refresh();
    });
  }
  source.onopen = () => {
    // Signals sent while the connection was down are lost: catch up once after a reconnection.
    if (wasConnected) {
      if (topic) refresh();
      document.dispatchEvent(new Event('boards-live-reconnected'));
    }
    wasConnected = true;
    failures = 0;
    if (status) status.dataset.state = 'on';
  };
  source.onerror = () => {
    if (status) status.dataset.state = 'off';
    if (++failures > 10) source.close();
  };
})();
