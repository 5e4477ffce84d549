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

  // ---------------------------------------------------------------- strings

  var DEFAULT_LOCALE = 'en-US';
  var STRINGS = {
    'en-US': {
      welcome_title: 'Chat with us',
      chat_input_text: 'Type a message...',
      send_button_text: 'Send',
      minimize_label: 'Minimize chat',
      input_label: 'Message',
      messages_label: 'Chat messages'
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
  var localeOverrides = Object.create(null); // locale.* configure values
  var extensions = Object.create(null);  // extend() registrations
  var siteId = null;

  // phase: 'loading' (queued configure/identify) -> 'booting' (site id known,
  // stylesheet loading; configure still applies) -> 'ready'; or 'dead' (no site id)
  var phase = 'loading';
  var pendingLive = [];                  // live api calls made before ready

  var box = { shown: true, expanded: false };
  var currentLocale = DEFAULT_LOCALE;
  var callbacks = { show: [], hide: [], expand: [], shrink: [], ready: [] };

  var ui = null; // DOM references once rendered

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
    ui.launcher.textContent = title;
    ui.panel.setAttribute('aria-label', title);
    ui.title.textContent = title;
    ui.minimize.setAttribute('aria-label', str('minimize_label'));
    ui.messages.setAttribute('aria-label', str('messages_label'));
    ui.input.setAttribute('placeholder', str('chat_input_text'));
    ui.input.setAttribute('aria-label', str('input_label'));
    ui.send.textContent = str('send_button_text');
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
    ui.root.hidden = !box.shown;
    ui.launcher.hidden = box.expanded;
    ui.panel.hidden = !box.expanded;
    ui.launcher.setAttribute('aria-expanded', box.expanded ? 'true' : 'false');
  }

  function fire(list) {
    var snapshot = list.slice();
    for (var i = 0; i < snapshot.length; i++) safeCall(snapshot[i], [{}]);
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

  // ---------------------------------------------------------------- transport

  // Hook for a future backend: deliver a visitor message to the operator.
  function sendToOperator(text) {
    void text; // no transport yet
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

  function appendVisitorMessage(text) {
    var item = el('li', 'olark-ref__message olark-ref__message--visitor');
    item.textContent = text;
    ui.messages.appendChild(item);
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function render() {
    var root = el('div', '', { id: 'olark-ref', lang: currentLocale });
    root.hidden = true; // never displayed before the state is applied

    var launcher = el('button', 'olark-ref__launcher', {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': PANEL_ID
    });

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
    var input = el('textarea', 'olark-ref__input', { rows: '2' });
    var send = el('button', 'olark-ref__send', { type: 'submit' });
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(messages);
    panel.appendChild(form);
    root.appendChild(launcher);
    root.appendChild(panel);

    ui = {
      root: root, launcher: launcher, panel: panel, title: title, minimize: minimize,
      messages: messages, form: form, input: input, send: send
    };

    // Visitor interactions go through the same code paths as the API.
    launcher.addEventListener('click', function () {
      boxExpand();
      if (box.expanded && !panel.hidden) input.focus();
    });

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
      appendVisitorMessage(text);
      input.value = '';
      sendToOperator(text);
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

    applyStrings();
    syncBox();
    document.body.appendChild(root);
  }

  // ---------------------------------------------------------------- boot

  function resolveCssUrl() {
    var base = null;
    if (currentScript && currentScript.src) {
      base = currentScript.src;
    } else if (typeof stubState.l === 'string' && stubState.l !== '') {
      base = '//' + stubState.l.replace(/^(https?:)?\/\//, '');
    }
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

    // (3) stylesheet, then render.
    loadCss(function () {
      whenBody(function () {
        // Initial state from configuration (not a state change: no events).
        if (hasOwn(config, 'system.localization')) {
          setLocale(config['system.localization'], 'configure "system.localization"');
        }
        box.shown = !isTrue(config['box.start_hidden']);
        box.expanded = isTrue(config['box.start_expanded']);
        try {
          render();
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
      });
    });
  }

  boot();
})();
