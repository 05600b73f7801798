// Keeps what a person typed in a form marked data-keep="<name>" in this tab's sessionStorage, so that an expired
// session (sign in again, come back to the same page) loses nothing (docs/portal.md, "Expired session"). Hidden
// fields (antiforgery, request ids) are never kept: the page renders fresh ones. An element data-keep-clear="<name>"
// on the page after a successful send, or signing out, forgets it; closing the tab forgets it too.
(() => {
  const prefix = 'boards.form.';
  const skip = (field) => !field.name || ['hidden', 'password', 'file', 'submit', 'button'].includes(field.type);

  for (const done of document.querySelectorAll('[data-keep-clear]')) {
    sessionStorage.removeItem(prefix + done.dataset.keepClear);
  }
  for (const signOut of document.querySelectorAll('form[action="/cuenta/salir"]')) {
    signOut.addEventListener('submit', () => {
      Object.keys(sessionStorage).filter((k) => k.startsWith(prefix)).forEach((k) => sessionStorage.removeItem(k));
    });
  }

  for (const form of document.querySelectorAll('form[data-keep]')) {
    const key = prefix + form.dataset.keep;
    const fields = () => [...form.elements].filter((f) => !skip(f));
    const save = () => {
      const values = {};
      for (const f of fields()) {
        if (f.type === 'checkbox' || f.type === 'radio') {
          if (f.checked) (values[f.name] ??= []).push(f.value);
        } else {
          values[f.name] = f.value;
        }
      }
      sessionStorage.setItem(key, JSON.stringify(values));
    };

    const saved = sessionStorage.getItem(key);
    // Only into an untouched form: a page that came back with the person's input (field errors) keeps its own.
    const untouched = fields().every((f) => (f.type === 'checkbox' || f.type === 'radio') ? f.checked === f.defaultChecked : f.value === f.defaultValue || f.tagName === 'SELECT');
    if (saved && untouched && !form.querySelector('[aria-invalid="true"]')) {
      const values = JSON.parse(saved);
      let restored = false;
      for (const f of fields()) {
        if (!(f.name in values)) continue;
        if (f.type === 'checkbox' || f.type === 'radio') {
          f.checked = values[f.name].includes(f.value);
        } else if (f.value !== values[f.name]) {
          f.value = values[f.name];
        }
        restored ||= (f.type === 'checkbox' || f.type === 'radio') ? f.checked : values[f.name] !== '';
      }
      const notice = form.querySelector('[data-keep-notice]');
      if (restored && notice) notice.hidden = false;
    }
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  }
})();
