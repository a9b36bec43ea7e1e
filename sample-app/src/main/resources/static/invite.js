// Accepting needs no session: the invitation token in the link is the proof.
(function () {
  'use strict';
  var token = new URLSearchParams(window.location.search).get('token') || '';
  var form = document.getElementById('accept-form');
  var message = document.getElementById('message');
  form.addEventListener('submit', function (submit) {
    submit.preventDefault();
    var body = {
      username: form.elements.username.value.trim(),
      displayName: form.elements.displayName.value.trim(),
      password: form.elements.password.value
    };
    fetch('/invitations/' + encodeURIComponent(token) + '/accept', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) {
        message.hidden = false;
        message.textContent = response.ok ? 'Welcome! You can now sign in as ' + json.username + '.'
          : (json.error || 'HTTP ' + response.status);
      });
    });
  });
}());
