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
// Show an indeterminate progress bar while a long upload/import runs (forms marked data-progress).
document.addEventListener('submit', function (e) {
  var id = e.target.getAttribute('data-progress');
  if (id && !e.defaultPrevented) { var bar = document.getElementById(id); if (bar) { bar.classList.remove('d-none'); } }
});
