// Import page: send the file with XMLHttpRequest so the bar shows how much has been uploaded, then
// "処理中…" while the server plans the import. The answer (preview, errors, or the report page it
// redirects to) replaces the page's main content, as the plain form post would show it.
// Without this file the form posts normally (site.js still shows an indeterminate bar).
(function () {
  function enhance(root) { root.querySelectorAll('form[data-upload-progress]').forEach(bind); }
  function bind(form) {
    var bar = document.getElementById(form.getAttribute('data-progress'));
    var status = document.getElementById(form.getAttribute('data-upload-progress'));
    if (!bar || !status || !window.FormData || !window.DOMParser) { return; }
    form.addEventListener('submit', function (e) {
      if (e.defaultPrevented) { return; }
      e.preventDefault();
      var button = form.querySelector('button[type=submit]');
      var xhr = new XMLHttpRequest();
      function say(text) { status.textContent = text; status.classList.remove('d-none'); }
      function fail(text) {
        bar.classList.add('d-none');
        say(text);
        status.classList.add('alert', 'alert-danger');
        if (button) { setTimeout(function () { button.disabled = false; }, 0); }
      }
      bar.classList.remove('d-none');
      bar.max = 100;
      bar.value = 0;
      status.classList.remove('alert', 'alert-danger');
      say('アップロード中… 0%');
      xhr.upload.addEventListener('progress', function (p) {
        if (!p.lengthComputable) { return; }
        var percent = Math.floor(p.loaded * 100 / p.total);
        bar.value = percent;
        say('アップロード中… ' + percent + '%');
      });
      xhr.upload.addEventListener('load', function () {
        bar.removeAttribute('value'); // indeterminate: the server is reading the file now
        say('処理中…（ファイルを読み、取込の内容を確かめています。大きなファイルでは数分かかります）');
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 400) {
          fail(xhr.status === 413 ? 'ファイルが大きすぎます。' : 'アップロードできませんでした（' + xhr.status + '）。もう一度お試しください。');
          return;
        }
        var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var main = doc.getElementById('main');
        if (!main) { fail('応答を表示できませんでした。ページを開き直してください。'); return; }
        // A finished import redirects to its report: show that URL, as a normal post would.
        if (xhr.responseURL && xhr.responseURL !== window.location.href) { window.history.pushState(null, '', xhr.responseURL); }
        document.title = doc.title;
        document.getElementById('main').replaceWith(document.adoptNode(main));
        enhance(main); // the new page's form uploads the same way
        window.scrollTo(0, 0);
      });
      xhr.addEventListener('error', function () { fail('通信が切れたため、アップロードできませんでした。もう一度お試しください。'); });
      xhr.open('POST', form.action || window.location.href);
      xhr.send(new FormData(form));
    });
  }
  enhance(document);
})();
