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
      // Once touched, a product is checked (assign to all) or clear (remove from all), never "leave as is".
      box.removeAttribute('data-indeterminate');
      box.setAttribute('aria-checked', box.checked ? 'true' : 'false');
      var keep = document.getElementById(box.getAttribute('data-sw-tristate'));
      if (keep) {
        keep.disabled = true;
      }
    }
  }, true);
})();
