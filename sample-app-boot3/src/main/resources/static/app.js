'use strict';

let session;

async function loadSession() {
  const response = await fetch('/api/session');
  session = await response.json();
  document.getElementById('username').textContent = session.username;
}

async function loadNotes() {
  const notes = await (await fetch('/api/notes')).json();
  const list = document.getElementById('notes');
  list.replaceChildren(...notes.map(note => {
    const item = document.createElement('li');
    item.textContent = note.text;
    return item;
  }));
}

async function addNote(event) {
  event.preventDefault();
  const field = document.getElementById('note-text');
  const message = document.getElementById('message');
  const response = await fetch('/api/notes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [session.csrfHeader]: session.csrfToken },
    body: JSON.stringify({ text: field.value })
  });
  const body = await response.json();
  message.className = response.ok ? '' : 'error';
  message.textContent = response.ok ? 'Saved "' + body.text + '"' : body.error;
  if (response.ok) {
    field.value = '';
    await loadNotes();
  }
}

// Spring Security's logout is a POST carrying the CSRF token.
function logOut() {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/logout';
  const token = document.createElement('input');
  token.type = 'hidden';
  token.name = '_csrf';
  token.value = session.csrfToken;
  form.append(token);
  document.body.append(form);
  form.submit();
}

document.getElementById('note-form').addEventListener('submit', addNote);
document.getElementById('logout').addEventListener('click', logOut);
loadSession().then(loadNotes);
