// A file form marked data-upload="on" sends its file with a progress bar (docs/portal.md, "Uploads"): the browser's
// own submit shows nothing while a large file travels over a rural connection. The request is the same POST the form
// would make (antiforgery token and handler included); its answer is then shown as a normal submit would: a redirect
// is followed, and a page with errors replaces the region named by data-upload-answer. Without JavaScript the form posts as usual.
(() => {
  if (!window.XMLHttpRequest || !window.FormData) return;
  for (const form of document.querySelectorAll('form[data-upload="on"]')) {
    form.addEventListener('submit', (event) => {
      const box = form.querySelector('[data-upload-progress]');
      const bar = box && box.querySelector('progress');
      const status = box && box.querySelector('[data-upload-status]');
      const file = form.querySelector('input[type="file"]');
      // Nothing chosen: the plain submit brings the page back with the error next to the field.
      if (!box || !bar || !file || file.files.length === 0) return;
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      if (button) button.disabled = true;
      box.hidden = false;

      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action') || location.href);
      xhr.upload.onprogress = (e) => {
        if (!e.lengthComputable) return;
        const percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        if (status) status.textContent = (status.dataset.sending || '{0} %').replace('{0}', percent);
      };
      xhr.upload.onload = () => {
        bar.value = 100;
        if (status) status.textContent = status.dataset.sent || '';
      };
      xhr.onload = () => {
        const final = new URL(xhr.responseURL || location.href);
        if (final.pathname + final.search !== location.pathname + location.search) {
          location.assign(final.href);
          return;
        }
        // Same page: the answer carries the file's errors. Show them in place; the chosen file stays chosen.
        const fresh = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        const answer = document.getElementById(form.dataset.uploadAnswer);
        const replacement = fresh.getElementById(form.dataset.uploadAnswer);
        if (!answer || !replacement) {
          location.reload();
          return;
        }
        answer.replaceWith(document.importNode(replacement, true));
        if (button) button.disabled = false;
        box.hidden = true;
        const alert = document.getElementById(form.dataset.uploadAnswer).querySelector('[role="alert"]');
        if (alert) alert.scrollIntoView({ block: 'nearest' });
      };
      xhr.onerror = () => {
        if (button) button.disabled = false;
        box.hidden = true;
        form.submit();
      };
      xhr.send(new FormData(form));
    });
  }
})();
