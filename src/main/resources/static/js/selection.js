// The users list's selection and Manage licenses' tri-state checkboxes; the pages work without it.
(function () {
  'use strict';

  // A checkbox that is partly checked: the server says so with data-indeterminate, only script can show it.
  function showMixed(root) {
    root.querySelectorAll('input[type="checkbox"][data-indeterminate="true"]').forEach(function (box) {
      box.indeterminate = true;
    });
  }
  document.addEventListener('DOMContentLoaded', function () { showMixed(document); });
  document.addEventListener('htmx:afterSettle', function (event) { showMixed(event.detail.target.isConnected
    ? event.detail.target : document); });

  // Capture phase: runs before htmx sends the form on "change", so the rows are already (un)checked then.
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (box.matches && box.matches('[data-sw-page-check]')) {
      box.form.querySelectorAll('[data-sw-row-check]').forEach(function (row) {
        if (!row.disabled) {
          row.checked = box.checked;
        }
      });
    }
    if (box.matches && box.matches('[data-sw-tristate]')) {
      var keep = document.getElementById(box.getAttribute('data-sw-tristate'));
      if (!keep) {
        // Held by all or none of the selection: an ordinary two-state box.
        box.setAttribute('aria-checked', box.checked ? 'true' : 'false');
        return;
      }
      // Held by some: each click goes on from "leave as is" to checked (assign to all), clear (remove from all),
      // and back to "leave as is" (the hidden keep field is what the server reads for it).
      var state = box.getAttribute('data-sw-state') || 'mixed';
      var next = state === 'mixed' ? 'on' : state === 'on' ? 'off' : 'mixed';
      box.setAttribute('data-sw-state', next);
      box.checked = next === 'on';
      box.indeterminate = next === 'mixed';
      keep.disabled = next !== 'mixed';
      box.setAttribute('aria-checked', next === 'mixed' ? 'mixed' : next === 'on' ? 'true' : 'false');
      if (next === 'mixed') {
        box.setAttribute('data-indeterminate', 'true');
      } else {
        box.removeAttribute('data-indeterminate');
      }
    }
  }, true);
})();
