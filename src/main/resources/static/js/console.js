// Small enhancements; every page works without them.
(function () {
  'use strict';

  // htmx requests that change something carry the CSRF token the forms carry as a hidden field.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // When htmx replaces the list that held the keyboard focus, put the focus back on the same control
  // (e.g. "Next") or, if it is gone, on the list itself, instead of losing it to the top of the page.
  var focusKey = null;
  document.addEventListener('htmx:beforeSwap', function (event) {
    var active = document.activeElement;
    focusKey = active && event.detail.target.contains(active)
      ? (active.getAttribute('data-focus-key') || '') : null;
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    if (focusKey === null) {
      return;
    }
    var target = event.detail.target;
    var root = target.isConnected ? target : document.getElementById(target.id) || document.body;
    // Only where the focus was lost with the swapped list: htmx keeps it on a control that has an id, and a user who
    // has already moved on (Tab right after a tick) must not be sent back to the control the swap replaced.
    var now = document.activeElement;
    if (now && now !== document.body && now.isConnected) {
      focusKey = null;
      return;
    }
    var again = focusKey && root.querySelector('[data-focus-key="' + focusKey + '"]');
    if (again) {
      again.focus();
    } else {
      if (!root.hasAttribute('tabindex')) {
        root.setAttribute('tabindex', '-1');
      }
      root.focus();
    }
    focusKey = null;
  });

  // "Copy" buttons next to secrets shown once.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute('data-copy-target'));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var done = button.getAttribute('data-copied-label');
      if (done) {
        button.textContent = done;
      }
    });
  });
  // A header check box that checks or clears every box of its form named by data-select-all.
  document.addEventListener('change', function (event) {
    var all = event.target.closest('[data-select-all]');
    if (!all || !all.form) {
      return;
    }
    var name = all.getAttribute('data-select-all');
    Array.prototype.forEach.call(all.form.querySelectorAll('input[type="checkbox"]'), function (box) {
      if (box.name === name) {
        box.checked = all.checked;
      }
    });
  });

  // "Print" buttons.
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) {
      window.print();
    }
  });

  // A file larger than the server takes (data-max-bytes) is said next to the field before hours of upload.
  document.addEventListener('submit', function (event) {
    Array.prototype.forEach.call(event.target.querySelectorAll('input[type="file"][data-max-bytes]'),
      function (input) {
        var max = Number(input.getAttribute('data-max-bytes'));
        var file = input.files && input.files[0];
        var message = document.getElementById(input.id + '-too-large');
        if (file && file.size > max) {
          event.preventDefault();
          input.classList.add('is-invalid');
          if (message) {
            message.textContent = input.getAttribute('data-too-large');
            message.hidden = false;
            message.style.display = 'block';
          }
          input.focus();
        } else if (message) {
          message.hidden = true;
        }
      });
  });

  // A form that answers with a download (the page itself stays): reload the page after it, so it shows what
  // the download changed (e.g. "downloaded").
  document.addEventListener('submit', function (event) {
    if (event.target.hasAttribute('data-reload-after-submit')) {
      window.setTimeout(function () { window.location.reload(); }, 1500);
    }
  });

})();
