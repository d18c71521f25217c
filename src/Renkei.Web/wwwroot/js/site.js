// Progressive enhancement only: every page works without this file.
// Confirm destructive actions marked with data-confirm.
document.addEventListener('submit', function (e) {
  var form = e.target;
  var message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) { e.preventDefault(); return; }
  // Disable the submit button so a double click sends one request (the server also refuses a second post).
  var button = form.querySelector('button[type=submit]');
  if (button) { setTimeout(function () { button.disabled = true; }, 0); }
});
document.querySelectorAll('[data-print]').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
