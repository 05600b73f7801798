// Work that settles on the server after the page was drawn (a focal point's access being granted, an import job):
// a region marked data-poll="on" (with an id) is fetched again every two seconds, with the person's own session, and
// replaced whole, until the server draws it without data-poll (settled) or a minute and a half has passed. Without
// JavaScript the region says what to do (reload), so nothing depends on this script (docs/portal.md, "Pending work").
(() => {
  const pending = () => [...document.querySelectorAll('[data-poll="on"][id]')];
  if (!window.fetch || pending().length === 0) return;

  let tries = 0;
  async function poll() {
    tries += 1;
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', redirect: 'manual', headers: { 'X-Boards-Poll': '1' } });
      if (response.type === 'opaqueredirect' || !response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of pending()) {
        const replacement = fresh.getElementById(region.id);
        if (!replacement) continue;
        // Never pull a form out from under someone who is typing in it.
        if (region.contains(document.activeElement) && document.activeElement.matches('input, select, textarea')) continue;
        region.replaceWith(document.importNode(replacement, true));
      }
    } catch {
      // A moment offline: the next try catches up.
    } finally {
      if (pending().length > 0 && tries < 45) setTimeout(poll, 2000);
    }
  }
  setTimeout(poll, 1000);
})();
