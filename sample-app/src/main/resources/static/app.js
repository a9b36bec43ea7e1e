// The sample's page: plain fetch calls to the JSON API, every value rendered with textContent.
(function () {
  'use strict';

  var session = null;

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function button(label, onClick) {
    var node = el('button', label);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function say(text, isError) {
    var box = document.getElementById('message');
    box.textContent = text;
    box.className = isError ? 'message error' : 'message';
    box.hidden = !text;
  }

  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') { headers[session.csrfHeader] = session.csrfToken; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 204) { return null; }
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
          if (!response.ok) {
            throw new Error(json && json.error ? json.error : 'HTTP ' + response.status + ' ' + method + ' ' + path);
          }
          return json;
        });
      });
  }

  // After every change the embedded viewer reloads, so the new event shows at once.
  function changed(text) {
    say(text, false);
    var viewer = document.getElementById('audit-viewer');
    viewer.contentWindow.location.reload();
    return refresh();
  }

  function failed(error) { say(error.message, true); }

  function money(cents) { return (cents / 100).toFixed(2); }

  function renderInvoices(invoices) {
    var body = document.querySelector('#invoices tbody');
    body.replaceChildren();
    invoices.forEach(function (invoice) {
      var row = el('tr');
      row.dataset.invoiceId = invoice.id;
      row.appendChild(el('td', invoice.number));
      row.appendChild(el('td', invoice.customer));
      row.appendChild(el('td', money(invoice.amountCents)));
      row.appendChild(el('td', invoice.status));
      var actions = el('td');
      if (invoice.status === 'draft') {
        actions.appendChild(button('Send', function () {
          api('POST', '/api/invoices/' + encodeURIComponent(invoice.id) + '/send')
            .then(function () { return changed('Invoice ' + invoice.number + ' sent.'); }).catch(failed);
        }));
      }
      actions.appendChild(button('+10%', function () {
        api('PUT', '/api/invoices/' + encodeURIComponent(invoice.id),
          { customer: invoice.customer, amountCents: Math.round(invoice.amountCents * 1.1) })
          .then(function () { return changed('Invoice ' + invoice.number + ' updated.'); }).catch(failed);
      }));
      var remove = button('Delete', function () {
        api('DELETE', '/api/invoices/' + encodeURIComponent(invoice.id))
          .then(function () { return changed('Invoice ' + invoice.number + ' deleted.'); }).catch(failed);
      });
      remove.className = 'delete-invoice';
      actions.appendChild(remove);
      row.appendChild(actions);
      body.appendChild(row);
    });
  }

  function renderMembers(members) {
    var body = document.querySelector('#members tbody');
    body.replaceChildren();
    members.forEach(function (member) {
      var row = el('tr');
      row.appendChild(el('td', member.email));
      row.appendChild(el('td', member.username));
      row.appendChild(el('td', member.role));
      row.appendChild(el('td', member.active ? 'active' : 'invited'));
      var actions = el('td');
      if (member.username !== session.username) {
        var other = member.role === 'ADMIN' ? 'MEMBER' : 'ADMIN';
        actions.appendChild(button('Make ' + other.toLowerCase(), function () {
          api('PUT', '/api/members/' + encodeURIComponent(member.id) + '/role', { role: other })
            .then(function () { return changed(member.email + ' is now ' + other.toLowerCase() + '.'); }).catch(failed);
        }));
        actions.appendChild(button('Remove', function () {
          api('DELETE', '/api/members/' + encodeURIComponent(member.id))
            .then(function () { return changed(member.email + ' removed.'); }).catch(failed);
        }));
      }
      row.appendChild(actions);
      body.appendChild(row);
    });
  }

  function renderKeys(keys) {
    var body = document.querySelector('#keys tbody');
    body.replaceChildren();
    keys.forEach(function (key) {
      var row = el('tr');
      row.appendChild(el('td', key.name));
      row.appendChild(el('td', key.revoked ? 'revoked' : 'active'));
      var actions = el('td');
      if (!key.revoked) {
        actions.appendChild(button('Revoke', function () {
          api('DELETE', '/api/api-keys/' + encodeURIComponent(key.id))
            .then(function () { return changed('Key ' + key.name + ' revoked.'); }).catch(failed);
        }));
      }
      row.appendChild(actions);
      body.appendChild(row);
    });
  }

  function refresh() {
    var loads = [api('GET', '/api/invoices').then(renderInvoices)];
    if (session.role === 'ADMIN') {
      loads.push(api('GET', '/api/members').then(renderMembers));
      loads.push(api('GET', '/api/api-keys').then(renderKeys));
      loads.push(api('GET', '/api/settings').then(function (settings) {
        var form = document.getElementById('settings-form');
        form.elements.name.value = settings.name;
        form.elements.invoicePrefix.value = settings.invoicePrefix;
        form.elements.currency.value = settings.currency;
      }));
    }
    return Promise.all(loads).catch(failed);
  }

  function onSubmit(id, handler) {
    document.getElementById(id).addEventListener('submit', function (submit) {
      submit.preventDefault();
      handler(submit.target);
    });
  }

  onSubmit('invoice-form', function (form) {
    api('POST', '/api/invoices', { customer: form.elements.customer.value,
      amountCents: Math.round(parseFloat(form.elements.amount.value) * 100) })
      .then(function (invoice) { form.reset(); return changed('Invoice ' + invoice.number + ' created.'); })
      .catch(failed);
  });
  onSubmit('invite-form', function (form) {
    api('POST', '/api/members/invitations', { email: form.elements.email.value, role: form.elements.role.value })
      .then(function (invitation) {
        var link = document.getElementById('invite-link');
        link.textContent = 'Send this link to ' + invitation.member.email + ': '
          + new URL('/invite.html?token=' + invitation.token, window.location.href);
        link.hidden = false;
        form.reset();
        return changed('Invitation created.');
      }).catch(failed);
  });
  onSubmit('key-form', function (form) {
    api('POST', '/api/api-keys', { name: form.elements.name.value }).then(function (created) {
      var secret = document.getElementById('key-secret');
      secret.textContent = 'Secret for ' + created.key.name + ' (shown once): ' + created.secret;
      secret.hidden = false;
      form.reset();
      return changed('Key created.');
    }).catch(failed);
  });
  onSubmit('settings-form', function (form) {
    api('PUT', '/api/settings', { name: form.elements.name.value, invoicePrefix: form.elements.invoicePrefix.value,
      currency: form.elements.currency.value }).then(function () { return changed('Settings saved.'); }).catch(failed);
  });

  api('GET', '/api/session').then(function (current) {
    session = current;
    document.getElementById('org-name').textContent = current.organizationName;
    document.getElementById('user-name').textContent = current.displayName + ' (' + current.username + ')';
    document.getElementById('user-role').textContent = current.role.toLowerCase();
    var csrf = document.getElementById('logout-csrf');
    csrf.name = '_csrf';
    csrf.value = current.csrfToken;
    document.querySelectorAll('.admin-only').forEach(function (section) {
      section.hidden = current.role !== 'ADMIN';
    });
    return refresh();
  }).catch(failed);
}());
