// Live quorum on the session forms (docs/portal.md, "Sessions"). A fieldset marked data-quorum holds one checkbox per
// member (data-voting, data-from = designation date, data-until = cease date). While boxes are ticked or the session
// date changes, the text in [data-quorum-text] is recounted with Membership's rule (Domain/Sessions/Session.cs,
// QuorumRule; the portal's QuorumPreview): strictly more than data-fraction of the voting members active on the
// session date must be present, required = floor(fraction × voting) + 1, never more than the voting members; no voting
// members, no quorum. Without script the page shows the count it was rendered with; Membership's answer is final.
(() => {
  for (const box of document.querySelectorAll('fieldset[data-quorum]')) {
    const form = box.closest('form');
    const output = box.querySelector('[data-quorum-text]');
    if (!form || !output) continue;
    // Thousandths as an integer, so that 0.57 × 100 is 57 and not 56.999…
    const thousandths = Math.round(Number(box.dataset.fraction) * 1000);
    const dateInput = box.dataset.dateField ? form.querySelector(`[name="${box.dataset.dateField}"]`) : null;

    const update = () => {
      const date = box.dataset.date || (dateInput && dateInput.value) || box.dataset.today;
      const activeVoting = [...box.querySelectorAll('input[type=checkbox][data-voting="true"]')]
        .filter((m) => m.dataset.from <= date && (!m.dataset.until || m.dataset.until > date));
      const voting = activeVoting.length;
      const present = activeVoting.filter((m) => m.checked).length;
      const required = voting <= 0 ? 1 : Math.min(voting, Math.floor((thousandths * voting) / 1000) + 1);
      const reached = voting > 0 && present >= required;
      const template = voting === 0 ? box.dataset.none : reached ? box.dataset.reached : box.dataset.missed;
      const text = template.replace('{0}', present).replace('{1}', voting).replace('{2}', required);
      if (output.textContent.trim() !== text) output.textContent = text;
      output.dataset.reached = String(reached);
    };

    form.addEventListener('change', update);
    form.addEventListener('input', update);
    update();
  }
})();
