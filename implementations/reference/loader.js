/*
 * Olark JavaScript API -- reference widget (conformance harness).
 *
 * Loaded by the unmodified async embed snippet. Replaces the snippet's stub
 * `window.olark` with the live API, replays the stub's queue and renders the
 * chat box. The only global created/replaced is `window.olark`.
 * See README.md for the boot model and behaviour decisions.
 */
(function () {
  'use strict';

  // Must be read synchronously while this script is evaluating.
  var currentScript = document.currentScript;

  var LIVE_MARK = Symbol.for('olark-ref.live');
  var PREFIX = 'olark: ';
  var PANEL_ID = 'olark-ref-panel';
  var MAX_ENTRY_LENGTH = 100;
  var CSS_TIMEOUT_MS = 10000;
  var COOKIE_NAME = 'hblid';                     // visitor id cookie (the name Olark uses)
  var COOKIE_MAX_AGE_S = 2 * 365 * 24 * 60 * 60; // about two years
  var VISITOR_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var MAX_TEXT_LENGTH = 4000;                    // backend limit for text fields
  var DEFAULT_NICKNAME = 'Operator';

  // ---------------------------------------------------------------- strings

  var DEFAULT_LOCALE = 'en-US';
  var STRINGS = {
    'en-US': {
      welcome_title: 'Chat with us',
      chat_input_text: 'Type a message...',
      send_button_text: 'Send',
      minimize_label: 'Minimize chat',
      input_label: 'Message',
      messages_label: 'Chat messages',
      away_message: "We're not around but please leave us a message",
      offline_form_label: 'Leave a message',
      name_input_text: 'Name',
      email_input_text: 'Email',
      offline_message_text: 'Message',
      offline_submit_text: 'Send',
      offline_note_error_text: 'Please enter your name, a valid email address and a message.',
      offline_note_thankyou_text: 'Thank you for your message.  We will get back to you as soon as we can.',
      unread_one: '1 unread message',
      unread_other: '{count} unread messages'
    },
    'de-DE': {
      welcome_title: 'Chatten Sie mit uns',
      chat_input_text: 'Nachricht eingeben...',
      send_button_text: 'Senden',
      minimize_label: 'Chat minimieren',
      input_label: 'Nachricht',
      messages_label: 'Chatnachrichten'
    },
    'es-ES': {
      welcome_title: 'Chatea con nosotros',
      chat_input_text: 'Escribe un mensaje...',
      send_button_text: 'Enviar',
      minimize_label: 'Minimizar chat',
      input_label: 'Mensaje',
      messages_label: 'Mensajes del chat'
    },
    'fr-FR': {
      welcome_title: 'Discutez avec nous',
      chat_input_text: 'Saisissez un message...',
      send_button_text: 'Envoyer',
      minimize_label: 'Réduire le chat',
      input_label: 'Message',
      messages_label: 'Messages du chat'
    },
    'it-IT': {
      welcome_title: 'Chatta con noi',
      chat_input_text: 'Scrivi un messaggio...',
      send_button_text: 'Invia',
      minimize_label: 'Riduci la chat',
      input_label: 'Messaggio',
      messages_label: 'Messaggi della chat'
    },
    'nl-NL': {
      welcome_title: 'Chat met ons',
      chat_input_text: 'Typ een bericht...',
      send_button_text: 'Verzenden',
      minimize_label: 'Chat minimaliseren',
      input_label: 'Bericht',
      messages_label: 'Chatberichten'
    },
    'pt-BR': {
      welcome_title: 'Converse conosco',
      chat_input_text: 'Digite uma mensagem...',
      send_button_text: 'Enviar',
      minimize_label: 'Minimizar chat',
      input_label: 'Mensagem',
      messages_label: 'Mensagens do chat'
    },
    'ru-RU': {
      welcome_title: 'Напишите нам',
      chat_input_text: 'Введите сообщение...',
      send_button_text: 'Отправить',
      minimize_label: 'Свернуть чат',
      input_label: 'Сообщение',
      messages_label: 'Сообщения чата'
    },
    'sv-SE': {
      welcome_title: 'Chatta med oss',
      chat_input_text: 'Skriv ett meddelande...',
      send_button_text: 'Skicka',
      minimize_label: 'Minimera chatten',
      input_label: 'Meddelande',
      messages_label: 'Chattmeddelanden'
    },
    'tr-TR': {
      welcome_title: 'Bizimle sohbet edin',
      chat_input_text: 'Bir mesaj yazın...',
      send_button_text: 'Gönder',
      minimize_label: 'Sohbeti küçült',
      input_label: 'Mesaj',
      messages_label: 'Sohbet mesajları'
    },
    'zh-CN': {
      welcome_title: '与我们聊天',
      chat_input_text: '输入消息...',
      send_button_text: '发送',
      minimize_label: '最小化聊天',
      input_label: '消息',
      messages_label: '聊天消息'
    }
  };

  // ---------------------------------------------------------------- helpers

  function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  // Printable form of an arbitrary value for warnings; never throws.
  function describe(value) {
    if (typeof value === 'string') return '"' + value + '"';
    if (typeof value === 'number') return String(value); // NaN, Infinity: not JSON null
    try {
      if (typeof value === 'function') return 'function';
      if (typeof value === 'symbol') return value.toString();
      if (value === undefined) return 'undefined';
      var json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      try { return String(value); } catch (e2) { return Object.prototype.toString.call(value); }
    }
  }

  function warn(msg) { console.warn(PREFIX + msg); }
  function error(msg) { console.error(PREFIX + msg); }

  function report(e) {
    try {
      if (typeof window.reportError === 'function') {
        window.reportError(e);
        return;
      }
    } catch (ignored) { /* fall through */ }
    console.error(PREFIX + 'error in callback:', e);
  }

  // Invoke a site-supplied callback; an exception is reported, never rethrown.
  function safeCall(fn, args) {
    try {
      fn.apply(undefined, args || []);
    } catch (e) {
      report(e);
    }
  }

  // Normalise one queued entry (arguments object or Array) into a real Array,
  // or return null if it is malformed.
  function normalizeEntry(entry) {
    if (entry === null || typeof entry !== 'object') return null;
    var len;
    try { len = entry.length; } catch (e) { return null; }
    if (typeof len !== 'number' || !Number.isInteger(len) || len < 1 || len > MAX_ENTRY_LENGTH) return null;
    var out = [];
    for (var i = 0; i < len; i++) out.push(entry[i]);
    if (typeof out[0] !== 'string') return null;
    return out;
  }

  function isTrue(v) {
    return v === true || v === 'true' || v === 1;
  }

  // ---------------------------------------------------------------- find stub

  var existing = window.olark;
  if (existing && existing[LIVE_MARK]) {
    return; // second run of the loader: the live API is already installed
  }
  var stubState = existing ? existing._ : undefined;
  if (!existing || stubState === null || typeof stubState !== 'object') {
    error('no embed snippet found (window.olark with the `_` queue is missing); ' +
      'the widget will not load. Add the Olark embed snippet before this loader.');
    return;
  }

  // ---------------------------------------------------------------- state

  var config = Object.create(null);      // configure() values
  var settings = Object.create(null);    // the site's dashboard defaults (POST page `settings`)
  var localeOverrides = Object.create(null); // locale.* configure values
  var extensions = Object.create(null);  // extend() registrations
  var siteId = null;

  // phase: 'loading' (queued configure/identify) -> 'booting' (site id known,
  // stylesheet loading; configure still applies) -> 'ready'; or 'dead' (no site id)
  var phase = 'loading';
  var pendingLive = [];                  // live api calls made before ready

  var box = { shown: true, expanded: false };
  var currentLocale = DEFAULT_LOCALE;
  var callbacks = {
    show: [], hide: [], expand: [], shrink: [], ready: [],
    available: [], away: [], begin: [], toOperator: [], toVisitor: [], command: [], offline: []
  };

  // Conversation state (see README "Chat and backend").
  var chat = {
    available: false,        // an operator is available for this visitor
    nickname: null,          // the operator who would answer (presence)
    lastNickname: null,      // nickname of the last operator message shown
    begun: false,            // the conversation has at least one message
    unread: 0,               // operator messages received while not expanded
    lastSeq: 0,              // highest stream sequence number handled
    offlineSent: false,      // the offline form was submitted on this page
    stream: null             // the EventSource
  };
  var backend = null;        // { base: '<origin>/olark/v1/sites/{site}/visitors/{visitor}/' }
  var session = false;       // POST page succeeded: the backend knows this visitor

  var ui = null; // DOM references once rendered
  var look = null; // appearance decided at render (see appearance())

  // ---------------------------------------------------------------- strings

  function str(key) {
    if (hasOwn(localeOverrides, key)) return localeOverrides[key];
    var table = STRINGS[currentLocale] || STRINGS[DEFAULT_LOCALE];
    return hasOwn(table, key) ? table[key] : STRINGS[DEFAULT_LOCALE][key];
  }

  function applyStrings() {
    if (!ui) return;
    ui.root.setAttribute('lang', currentLocale);
    var title = str('welcome_title');
    ui.launcherLabel.textContent = title;
    if (ui.grabber) ui.grabber.setAttribute('alt', title);
    ui.panel.setAttribute('aria-label', title);
    ui.title.textContent = title;
    ui.minimize.setAttribute('aria-label', str('minimize_label'));
    ui.messages.setAttribute('aria-label', str('messages_label'));
    ui.input.setAttribute('placeholder', str('chat_input_text'));
    ui.input.setAttribute('aria-label', str('input_label'));
    ui.send.textContent = str('send_button_text');
    ui.offline.setAttribute('aria-label', str('offline_form_label'));
    ui.away.textContent = str('away_message');
    ui.nameLabel.textContent = str('name_input_text');
    ui.emailLabel.textContent = str('email_input_text');
    ui.messageLabel.textContent = str('offline_message_text');
    ui.offlineSubmit.textContent = str('offline_submit_text');
    ui.offlineError.textContent = str('offline_note_error_text');
    ui.thanks.textContent = str('offline_note_thankyou_text');
    syncUnread();
  }

  // Returns true if the locale was accepted.
  function setLocale(locale, source) {
    if (typeof locale !== 'string' || !hasOwn(STRINGS, locale)) {
      warn('unsupported locale ' + describe(locale) + ' in ' + source +
        '; keeping ' + currentLocale + '. Supported: ' + Object.keys(STRINGS).join(', '));
      return false;
    }
    currentLocale = locale;
    applyStrings();
    return true;
  }

  // ---------------------------------------------------------------- box state

  function syncBox() {
    if (!ui) return;
    ui.root.hidden = !box.shown || mobileBlocked();
    ui.root.classList.toggle('olark-ref--expanded', box.expanded);
    ui.launcher.hidden = box.expanded || look.inline;
    ui.panel.hidden = !box.expanded;
    // The Attention Grabber shows only while the box is shown and shrunk.
    if (ui.grabberButton) ui.grabberButton.hidden = box.expanded || look.inline;
    ui.launcher.setAttribute('aria-expanded', box.expanded ? 'true' : 'false');
    if (box.shown && box.expanded && chat.unread !== 0) {
      chat.unread = 0; // the visitor can see the conversation
      syncUnread();
    }
  }

  function syncUnread() {
    if (!ui) return;
    var n = chat.unread;
    ui.unread.hidden = n === 0;
    ui.unread.textContent = String(n);
    var unreadText = n === 1 ? str('unread_one') : str('unread_other').split('{count}').join(String(n));
    ui.unread.setAttribute('aria-label', unreadText);
    // The visible label may be hidden (icon-only launcher): the name comes from aria-label,
    // which therefore also carries the unread count.
    ui.launcher.setAttribute('aria-label', str('welcome_title') + (n === 0 ? '' : ', ' + unreadText));
  }

  // Online: message list + chat input. Offline: message list + offline form
  // (or its thank-you text once sent on this page).
  function syncMode() {
    if (!ui) return;
    ui.root.classList.toggle('olark-ref--offline', !chat.available);
    ui.form.hidden = !chat.available;
    ui.offline.hidden = chat.available || chat.offlineSent;
    ui.thanks.hidden = chat.available || !chat.offlineSent;
    syncGrabberImage();
  }

  // The Attention Grabber image follows presence: online image while an operator is
  // available, offline image while all are away.
  function syncGrabberImage() {
    if (!ui || !ui.grabber) return;
    var src = chat.available ? look.grabber.online : look.grabber.offline;
    if (ui.grabber.getAttribute('src') !== src) ui.grabber.setAttribute('src', src);
  }

  // makeEvent (optional) builds a fresh event object for each callback.
  function fire(list, makeEvent) {
    var snapshot = list.slice();
    for (var i = 0; i < snapshot.length; i++) {
      safeCall(snapshot[i], [makeEvent ? makeEvent() : {}]);
    }
  }

  function boxShow() {
    if (box.shown) return;
    box.shown = true;
    syncBox();
    fire(callbacks.show);
  }

  function boxHide() {
    if (!box.shown) return;
    box.shown = false;
    syncBox();
    fire(callbacks.hide);
  }

  function boxExpand() {
    boxShow();
    if (box.expanded) return;
    box.expanded = true;
    syncBox();
    fire(callbacks.expand);
  }

  function boxShrink() {
    if (!box.expanded) return;
    if (look && look.inline) return; // an inline chatbox is always expanded
    box.expanded = false;
    syncBox();
    fire(callbacks.shrink);
  }

  function register(kind, name) {
    return function (fn) {
      if (typeof fn !== 'function') {
        warn(name + ' expects a function, got ' + describe(fn) + '; ignored');
        return;
      }
      callbacks[kind].push(fn);
    };
  }

  function onReady(fn) {
    if (typeof fn !== 'function') {
      warn('api.chat.onReady expects a function, got ' + describe(fn) + '; ignored');
      return;
    }
    if (phase === 'ready') {
      safeCall(fn, []);
    } else {
      callbacks.ready.push(fn);
    }
  }

  function markReady() {
    phase = 'ready';
    var list = callbacks.ready;
    callbacks.ready = [];
    for (var i = 0; i < list.length; i++) safeCall(list[i], []);
  }

  // ---------------------------------------------------------------- backend

  function loaderUrl() {
    if (currentScript && currentScript.src) return currentScript.src;
    if (typeof stubState.l === 'string' && stubState.l !== '') {
      return '//' + stubState.l.replace(/^(https?:)?\/\//, '');
    }
    return null;
  }

  function readCookie(name) {
    var all;
    try { all = document.cookie; } catch (e) { return null; }
    var parts = typeof all === 'string' ? all.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (eq !== -1 && parts[i].slice(0, eq).trim() === name) return parts[i].slice(eq + 1).trim();
    }
    return null;
  }

  function newVisitorId() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (e) { /* insecure context: fall through */ }
    }
    var bytes = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') {
      c.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  // The visitor id lives in a first-party cookie so reloads and other pages of the
  // site continue the same visitor and conversation.
  function visitorId() {
    var id = readCookie(COOKIE_NAME);
    if (id !== null && VISITOR_ID_RE.test(id)) return id;
    id = newVisitorId();
    try {
      document.cookie = COOKIE_NAME + '=' + id + '; path=/; max-age=' + COOKIE_MAX_AGE_S +
        '; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    } catch (e) {
      warn('could not store the visitor id cookie; the conversation will not survive a reload');
    }
    return id;
  }

  // ---------------------------------------------------------------- request queue

  // Every backend request (POST page, sends, visitor updates, GET details) runs through
  // one queue, so requests issued in sequence by the page reach the backend in that
  // order (an update followed by getDetails reports the update). A request starts when
  // the previous one has settled; when the queue is idle it starts synchronously, so a
  // send right before a navigation is still on its way. A failed request does not stop
  // the queue, and a request that hangs only holds it for REQUEST_STEP_TIMEOUT_MS.
  // Never enqueue from inside a queued request while waiting for it: nothing does.
  var REQUEST_STEP_TIMEOUT_MS = 10000;
  var requests = { running: false, waiting: [] };

  // start() returns a promise of { ok, ... }; serial() resolves with its result (never rejects).
  function serial(start) {
    return new Promise(function (resolve) {
      requests.waiting.push({ start: start, resolve: resolve });
      if (!requests.running) nextRequest();
    });
  }

  function runJob(job, after) {
    var settled = false;
    var timer = null;
    function advance() {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      if (after) after();
    }
    var started;
    try {
      started = Promise.resolve(job.start());
    } catch (e) {
      started = Promise.resolve({ ok: false, problem: String(e) });
    }
    started.then(function (r) {
      job.resolve(r);
      advance();
    }, function (e) {
      job.resolve({ ok: false, problem: e && e.message ? e.message : String(e) });
      advance();
    });
    if (after) timer = setTimeout(advance, REQUEST_STEP_TIMEOUT_MS);
  }

  function nextRequest() {
    var job = requests.waiting.shift();
    if (!job) {
      requests.running = false;
      return;
    }
    requests.running = true;
    runJob(job, nextRequest);
  }

  // The page is going away: start everything still waiting now (in order, keepalive),
  // rather than lose it behind a request in flight.
  try {
    window.addEventListener('pagehide', function () {
      while (requests.waiting.length !== 0) runJob(requests.waiting.shift(), null);
    });
  } catch (e) { /* no window events: requests simply stay in order */ }

  // One request to the visitor's backend URL. Never rejects: resolves
  // { ok: true, data } or { ok: false, problem }.
  function request(method, path, payload, keepalive) {
    if (backend === null) return Promise.resolve({ ok: false, problem: 'no backend' });
    var url = backend.base + path;
    var init = method === 'GET'
      ? { method: 'GET', cache: 'no-store' } // values change over time: never from a cache
      : {
        method: method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
        // Sends still complete if the page navigates away right after the call.
        keepalive: !!keepalive
      };
    var started;
    try {
      started = fetch(url, init);
    } catch (e) {
      return Promise.resolve({ ok: false, problem: String(e) });
    }
    return started.then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text === '' ? null : JSON.parse(text); } catch (e) { data = null; }
        if (res.ok) return { ok: true, data: data };
        var detail = data && typeof data.error === 'string' ? data.error : text;
        return { ok: false, problem: 'HTTP ' + res.status + ': ' + detail };
      });
    }).catch(function (e) {
      return { ok: false, problem: e && e.message ? e.message : String(e) };
    });
  }

  // POST JSON, in turn (see serial).
  function post(path, payload, keepalive) {
    return serial(function () { return request('POST', path, payload, keepalive); });
  }

  // GET, in turn (see serial).
  function get(path) {
    return serial(function () { return request('GET', path, null, false); });
  }

  // Fire-and-forget POST; a failure is logged (naming the API call, if any).
  function send(path, payload, callName) {
    return post(path, payload, true).then(function (r) {
      if (!r.ok) warn((callName ? callName + ': ' : '') + 'POST ' + path + ' failed (' + r.problem + ')');
      return r;
    });
  }

  // POST page: resolves the answer's data, or null (logged once with console.error).
  function postPage() {
    var group = config['system.group'];
    try {
      var base = new URL('../olark/v1/', new URL(loaderUrl() || '/jsclient/loader.js', document.baseURI));
      backend = {
        base: new URL('sites/' + encodeURIComponent(siteId) + '/visitors/' +
          encodeURIComponent(visitorId()) + '/', base).href
      };
    } catch (e) {
      error('could not work out the chat backend URL (' + e + '); starting offline');
      return Promise.resolve(null);
    }
    var referrer = '';
    try { referrer = typeof document.referrer === 'string' ? document.referrer : ''; } catch (e) { referrer = ''; }
    var payload = { url: location.href, title: document.title, referrer: referrer };
    if (typeof group === 'string' && group !== '') {
      payload.group = group;
    } else if (group !== undefined) {
      warn('configure "system.group" expects a non-empty group id string, got ' + describe(group) + '; ignored');
    }
    return post('page', payload, false).then(function (r) {
      var d = r.ok ? r.data : null;
      if (!r.ok || d === null || typeof d !== 'object' || typeof d.available !== 'boolean') {
        error('could not reach the chat backend (POST page: ' +
          (r.ok ? 'unexpected answer ' + describe(d) : r.problem) + '); starting offline');
        return null;
      }
      session = true;
      return d;
    });
  }

  // ---------------------------------------------------------------- chat

  function nonEmptyString(v) {
    return typeof v === 'string' && v !== '';
  }

  // Returns options.body if options is {body: non-empty string}, else warns and returns null.
  function bodyOption(name, options) {
    if (options !== null && typeof options === 'object' && nonEmptyString(options.body)) {
      return options.body;
    }
    warn(name + ' expects {body: string} with a non-empty body, got ' + describe(options) + '; ignored');
    return null;
  }

  function applyPresence(p) {
    if (p === null || typeof p !== 'object' || typeof p.available !== 'boolean') {
      warn('ignoring malformed presence ' + describe(p));
      return;
    }
    chat.nickname = nonEmptyString(p.nickname) ? p.nickname : null;
    if (p.available === chat.available) return;
    chat.available = p.available;
    syncMode();
    if (phase === 'ready') fire(chat.available ? callbacks.available : callbacks.away);
  }

  function beginConversation() {
    if (chat.begun) return;
    chat.begun = true;
    fire(callbacks.begin);
  }

  function countUnread() {
    if (box.shown && box.expanded) return;
    chat.unread++;
    syncUnread();
  }

  // An operator message is shown: from the stream or from api.chat.sendMessageToVisitor.
  function operatorMessage(body, nickname) {
    chat.lastNickname = nickname;
    appendOperatorMessage(nickname, body);
    countUnread();
    beginConversation();
    fire(callbacks.toVisitor, function () { return { message: { body: body, nickname: nickname } }; });
  }

  // The visitor typed a message (chat input).
  function sendToOperator(text) {
    appendVisitorMessage(text);
    send('messages', { body: text });
    beginConversation();
    fire(callbacks.toOperator, function () { return { message: { body: text } }; });
  }

  // The visitor submitted the offline form with valid fields.
  function sendOfflineMessage(name, email, body) {
    send('offline-messages', { name: name, email: email, body: body });
    chat.offlineSent = true;
    syncMode();
    fire(callbacks.offline, function () {
      return { message: { body: body, name: name, email: email } };
    });
  }

  // Restored conversation from POST page: rendered, no callbacks.
  function restoreTranscript(lines) {
    if (!Array.isArray(lines)) return;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line === null || typeof line !== 'object' || typeof line.body !== 'string') continue;
      if (line.kind === 'message') chat.begun = true;
      if (line.kind === 'message' && line.direction === 'to_operator') {
        appendVisitorMessage(line.body);
      } else if (line.kind === 'message' && line.direction === 'to_visitor') {
        var nick = nonEmptyString(line.author) ? line.author : DEFAULT_NICKNAME;
        chat.lastNickname = nick;
        appendOperatorMessage(nick, line.body);
      } else if (line.kind === 'notification' && line.direction === 'to_visitor') {
        appendNotification(line.body);
      }
      // Commands and notifications to operators are never shown to the visitor.
    }
  }

  // Returns the parsed data of a stream event, or null if it was already handled or
  // is malformed. Presence is state, not history: it is applied every time.
  function streamData(ev, dedupe) {
    var seq = ev.lastEventId === '' ? NaN : Number(ev.lastEventId);
    if (dedupe && Number.isFinite(seq) && seq <= chat.lastSeq) return null;
    var data;
    try { data = JSON.parse(ev.data); } catch (e) { data = undefined; }
    if (Number.isFinite(seq) && seq > chat.lastSeq) chat.lastSeq = seq;
    if (data === null || typeof data !== 'object') {
      warn('ignoring malformed ' + ev.type + ' event ' + describe(ev.data));
      return null;
    }
    return data;
  }

  function guarded(fn) {
    return function (ev) {
      try {
        fn(ev);
      } catch (e) {
        console.error(PREFIX + 'internal error handling a ' + ev.type + ' event:', e);
      }
    };
  }

  function openStream() {
    if (typeof window.EventSource !== 'function') {
      warn('EventSource is not available; operator messages will not arrive');
      return;
    }
    var source = new EventSource(backend.base + 'events?after=' + chat.lastSeq);
    chat.stream = source;
    source.addEventListener('presence', guarded(function (ev) {
      var d = streamData(ev, false);
      if (d) applyPresence(d);
    }));
    source.addEventListener('message', guarded(function (ev) {
      var d = streamData(ev, true);
      if (!d) return;
      if (typeof d.body !== 'string') {
        warn('ignoring message event without a body ' + describe(ev.data));
        return;
      }
      operatorMessage(d.body, nonEmptyString(d.nickname) ? d.nickname : DEFAULT_NICKNAME);
    }));
    source.addEventListener('notification', guarded(function (ev) {
      var d = streamData(ev, true);
      if (!d) return;
      if (typeof d.body !== 'string') {
        warn('ignoring notification event without a body ' + describe(ev.data));
        return;
      }
      appendNotification(d.body);
    }));
    source.addEventListener('command', guarded(function (ev) {
      var d = streamData(ev, true);
      if (!d) return;
      var cmd = {
        name: typeof d.name === 'string' ? d.name : '',
        body: typeof d.body === 'string' ? d.body : ''
      };
      fire(callbacks.command, function () { return { command: { name: cmd.name, body: cmd.body } }; });
    }));
    source.addEventListener('error', function () {
      // The browser reconnects by itself (sending Last-Event-ID) unless it gave up.
      if (source.readyState === 2 && chat.stream === source) {
        chat.stream = null;
        warn('the chat event stream closed; operator messages will not arrive until the page is reloaded');
      }
    });
  }

  function chatRegister(kind, name) {
    return function (fn) {
      if (typeof fn !== 'function') {
        warn(name + ' expects a function, got ' + describe(fn) + '; ignored');
        return;
      }
      callbacks[kind].push(fn);
    };
  }

  function sendMessageToVisitor(options) {
    var body = bodyOption('api.chat.sendMessageToVisitor', options);
    if (body === null) return;
    var nickname = chat.nickname || chat.lastNickname || DEFAULT_NICKNAME;
    send('messages-to-visitor', { body: body, kind: 'message' });
    operatorMessage(body, nickname);
  }

  function sendNotificationToVisitor(options) {
    var body = bodyOption('api.chat.sendNotificationToVisitor', options);
    if (body === null) return;
    appendNotification(body);
    send('messages-to-visitor', { body: body, kind: 'notification' });
  }

  function sendNotificationToOperator(options) {
    var body = bodyOption('api.chat.sendNotificationToOperator', options);
    if (body === null) return;
    send('notifications', { body: body });
  }

  function setOperatorGroup(options) {
    if (options === null || typeof options !== 'object' || !nonEmptyString(options.group)) {
      warn('api.chat.setOperatorGroup expects {group: string} with a non-empty group id, got ' +
        describe(options) + '; ignored');
      return;
    }
    send('group', { group: options.group }).then(function (r) {
      if (r.ok) applyPresence(r.data);
    });
  }

  // ---------------------------------------------------------------- visitor

  function isOptions(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function isPlainObject(v) {
    if (!isOptions(v)) return false;
    var proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
  }

  // GET details, then callback(details), always asynchronously. No session or a failed
  // request: a warning and no callback. Every call asks the backend (no cache).
  function getDetails(callback) {
    var name = 'api.visitor.getDetails';
    if (typeof callback !== 'function') {
      warn(name + ' expects a function, got ' + describe(callback) + '; ignored');
      return;
    }
    if (!session) {
      warn(name + ': the widget has no chat backend session (it could not reach the backend at load); ' +
        'the callback will not be called');
      return;
    }
    get('details').then(function (r) {
      if (!r.ok) {
        warn(name + ': GET details failed (' + r.problem + '); the callback will not be called');
        return;
      }
      if (!isOptions(r.data)) {
        warn(name + ': unexpected answer ' + describe(r.data) + '; the callback will not be called');
        return;
      }
      safeCall(callback, [r.data]);
    });
  }

  // updateFullName / updateEmailAddress / updatePhoneNumber: {key: string} -> POST details {key}.
  function detailUpdate(name, key) {
    return function (options) {
      var value = isOptions(options) ? options[key] : undefined;
      if (typeof value !== 'string') {
        warn(name + ' expects {' + key + ': string}, got ' + describe(options) + '; ignored');
        return;
      }
      var payload = {};
      payload[key] = value;
      send('details', payload, name);
    };
  }

  function updateCustomFields(fields) {
    var name = 'api.visitor.updateCustomFields';
    if (!isPlainObject(fields)) {
      warn(name + ' expects an object of custom fields, got ' + describe(fields) + '; ignored');
      return;
    }
    var copy = Object.create(null);
    var keys = Object.keys(fields);
    for (var i = 0; i < keys.length; i++) {
      if (keys[i].trim() === '') {
        warn(name + ': custom field name ' + describe(keys[i]) + ' is blank; the call is ignored');
        return;
      }
      var value = fields[keys[i]];
      var t = typeof value;
      if (!(value === null || t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(value)))) {
        warn(name + ': custom field ' + describe(keys[i]) + ' has the value ' + describe(value) +
          '; values must be strings, finite numbers, booleans or null; the call is ignored');
        return;
      }
      copy[keys[i]] = value;
    }
    send('details', { customFields: copy }, name);
  }

  function updateVisitorNickname(options) {
    var name = 'api.chat.updateVisitorNickname';
    if (!isOptions(options) || typeof options.snippet !== 'string' ||
        (options.hidesDefault !== undefined && typeof options.hidesDefault !== 'boolean')) {
      warn(name + ' expects {snippet: string, hidesDefault?: boolean}, got ' + describe(options) + '; ignored');
      return;
    }
    var payload = { snippet: options.snippet };
    if (options.hidesDefault !== undefined) payload.hidesDefault = options.hidesDefault;
    send('nickname', payload, name);
  }

  // A snippet is a string or an array of strings; returns a copy, or undefined if bad.
  function statusSnippet(v) {
    if (typeof v === 'string') return v;
    if (!Array.isArray(v)) return undefined;
    var out = [];
    for (var i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'string') return undefined;
      out.push(v[i]);
    }
    return out;
  }

  // {snippet: string | [string]}; a bare string or array (a common mistake) is the snippet.
  function updateVisitorStatus(options) {
    var name = 'api.chat.updateVisitorStatus';
    var snippet = isOptions(options) ? statusSnippet(options.snippet) : statusSnippet(options);
    if (snippet === undefined) {
      warn(name + ' expects {snippet: string or array of strings}, got ' + describe(options) + '; ignored');
      return;
    }
    send('status', { snippet: snippet }, name);
  }

  // ---------------------------------------------------------------- configure / identify / extend

  function doConfigure(key, value) {
    if (typeof key !== 'string' || key === '') {
      warn('configure expects a string key, got ' + describe(key) + '; ignored');
      return;
    }
    var isLocaleKey = key.indexOf('locale.') === 0;
    if (isLocaleKey && typeof value !== 'string') {
      warn('configure ' + describe(key) + ' expects a string, got ' + describe(value) + '; ignored');
      return;
    }
    config[key] = value;
    if (isLocaleKey) {
      localeOverrides[key.slice('locale.'.length)] = value;
      applyStrings(); // no-op before render; updates text afterwards
      return;
    }
    if (phase === 'ready' || phase === 'dead') {
      warn('configure ' + describe(key) + ' after the widget has loaded is stored but only applies at load');
    }
  }

  function doIdentify(id) {
    if (typeof id !== 'string' || id === '') {
      warn('identify expects a non-empty site id string, got ' + describe(id) + '; ignored');
      return;
    }
    if (phase === 'loading' && siteId === null) {
      siteId = id;
      return;
    }
    if (id === siteId) return;
    if (phase === 'loading') {
      warn('identify called again with a different site id ' + describe(id) +
        ' (was ' + describe(siteId) + '); using the last one');
      siteId = id;
      return;
    }
    warn('identify ' + describe(id) + ' ignored: ' + (siteId === null
      ? 'the widget did not load because no site id was identified at load'
      : 'the widget is already loaded for site id ' + describe(siteId)));
  }

  function doExtend(name, fn) {
    if (typeof name !== 'string' || name === '') {
      warn('extend expects a string name, got ' + describe(name) + '; ignored');
      return;
    }
    // Legacy pages call olark.extend('GoogleAnalytics') with no function to switch on a
    // built-in extension; that form is accepted silently (a name, nothing to run).
    if (fn !== undefined && typeof fn !== 'function') {
      warn('extend ' + describe(name) + ' expects a function, got ' + describe(fn) + '; ignored');
      return;
    }
    extensions[name] = fn || null;
  }

  // ---------------------------------------------------------------- dispatch

  var API = Object.create(null);
  API['api.box.show'] = function () { boxShow(); };
  API['api.box.hide'] = function () { boxHide(); };
  API['api.box.expand'] = function () { boxExpand(); };
  API['api.box.shrink'] = function () { boxShrink(); };
  API['api.box.setLocale'] = function (locale) { setLocale(locale, 'api.box.setLocale'); };
  API['api.box.onShow'] = register('show', 'api.box.onShow');
  API['api.box.onHide'] = register('hide', 'api.box.onHide');
  API['api.box.onExpand'] = register('expand', 'api.box.onExpand');
  API['api.box.onShrink'] = register('shrink', 'api.box.onShrink');
  API['api.chat.onReady'] = onReady;
  API['api.chat.onOperatorsAvailable'] = chatRegister('available', 'api.chat.onOperatorsAvailable');
  API['api.chat.onOperatorsAway'] = chatRegister('away', 'api.chat.onOperatorsAway');
  API['api.chat.onBeginConversation'] = chatRegister('begin', 'api.chat.onBeginConversation');
  API['api.chat.onMessageToOperator'] = chatRegister('toOperator', 'api.chat.onMessageToOperator');
  API['api.chat.onMessageToVisitor'] = chatRegister('toVisitor', 'api.chat.onMessageToVisitor');
  API['api.chat.onCommandFromOperator'] = chatRegister('command', 'api.chat.onCommandFromOperator');
  API['api.chat.onOfflineMessageToOperator'] =
    chatRegister('offline', 'api.chat.onOfflineMessageToOperator');
  API['api.chat.sendMessageToVisitor'] = sendMessageToVisitor;
  API['api.chat.sendNotificationToVisitor'] = sendNotificationToVisitor;
  API['api.chat.sendNotificationToOperator'] = sendNotificationToOperator;
  API['api.chat.setOperatorGroup'] = setOperatorGroup;
  API['api.chat.updateVisitorNickname'] = updateVisitorNickname;
  API['api.chat.updateVisitorStatus'] = updateVisitorStatus;
  API['api.visitor.getDetails'] = getDetails;
  API['api.visitor.updateFullName'] = detailUpdate('api.visitor.updateFullName', 'fullName');
  API['api.visitor.updateEmailAddress'] = detailUpdate('api.visitor.updateEmailAddress', 'emailAddress');
  API['api.visitor.updatePhoneNumber'] = detailUpdate('api.visitor.updatePhoneNumber', 'phoneNumber');
  API['api.visitor.updateCustomFields'] = updateCustomFields;

  // Names handled without waiting for the widget to be ready.
  var LOAD_CALLS = Object.create(null);
  LOAD_CALLS.configure = doConfigure;
  LOAD_CALLS.identify = doIdentify;

  // Execute one call now (widget ready).
  function execute(name, args) {
    if (typeof name === 'string' && hasOwn(LOAD_CALLS, name)) {
      LOAD_CALLS[name].apply(undefined, args);
    } else if (name === 'extend') {
      doExtend(args[0], args[1]);
    } else if (typeof name === 'string' && hasOwn(API, name)) {
      API[name].apply(undefined, args);
    } else {
      warn('unknown API call ' + describe(name));
    }
  }

  // Entry point for every live call.
  function call(name, args) {
    try {
      if (typeof name === 'string' && hasOwn(LOAD_CALLS, name)) {
        LOAD_CALLS[name].apply(undefined, args);
        return;
      }
      if (phase === 'ready') {
        execute(name, args);
      } else if (phase === 'dead') {
        if (name === 'extend' || (typeof name === 'string' && hasOwn(API, name))) {
          warn('call ' + describe(name) + ' ignored: the widget did not load (no site id)');
        } else {
          warn('unknown API call ' + describe(name));
        }
      } else {
        pendingLive.push([name].concat(args));
      }
    } catch (e) {
      // Internal failure; olark(...) must never throw.
      console.error(PREFIX + 'internal error handling ' + describe(name) + ':', e);
    }
  }

  // ---------------------------------------------------------------- live API

  var live = function olark(name) {
    call(name, Array.prototype.slice.call(arguments, 1));
  };
  live.configure = function configure(key, value) { call('configure', [key, value]); };
  live.identify = function identify(id) { call('identify', [id]); };
  live.extend = function extend(name, fn) { call('extend', [name, fn]); };
  live._ = stubState;
  Object.defineProperty(live, LIVE_MARK, { value: true });

  // ---------------------------------------------------------------- queue

  var rawQueue = stubState.s;
  var queue = [];
  var rawLength = 0;
  if (rawQueue !== undefined && rawQueue !== null) {
    try { rawLength = rawQueue.length; } catch (e) { rawLength = NaN; }
    if (typeof rawLength !== 'number' || !Number.isInteger(rawLength) || rawLength < 0) {
      warn('ignoring malformed call queue olark._.s');
      rawLength = 0;
    }
  }
  for (var qi = 0; qi < rawLength; qi++) {
    var raw;
    try { raw = rawQueue[qi]; } catch (e) { raw = undefined; }
    var entry = normalizeEntry(raw);
    if (entry === null) {
      warn('ignoring malformed queued call #' + qi + ': ' + describe(raw));
      continue;
    }
    queue.push(entry);
  }

  window.olark = live;

  // ---------------------------------------------------------------- appearance

  // Effective configuration: the site's settings (from POST page), overridden key by key
  // by the page's own configure values.
  function eff(key) {
    if (hasOwn(config, key)) return config[key];
    if (hasOwn(settings, key)) return settings[key];
    return undefined;
  }

  // Where an effective value came from, for warnings.
  function origin(key) {
    return (hasOwn(config, key) ? 'configure ' : 'site setting ') + describe(key);
  }

  var HEX_RE = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var DARK_TEXT = '#1d2329';
  var DEFAULT_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  var GENERIC_FONTS = ['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui',
    'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong'];
  var SIZES = ['sm', 'md', 'lg', 'dr'];
  var MOBILE_MAX_WIDTH = 600; // a viewport narrower than this is "mobile"

  function hexRgb(hex) {
    var h = hex.slice(1);
    if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
    return [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // Text colour with the better contrast on a background colour.
  function onColor(rgb) {
    return contrast(rgb, [255, 255, 255]) >= contrast(rgb, hexRgb(DARK_TEXT)) ? '#ffffff' : DARK_TEXT;
  }

  // The hover shade: darker, or lighter for very dark colours.
  function hoverShade(rgb) {
    var dark = luminance(rgb) < 0.03;
    return 'rgb(' + rgb.map(function (v) {
      return Math.round(dark ? v + (255 - v) * 0.2 : v * 0.82);
    }).join(', ') + ')';
  }

  // A hex colour value: '' / null / undefined mean "default" (null is returned); any other
  // non-hex value is warned about and also gives null.
  function hexOption(value, what) {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string' && HEX_RE.test(value)) return value;
    warn(what + ' expects a hex colour such as "#744da8", got ' + describe(value) + '; keeping the default');
    return null;
  }

  // One font family name for CSS: generic families as keywords, every other name quoted.
  function cssFontName(name) {
    var n = name.trim();
    if (GENERIC_FONTS.indexOf(n.toLowerCase()) !== -1) return n.toLowerCase();
    // Control characters are dropped; backslashes and quotes escaped for a CSS string.
    n = n.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return '"' + n + '"';
  }

  function isTrueOption(key) {
    return isTrue(eff(key));
  }

  // CalloutBubble.bubble_width / bubble_height: a positive number or numeric string (px).
  function pixelOption(key) {
    var v = eff(key);
    if (v === undefined || v === null || v === '') return null;
    var n = typeof v === 'number' ? v
      : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(v) ? parseFloat(v) : NaN;
    if (!Number.isFinite(n) || n <= 0) {
      warn(origin(key) + ' expects a number of pixels, got ' + describe(v) + '; using the default size');
      return null;
    }
    return Math.round(n);
  }

  function urlOption(key) {
    var v = eff(key);
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') {
      warn(origin(key) + ' expects an image URL string, got ' + describe(v) + '; using the default image');
      return null;
    }
    return v;
  }

  // Resolves a file shipped next to the loader (widget.css, grabber images).
  function assetUrl(file) {
    var base = loaderUrl();
    try {
      return new URL(file, base ? new URL(base, document.baseURI) : document.baseURI).href;
    } catch (e) {
      return '/jsclient/' + file;
    }
  }

  // Reads every appearance key from the effective configuration (warning about bad values)
  // and returns what render() applies.
  function appearance() {
    var a = {
      left: false, tab: false, color: null, disableMobile: false, detached: false, dark: false,
      fonts: null, hard: false, secondary: null, size: 'md', rtl: false, buttonText: false,
      inline: false, grabber: null
    };

    var pos = eff('system.hb_position');
    if (pos === 'left') {
      a.left = true;
    } else if (pos !== undefined && pos !== null && pos !== 'right') {
      warn(origin('system.hb_position') + ' expects "right" or "left", got ' + describe(pos) + '; keeping right');
    }

    a.tab = isTrueOption('system.hb_show_as_tab');
    a.color = hexOption(eff('system.hb_primary_color'), origin('system.hb_primary_color'));
    a.disableMobile = isTrueOption('system.hb_disable_mobile');
    a.detached = isTrueOption('system.hb_detached');
    a.dark = isTrueOption('system.hb_dark_theme');
    a.rtl = isTrueOption('system.right_to_left');
    a.buttonText = isTrueOption('system.hb_show_button_text');

    var size = eff('system.hb_chatbox_size');
    if (typeof size === 'string' && SIZES.indexOf(size) !== -1) {
      a.size = size;
    } else if (size !== undefined && size !== null) {
      warn(origin('system.hb_chatbox_size') + ' expects "sm", "md", "lg" or "dr", got ' + describe(size) + '; keeping md');
    }

    var style = eff('system.hb_custom_style');
    var styleKey = origin('system.hb_custom_style');
    if (style !== undefined && style !== null) {
      if (!isOptions(style)) {
        warn(styleKey + ' expects an object like {general: {fonts, corners, secondaryColor}}, got ' +
          describe(style) + '; ignored');
      } else if (style.general !== undefined && style.general !== null && !isOptions(style.general)) {
        warn(styleKey + ': general expects an object {fonts, corners, secondaryColor}, got ' +
          describe(style.general) + '; ignored');
      } else if (isOptions(style.general)) {
        var g = style.general;
        a.secondary = hexOption(g.secondaryColor, styleKey + ': general.secondaryColor');
        if (g.corners === 'hard') {
          a.hard = true;
        } else if (g.corners !== undefined && g.corners !== null && g.corners !== '' && g.corners !== 'soft') {
          warn(styleKey + ': general.corners expects "soft" or "hard", got ' + describe(g.corners) + '; keeping soft');
        }
        if (Array.isArray(g.fonts)) {
          var names = [];
          for (var i = 0; i < g.fonts.length; i++) {
            var f = g.fonts[i];
            if (typeof f === 'string' && f.trim() !== '') {
              names.push(cssFontName(f));
            } else if (typeof f !== 'string') {
              warn(styleKey + ': general.fonts expects font names (strings), got ' + describe(f) + ' in the list; skipped');
            }
          }
          if (names.length !== 0) a.fonts = names.join(', ') + ', ' + DEFAULT_FONT_STACK;
        } else if (g.fonts !== undefined && g.fonts !== null && g.fonts !== '') {
          warn(styleKey + ': general.fonts expects an array of font names, got ' + describe(g.fonts) + '; ignored');
        }
      }
    }

    if (isTrueOption('box.inline')) {
      if (document.getElementById('olark-box-container')) {
        a.inline = true;
      } else {
        warn(origin('box.inline') + ': no element with id "olark-box-container" on the page; ' +
          'showing the chatbox in the corner instead');
      }
    }

    if (isTrueOption('features.attention_grabber')) {
      a.grabber = {
        online: urlOption('CalloutBubble.bubble_image_url') || assetUrl('grabber.svg'),
        offline: urlOption('CalloutBubble.bubble_image_url_offline') || assetUrl('grabber-offline.svg'),
        width: pixelOption('CalloutBubble.bubble_width'),
        height: pixelOption('CalloutBubble.bubble_height'),
        slide: isTrueOption('CalloutBubble.slide')
      };
    }
    return a;
  }

  // hb_disable_mobile: on a narrow viewport the widget is not displayed at all.
  function mobileBlocked() {
    return !!look && look.disableMobile && window.innerWidth < MOBILE_MAX_WIDTH;
  }

  // Applies the appearance to the root: modifier classes for the layout, and custom
  // properties for values that come from the configuration (colours, fonts).
  function applyAppearance(root) {
    var a = look;
    root.classList.add('olark-ref--' + a.size);
    root.classList.toggle('olark-ref--left', a.left);
    root.classList.toggle('olark-ref--tab', a.tab);
    root.classList.toggle('olark-ref--detached', a.detached);
    root.classList.toggle('olark-ref--dark', a.dark);
    root.classList.toggle('olark-ref--hard', a.hard);
    root.classList.toggle('olark-ref--text', a.buttonText);
    root.classList.toggle('olark-ref--inline', a.inline);
    root.setAttribute('dir', a.rtl ? 'rtl' : 'ltr');
    if (a.color) {
      var rgb = hexRgb(a.color);
      root.style.setProperty('--olark-ref-color', a.color);
      root.style.setProperty('--olark-ref-color-hover', hoverShade(rgb));
      root.style.setProperty('--olark-ref-on-color', onColor(rgb));
    }
    if (a.secondary) {
      root.style.setProperty('--olark-ref-visitor-bg', a.secondary);
      root.style.setProperty('--olark-ref-visitor-text', onColor(hexRgb(a.secondary)));
    }
    if (a.fonts) root.style.setProperty('--olark-ref-font', a.fonts);
  }

  // ---------------------------------------------------------------- DOM

  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (attrs) {
      for (var k in attrs) {
        if (hasOwn(attrs, k)) node.setAttribute(k, attrs[k]);
      }
    }
    return node;
  }

  // Every text from the page, the visitor or an operator is set with textContent.
  function appendItem(kind, author, body) {
    if (!ui) return;
    var item = el('li', 'olark-ref__message olark-ref__message--' + kind);
    if (author !== null) {
      var who = el('span', 'olark-ref__author');
      who.textContent = author;
      item.appendChild(who);
    }
    var text = el('span', 'olark-ref__body');
    text.textContent = body;
    item.appendChild(text);
    ui.messages.appendChild(item);
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function appendVisitorMessage(text) { appendItem('visitor', null, text); }
  function appendOperatorMessage(nickname, text) { appendItem('operator', nickname, text); }
  function appendNotification(text) { appendItem('notification', null, text); }

  // A labelled single field of the offline form.
  function offlineField(tag, className, attrs) {
    var id = 'olark-ref-' + className.replace('olark-ref__', '');
    var wrap = el('div', 'olark-ref__field');
    var label = el('label', 'olark-ref__label', { for: id });
    attrs.id = id;
    attrs.maxlength = String(MAX_TEXT_LENGTH);
    var field = el(tag, 'olark-ref__field-input ' + className, attrs);
    wrap.appendChild(label);
    wrap.appendChild(field);
    return { wrap: wrap, label: label, field: field };
  }

  // page: the POST page answer (or null) whose transcript is restored before the
  // widget is attached, so restored lines are not announced as new.
  function render(page) {
    var root = el('div', '', { id: 'olark-ref', lang: currentLocale });
    root.hidden = true; // never displayed before the state is applied

    var launcher = el('button', 'olark-ref__launcher', {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': PANEL_ID
    });
    var launcherLabel = el('span', 'olark-ref__launcher-label');
    // The launcher's name is its aria-label (title + unread count, see syncUnread), since
    // the label is only displayed with system.hb_show_button_text.
    var unread = el('span', 'olark-ref__unread', { role: 'img' });
    unread.hidden = true;
    launcher.appendChild(chatIcon());
    launcher.appendChild(launcherLabel);
    launcher.appendChild(unread);

    // Attention Grabber: an image above the launcher while the box is shrunk.
    var grabberButton = null;
    var grabber = null;
    if (look.grabber) {
      grabberButton = el('button', 'olark-ref__grabber-button', { type: 'button', 'aria-controls': PANEL_ID });
      grabber = el('img', 'olark-ref__grabber' + (look.grabber.slide ? ' olark-ref__grabber--slide' : ''), {
        alt: '', decoding: 'async'
      });
      if (look.grabber.width !== null) grabber.setAttribute('width', String(look.grabber.width));
      if (look.grabber.height !== null) grabber.setAttribute('height', String(look.grabber.height));
      grabberButton.appendChild(grabber);
    }

    var panel = el('section', 'olark-ref__panel', { id: PANEL_ID, role: 'dialog' });
    var header = el('header', 'olark-ref__header');
    var title = el('h2', 'olark-ref__title');
    var minimize = el('button', 'olark-ref__minimize', { type: 'button' });
    var glyph = el('span', 'olark-ref__minimize-glyph', { 'aria-hidden': 'true' });
    minimize.appendChild(glyph);
    header.appendChild(title);
    header.appendChild(minimize);

    var messages = el('ol', 'olark-ref__messages', { role: 'log', 'aria-live': 'polite' });

    var form = el('form', 'olark-ref__form');
    form.noValidate = true;
    var input = el('textarea', 'olark-ref__input', { rows: '2', maxlength: String(MAX_TEXT_LENGTH) });
    var send = el('button', 'olark-ref__send', { type: 'submit' });
    form.appendChild(input);
    form.appendChild(send);

    // Offline form: shown instead of the chat input while no operator is available.
    var offline = el('form', 'olark-ref__offline');
    offline.noValidate = true;
    var away = el('p', 'olark-ref__away', { id: 'olark-ref-away' });
    var nameF = offlineField('input', 'olark-ref__offline-name', { type: 'text', name: 'name', autocomplete: 'name' });
    var emailF = offlineField('input', 'olark-ref__offline-email', { type: 'email', name: 'email', autocomplete: 'email' });
    var messageF = offlineField('textarea', 'olark-ref__offline-message', { name: 'message', rows: '3' });
    var offlineError = el('p', 'olark-ref__offline-error', { id: 'olark-ref-offline-error', role: 'alert' });
    offlineError.hidden = true;
    var offlineSubmit = el('button', 'olark-ref__offline-submit', { type: 'submit' });
    offline.setAttribute('aria-describedby', 'olark-ref-away');
    offline.appendChild(away);
    offline.appendChild(nameF.wrap);
    offline.appendChild(emailF.wrap);
    offline.appendChild(messageF.wrap);
    offline.appendChild(offlineError);
    offline.appendChild(offlineSubmit);
    var thanks = el('p', 'olark-ref__offline-thanks', { role: 'status' });
    thanks.hidden = true;

    panel.appendChild(header);
    panel.appendChild(messages);
    panel.appendChild(form);
    panel.appendChild(offline);
    panel.appendChild(thanks);
    if (grabberButton) root.appendChild(grabberButton);
    root.appendChild(launcher);
    root.appendChild(panel);

    ui = {
      root: root, launcher: launcher, launcherLabel: launcherLabel, unread: unread,
      grabberButton: grabberButton, grabber: grabber,
      panel: panel, title: title, minimize: minimize,
      messages: messages, form: form, input: input, send: send,
      offline: offline, away: away, offlineName: nameF.field, offlineEmail: emailF.field,
      offlineMessage: messageF.field, nameLabel: nameF.label, emailLabel: emailF.label,
      messageLabel: messageF.label, offlineError: offlineError, offlineSubmit: offlineSubmit,
      thanks: thanks
    };

    // Visitor interactions go through the same code paths as the API.
    function userExpand() {
      boxExpand();
      if (!box.expanded || panel.hidden) return;
      if (!form.hidden) {
        input.focus();
      } else if (!offline.hidden) {
        nameF.field.focus();
      }
    }
    launcher.addEventListener('click', userExpand);
    if (grabberButton) grabberButton.addEventListener('click', userExpand);

    function userShrink() {
      boxShrink();
      if (!box.expanded && box.shown && !launcher.hidden) launcher.focus();
    }
    minimize.addEventListener('click', userShrink);
    panel.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && !ev.defaultPrevented) {
        ev.preventDefault();
        userShrink();
      }
    });

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (text === '') return;
      input.value = '';
      sendToOperator(text);
    });

    offline.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var name = nameF.field.value.trim();
      var email = emailF.field.value.trim();
      var body = messageF.field.value.trim();
      var bad = [];
      if (name === '') bad.push(nameF.field);
      if (email === '' || email.indexOf('@') === -1) bad.push(emailF.field);
      if (body === '') bad.push(messageF.field);
      [nameF.field, emailF.field, messageF.field].forEach(function (f) {
        if (bad.indexOf(f) === -1) {
          f.removeAttribute('aria-invalid');
          f.removeAttribute('aria-describedby');
        } else {
          f.setAttribute('aria-invalid', 'true');
          f.setAttribute('aria-describedby', 'olark-ref-offline-error');
        }
      });
      offlineError.hidden = bad.length === 0;
      if (bad.length !== 0) {
        bad[0].focus();
        return;
      }
      var hadFocus = panel.contains(document.activeElement);
      sendOfflineMessage(name, email, body);
      if (hadFocus && !thanks.hidden) {
        thanks.tabIndex = -1;
        thanks.focus();
      }
    });

    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
        ev.preventDefault();
        if (typeof form.requestSubmit === 'function') {
          form.requestSubmit();
        } else {
          form.dispatchEvent(new Event('submit', { cancelable: true }));
        }
      }
    });

    if (page) restoreTranscript(page.transcript);
    applyAppearance(root);
    applyStrings();
    syncBox();
    syncMode();
    var container = look.inline ? document.getElementById('olark-box-container') : null;
    (container || document.body).appendChild(root);
    if (look.disableMobile) {
      window.addEventListener('resize', function () { syncBox(); });
    }
  }

  // The launcher's chat bubble icon (decorative).
  function chatIcon() {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('class', 'olark-ref__launcher-icon');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4.5 3h15A2.5 2.5 0 0 1 22 5.5v10a2.5 2.5 0 0 1-2.5 2.5H10l-5.2 3.9A.5.5 0 0 1 4 21.5V18A2.5 ' +
      '2.5 0 0 1 2 15.5v-10A2.5 2.5 0 0 1 4.5 3zM7 9.25a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zm5 0a1.25 ' +
      '1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zm5 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5z');
    path.setAttribute('fill-rule', 'evenodd');
    svg.appendChild(path);
    return svg;
  }

  // ---------------------------------------------------------------- boot

  function resolveCssUrl() {
    var base = loaderUrl();
    try {
      return new URL('widget.css', base ? new URL(base, document.baseURI) : document.baseURI).href;
    } catch (e) {
      return '/jsclient/widget.css';
    }
  }

  function loadCss(done) {
    var finished = false;
    var link = document.createElement('link');
    var timer = null;
    function finish(ok, why) {
      if (finished) return;
      finished = true;
      if (timer !== null) clearTimeout(timer);
      if (!ok) error('could not load the widget stylesheet ' + link.href + ' (' + why + '); continuing unstyled');
      done();
    }
    link.rel = 'stylesheet';
    link.addEventListener('load', function () { finish(true); });
    link.addEventListener('error', function () { finish(false, 'error'); });
    timer = setTimeout(function () { finish(false, 'timeout'); }, CSS_TIMEOUT_MS);
    link.href = resolveCssUrl();
    (document.head || document.documentElement).appendChild(link);
  }

  function whenBody(fn) {
    if (document.body) {
      fn();
    } else {
      document.addEventListener('DOMContentLoaded', function () { fn(); }, { once: true });
    }
  }

  function boot() {
    // (1) configure and identify calls, in queue order.
    var rest = [];
    for (var i = 0; i < queue.length; i++) {
      var name = queue[i][0];
      if (name === 'configure' || name === 'identify') {
        call(name, queue[i].slice(1));
      } else {
        rest.push(queue[i]);
      }
    }

    // (2) a site id is required.
    if (siteId === null) {
      phase = 'dead';
      error('no site id was identified (call olark.identify("<site-id>") in the embed snippet); the widget will not load');
      return;
    }

    phase = 'booting';

    // (3) stylesheet and POST page in parallel, then render.
    var page = null;
    var waiting = 2;
    function loaded() {
      if (--waiting === 0) whenBody(waitForInlineContainer);
    }

    // box.inline looks for #olark-box-container, which may be further down the page.
    function waitForInlineContainer() {
      var inline = isTrue(config['box.inline']) ||
        (!hasOwn(config, 'box.inline') && page && isOptions(page.settings) && isTrue(page.settings['box.inline']));
      if (inline && !document.getElementById('olark-box-container') && document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { finish(); }, { once: true });
      } else {
        finish();
      }
    }
    loadCss(loaded);
    postPage().then(function (answer) {
      page = answer;
      loaded();
    }, function (e) {
      console.error(PREFIX + 'internal error starting the chat backend:', e);
      loaded();
    });

    function finish() {
      // Initial presence from POST page (not a change: no events).
      if (page) {
        chat.available = page.available;
        chat.nickname = nonEmptyString(page.nickname) ? page.nickname : null;
        if (Number.isFinite(page.seq)) chat.lastSeq = page.seq;
        if (isOptions(page.settings)) {
          Object.keys(page.settings).forEach(function (k) { settings[k] = page.settings[k]; });
        }
      }
      // Initial state from the effective configuration (site settings overridden by the
      // page's configure values); not a state change: no events.
      if (eff('system.localization') !== undefined) {
        setLocale(eff('system.localization'), origin('system.localization'));
      }
      box.shown = !isTrue(eff('box.start_hidden'));
      box.expanded = isTrue(eff('box.start_expanded'));
      look = appearance();
      if (look.inline) box.expanded = true; // an inline chatbox is always expanded
      try {
        render(page);
      } catch (e) {
        console.error(PREFIX + 'failed to render the widget:', e);
      }

      // (4) ready.
      markReady();

      // (5) remaining queued entries, then live calls made while loading.
      var all = rest.concat(pendingLive);
      pendingLive = [];
      for (var j = 0; j < all.length; j++) {
        try {
          execute(all[j][0], all[j].slice(1));
        } catch (e) {
          console.error(PREFIX + 'internal error replaying ' + describe(all[j][0]) + ':', e);
        }
      }

      // (6) the push stream, from where POST page left off.
      if (page) {
        try {
          openStream();
        } catch (e) {
          console.error(PREFIX + 'could not open the chat event stream:', e);
        }
      }
    }
  }

  boot();
})();
