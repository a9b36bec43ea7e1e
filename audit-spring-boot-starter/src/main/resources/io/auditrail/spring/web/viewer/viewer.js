// The viewer talks only to the scoped read endpoints one level up (../events, ../events/export,
// ../events/{id}/proof when the log is on) and, for organisation admins, to ../streams.
// Every value from an event reaches the page through textContent, never as markup.
(function () {
  'use strict';

  var API = new URL('../', window.location.href);
  var FILTERS = ['actor_name', 'action', 'resource_type', 'outcome', 'start_date', 'end_date', 'search'];
  var PAGE_SIZE = 25;
  var CHANGE_PAIRS = [['old', 'new'], ['before', 'after']];

  var LOCAL_TIME_KEY = 'auditrail.viewer.localTime';

  var form = document.getElementById('filters');
  var tbody = document.querySelector('#events tbody');
  var localTime = document.getElementById('local-time');
  var state = { cursor: null, next: null, total: 0, page: null, detail: null, bundleUrl: null };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function pad(number, width) {
    var text = String(Math.abs(number));
    while (text.length < width) { text = '0' + text; }
    return text;
  }

  // Timestamps arrive in UTC with microseconds; local display keeps milliseconds and names the offset.
  function timeText(timestamp) {
    if (!localTime.checked || !timestamp) { return timestamp; }
    var date = new Date(timestamp);
    if (isNaN(date.getTime())) { return timestamp; }
    var offset = -date.getTimezoneOffset();
    return date.getFullYear() + '-' + pad(date.getMonth() + 1, 2) + '-' + pad(date.getDate(), 2)
      + ' ' + pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2)
      + '.' + pad(date.getMilliseconds(), 3) + ' ' + (offset < 0 ? '-' : '+')
      + pad(Math.floor(Math.abs(offset) / 60), 2) + ':' + pad(Math.abs(offset) % 60, 2);
  }

  function timeLabel() {
    return localTime.checked ? 'Time (local)' : 'Time (UTC)';
  }

  function filterParams() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  function showError(message) {
    var box = document.getElementById('error');
    box.textContent = message;
    box.hidden = !message;
  }

  function request(path, params) {
    var url = new URL(path, API);
    url.search = params ? params.toString() : '';
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (notJson) { body = null; }
          if (!response.ok) {
            var reason = body && body.error ? body.error : 'HTTP ' + response.status;
            if (response.status === 401) {
              reason = 'Your session has ended: sign in again.';
            }
            throw new Error(reason);
          }
          if (body === null) {
            throw new Error('Unexpected answer from the server; is your session still valid?');
          }
          return body;
        });
      });
  }

  function updateExportLinks() {
    ['csv', 'json'].forEach(function (format) {
      var params = filterParams();
      params.set('format', format);
      var url = new URL('events/export', API);
      url.search = params.toString();
      document.getElementById('export-' + format).href = url.toString();
    });
  }

  function load(cursor) {
    var params = filterParams();
    params.set('limit', String(PAGE_SIZE));
    if (cursor) {
      params.set('cursor', cursor);
      // The filters are unchanged since the first page, which counted the matches once.
      params.set('total', 'false');
    }
    updateExportLinks();
    return request('events', params).then(function (page) {
      showError('');
      state.cursor = cursor;
      state.next = page.next_cursor;
      if (page.total !== undefined) {
        state.total = page.total;
      }
      render(page);
    }).catch(function (error) {
      clearResults();
      showError(error.message);
    });
  }

  // Rows left under an error banner would read as the answer to the filter that failed.
  function clearResults() {
    state.page = null;
    state.next = null;
    tbody.replaceChildren();
    document.getElementById('summary').textContent = '';
    document.getElementById('next-page').disabled = true;
    document.getElementById('detail').hidden = true;
  }

  function render(page) {
    state.page = page;
    document.getElementById('time-heading').textContent = timeLabel();
    tbody.replaceChildren();
    page.events.forEach(function (event) {
      var row = el('tr');
      row.tabIndex = 0;
      row.dataset.eventId = event.id;
      var time = el('td', timeText(event.timestamp));
      time.title = event.timestamp;
      row.appendChild(time);
      row.appendChild(el('td', actorLabel(event.actor)));
      row.appendChild(el('td', event.action));
      row.appendChild(el('td', resourceLabel(event.resource)));
      row.appendChild(el('td', event.outcome, 'outcome-' + event.outcome));
      row.appendChild(el('td', event.context && event.context.ip));
      row.addEventListener('click', function () { openDetail(event.id); });
      row.addEventListener('keydown', function (key) {
        if (key.key === 'Enter') { openDetail(event.id); }
      });
      tbody.appendChild(row);
    });
    var shown = page.events.length;
    document.getElementById('summary').textContent = state.total + (state.total === 1 ? ' event' : ' events')
      + (shown ? ' matching; showing ' + shown + ' on this page.' : ' matching.');
    document.getElementById('next-page').disabled = !page.next_cursor;
    document.getElementById('first-page').disabled = !state.cursor;
  }

  function actorLabel(actor) {
    if (!actor) { return ''; }
    return actor.name ? actor.name + ' (' + actor.id + ')' : actor.id;
  }

  function resourceLabel(resource) {
    if (!resource) { return ''; }
    var label = resource.type + ' ' + resource.id;
    return resource.name ? label + ' \u2014 ' + resource.name : label;
  }

  function openDetail(id) {
    request('events/' + encodeURIComponent(id)).then(function (event) {
      showError('');
      renderDetail(event);
    }).catch(function (error) {
      showError(error.message);
    });
  }

  function addField(list, name, value) {
    if (value === undefined || value === null || value === '') { return; }
    list.appendChild(el('dt', name));
    list.appendChild(el('dd', value));
  }

  function renderDetail(event) {
    state.detail = event;
    var section = document.getElementById('detail');
    document.getElementById('detail-id').textContent = event.id;
    var fields = document.getElementById('detail-fields');
    fields.replaceChildren();
    var error = event.error || {};
    var context = event.context || {};
    addField(fields, timeLabel(), timeText(event.timestamp));
    addField(fields, 'Organisation', event.organization_id);
    addField(fields, 'Actor', actorLabel(event.actor));
    addField(fields, 'Actor type', event.actor && event.actor.type);
    addField(fields, 'Actor email', event.actor && event.actor.email);
    addField(fields, 'Action', event.action);
    addField(fields, 'Resource', resourceLabel(event.resource));
    addField(fields, 'Outcome', event.outcome);
    addField(fields, 'Error', error.type);
    addField(fields, 'Error message', error.message);
    addField(fields, 'IP', context.ip);
    addField(fields, 'User agent', context.user_agent);
    addField(fields, 'Request id', context.request_id);
    var metadata = event.metadata || {};
    document.getElementById('detail-metadata').textContent = JSON.stringify(metadata, null, 2);
    renderChanges(metadata);
    loadProof(event.id);
    section.hidden = false;
    section.scrollIntoView({ block: 'nearest' });
  }

  // The mark says only what the server checked; the bundle lets the reader check it without the server.
  function loadProof(id) {
    var box = document.getElementById('detail-proof');
    box.hidden = true;
    box.dataset.state = 'loading';
    var url = new URL('events/' + encodeURIComponent(id) + '/proof', API);
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (notJson) { body = null; }
        if (!state.detail || state.detail.id !== id) { return; }
        if (response.status === 409 && body && body.sealed === false) {
          renderProof(box, 'unsealed', 'Not yet sealed', body.error, null, null);
        } else if (response.ok && body && body.sealed) {
          var check = body.verification || {};
          renderProof(box, check.verified ? 'verified' : 'failed',
            check.verified ? '\u2713 Verified' : '\u2717 Not verified' + (check.problem ? ': ' + check.problem : ''),
            'The server checked: ' + check.checked + (check.key_name ? ' (key ' + check.key_name + ').' : '.'), body,
            text);
        }
      });
    }).catch(function () { /* no proof endpoint or no network: the event is shown without a mark */ });
  }

  // The bundle is downloaded as the server sent it: re-encoding the event could change a number
  // in its metadata, and the offline verifier ignores the server's own "sealed" and "verification".
  function renderProof(box, kind, mark, checked, body, text) {
    var markNode = document.getElementById('proof-mark');
    markNode.textContent = mark;
    markNode.className = 'proof-mark ' + kind;
    document.getElementById('proof-checked').textContent = checked || '';
    var fields = document.getElementById('proof-fields');
    fields.replaceChildren();
    var checkpoint = document.getElementById('proof-checkpoint');
    var download = document.getElementById('proof-download');
    if (state.bundleUrl) {
      URL.revokeObjectURL(state.bundleUrl);
      state.bundleUrl = null;
    }
    if (body) {
      addField(fields, 'Leaf index', body.leaf_index);
      addField(fields, 'Tree size', body.tree_size);
      addField(fields, 'Path hashes', body.path.length);
      checkpoint.textContent = body.checkpoint;
      state.bundleUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      download.href = state.bundleUrl;
      download.download = 'audit-proof-' + body.event.id + '.json';
    }
    checkpoint.hidden = !body;
    download.hidden = !body;
    document.getElementById('proof-offline').hidden = !body;
    box.dataset.state = kind;
    box.hidden = false;
  }

  function renderChanges(metadata) {
    var box = document.getElementById('detail-changes');
    var body = box.querySelector('tbody');
    body.replaceChildren();
    var pair = CHANGE_PAIRS.find(function (names) {
      return Object.prototype.hasOwnProperty.call(metadata, names[0])
        && Object.prototype.hasOwnProperty.call(metadata, names[1]);
    });
    box.hidden = !pair;
    if (!pair) { return; }
    document.getElementById('changes-before').textContent = pair[0];
    document.getElementById('changes-after').textContent = pair[1];
    var before = asObject(metadata[pair[0]]);
    var after = asObject(metadata[pair[1]]);
    var keys = Object.keys(before).concat(Object.keys(after).filter(function (key) {
      return !Object.prototype.hasOwnProperty.call(before, key);
    }));
    keys.forEach(function (key) {
      var oldText = show(before[key]);
      var newText = show(after[key]);
      var row = el('tr', null, oldText === newText ? '' : 'changed');
      row.appendChild(el('td', key));
      row.appendChild(el('td', oldText));
      row.appendChild(el('td', newText));
      body.appendChild(row);
    });
  }

  function asObject(value) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) { return value; }
    return { value: value };
  }

  function show(value) {
    if (value === undefined) { return ''; }
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  // Storage can be refused (privacy settings, sandboxed frames); the toggle then lasts for the page.
  try { localTime.checked = window.localStorage.getItem(LOCAL_TIME_KEY) === 'true'; } catch (refused) { /* UTC */ }
  localTime.addEventListener('change', function () {
    try { window.localStorage.setItem(LOCAL_TIME_KEY, String(localTime.checked)); } catch (refused) { /* page only */ }
    if (state.page) { render(state.page); }
    if (state.detail && !document.getElementById('detail').hidden) { renderDetail(state.detail); }
  });
  form.addEventListener('submit', function (submit) {
    submit.preventDefault();
    load(null);
  });
  form.addEventListener('reset', function () {
    window.setTimeout(function () { load(null); }, 0);
  });
  document.getElementById('next-page').addEventListener('click', function () {
    if (state.next) { load(state.next); }
  });
  document.getElementById('first-page').addEventListener('click', function () { load(null); });
  document.getElementById('close-detail').addEventListener('click', function () {
    document.getElementById('detail').hidden = true;
  });

  // Streams: shown only when GET ../streams answers, that is to organisation admins of an
  // application with streams on. Writes carry the CSRF token that answer names, if any.
  var streamState = { csrfHeader: null, csrfToken: null };
  var STATE_LABELS = { healthy: 'Healthy', retrying: 'Retrying', paused: 'Paused', failing: 'Failing' };

  function streamsMessage(text) {
    document.getElementById('streams-message').textContent = text || '';
  }

  function streamsError(text) {
    var box = document.getElementById('streams-error');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function send(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (streamState.csrfHeader && streamState.csrfToken) { headers[streamState.csrfHeader] = streamState.csrfToken; }
    return fetch(new URL(path, API), { method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      var header = response.headers.get('Auditrail-Csrf-Header');
      if (header) {
        streamState.csrfHeader = header;
        streamState.csrfToken = response.headers.get('Auditrail-Csrf-Token');
      }
      return response.text().then(function (text) {
        var answer = null;
        try { answer = text ? JSON.parse(text) : null; } catch (notJson) { answer = null; }
        if (!response.ok) {
          var error = new Error(answer && answer.error ? answer.error
            : (response.status === 401 ? 'Your session has ended: sign in again.' : 'HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return answer;
      });
    });
  }

  function loadStreams() {
    return send('GET', 'streams').then(function (answer) {
      document.getElementById('streams').hidden = false;
      streamsError('');
      renderStreams(answer.streams || []);
    }).catch(function (error) {
      // 403: not an admin; 404: streams are off. Either way there is nothing to manage here.
      if (error.status === 403 || error.status === 404) {
        document.getElementById('streams').hidden = true;
      } else {
        streamsError(error.message);
      }
    });
  }

  function renderStreams(streams) {
    var body = document.querySelector('#stream-list tbody');
    body.replaceChildren();
    if (!streams.length) {
      var empty = el('tr');
      var cell = el('td', 'No streams yet.');
      cell.colSpan = 7;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
    streams.forEach(function (stream) {
      var row = el('tr');
      row.dataset.streamId = stream.id;
      row.appendChild(el('td', stream.name));
      row.appendChild(el('td', stream.destination + ' ' + stream.url));
      row.appendChild(el('td', stream.format));
      var state = el('td');
      state.appendChild(el('span', STATE_LABELS[stream.state] || stream.state, 'state state-' + stream.state));
      row.appendChild(state);
      row.appendChild(el('td', lagText(stream)));
      row.appendChild(el('td', stream.last_error ? stream.last_error
        + (stream.last_error_at ? ' (' + timeText(stream.last_error_at) + ')' : '') : ''));
      var actions = el('td', null, 'actions');
      actions.appendChild(streamButton('Test', 'test-stream', function () { testStream(stream); }));
      if (!stream.active) {
        actions.appendChild(streamButton('Resume', 'resume-stream', function () { act(stream, 'resume', 'resumed'); }));
      } else {
        actions.appendChild(streamButton('Pause', 'pause-stream', function () { act(stream, 'pause', 'paused'); }));
      }
      actions.appendChild(streamButton('Delete', 'delete-stream', function () { deleteStream(stream); }));
      row.appendChild(actions);
      body.appendChild(row);
    });
  }

  function lagText(stream) {
    if (!stream.lag_events) { return 'none'; }
    return stream.lag_events + (stream.lag_events === 1 ? ' event' : ' events') + ', oldest ' + stream.lag_seconds + ' s';
  }

  function streamButton(label, className, handler) {
    var button = el('button', label, className);
    button.type = 'button';
    button.addEventListener('click', handler);
    return button;
  }

  function streamPath(stream, action) {
    return 'streams/' + encodeURIComponent(stream.id) + (action ? '/' + action : '');
  }

  function testStream(stream) {
    streamsMessage('Sending a test event to ' + stream.name + '\u2026');
    send('POST', streamPath(stream, 'test')).then(function (result) {
      streamsError('');
      streamsMessage(result.delivered
        ? 'Test event delivered to ' + stream.name + ': HTTP ' + result.status + ' in ' + result.duration_ms + ' ms.'
        : 'Test event to ' + stream.name + ' failed: ' + (result.error || 'HTTP ' + result.status
          + (result.body ? ' ' + result.body : '')));
    }).catch(function (error) { streamsMessage(''); streamsError(error.message); });
  }

  function act(stream, action, done) {
    send('POST', streamPath(stream, action)).then(function () {
      streamsError('');
      streamsMessage('Stream ' + stream.name + ' ' + done + '.');
      return loadStreams();
    }).catch(function (error) { streamsError(error.message); });
  }

  function deleteStream(stream) {
    if (!window.confirm('Delete stream ' + stream.name + '? Events already sent stay with the destination.')) { return; }
    send('DELETE', streamPath(stream)).then(function () {
      streamsError('');
      streamsMessage('Stream ' + stream.name + ' deleted.');
      return loadStreams();
    }).catch(function (error) { streamsError(error.message); });
  }

  var streamForm = document.getElementById('stream-form');
  streamForm.addEventListener('submit', function (submit) {
    submit.preventDefault();
    var spec = {};
    ['name', 'destination', 'url', 'secret', 'format', 'backfill_from'].forEach(function (name) {
      var value = streamForm.elements[name].value.trim();
      if (value) { spec[name] = value; }
    });
    send('POST', 'streams', spec).then(function (created) {
      streamsError('');
      streamsMessage('Stream ' + created.name + ' created.');
      streamForm.reset();
      return loadStreams();
    }).catch(function (error) { streamsMessage(''); streamsError(error.message); });
  });
  document.getElementById('refresh-streams').addEventListener('click', function () { loadStreams(); });

  load(null);
  loadStreams();
}());
