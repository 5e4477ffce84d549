/*
 * lazy-fixed: a test double for the olark-conformance harness, not a widget to ship.
 *
 * It implements only the box API (show/hide/expand/shrink and their callbacks),
 * api.chat.onReady and the box.start_hidden / box.start_expanded settings, and it is
 * shaped to exercise two profile features:
 *   - it is lazy: no DOM exists until the chatbox is first shown, and the panel is
 *     built only when the box is first expanded;
 *   - its root #lf-root has no size of its own; what the visitor sees are its
 *     position: fixed children (launcher, panel), so "the chatbox" is a list of elements.
 */
(function () {
  'use strict';

  var stub = window.olark;
  var queue = (stub && stub._ && stub._.s) || [];

  var settings = {};     // configure key -> value
  var siteId = null;     // from identify; kept only to mirror the real API
  var ready = false;
  var shown = true;      // set from box.start_hidden before anything renders
  var expanded = false;  // kept while hidden: shown again, the box is as it was
  var callbacks = { onShow: [], onHide: [], onExpand: [], onShrink: [], onReady: [] };
  var root = null, launcher = null, panel = null, minimize = null;

  // A throwing site callback must not stop the others or the widget; the error still
  // reaches the page as an uncaught error, where the site's developer will see it.
  function invoke(fn) {
    try {
      fn();
    } catch (e) {
      if (typeof window.reportError === 'function') window.reportError(e);
      else setTimeout(function () { throw e; }, 0);
    }
  }

  function fire(name) {
    // A copy: a callback registering another must not change this round.
    callbacks[name].slice().forEach(invoke);
  }

  // ---- DOM: built on first need, then only toggled with `hidden` ----------------------

  function style(el, css) {
    el.style.cssText = css;
    return el;
  }

  function buildRoot() {
    // Zero-size and fixed, so the children's fixed positions are relative to the viewport.
    root = style(document.createElement('div'), 'position:fixed;right:0;bottom:0;width:0;height:0;' +
      'overflow:visible;z-index:2147483000;font:14px/1.4 system-ui,sans-serif;');
    root.id = 'lf-root';
    root.lang = 'en';

    launcher = style(document.createElement('button'), 'position:fixed;right:20px;bottom:20px;' +
      'width:56px;height:56px;border:0;border-radius:28px;background:#1f5fbf;color:#fff;' +
      'font:inherit;font-weight:bold;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3);');
    launcher.type = 'button';
    launcher.className = 'lf-launcher';
    launcher.textContent = 'Chat';
    launcher.setAttribute('aria-label', 'Chat with us');
    launcher.setAttribute('aria-controls', 'lf-panel');
    launcher.addEventListener('click', function () {
      if (expanded) {
        shrink();
      } else {
        expand();
        if (minimize) minimize.focus();
      }
    });

    root.appendChild(launcher);
    (document.body || document.documentElement).appendChild(root);
  }

  function buildPanel() {
    panel = style(document.createElement('div'), 'position:fixed;right:20px;bottom:88px;' +
      'width:300px;max-width:calc(100vw - 40px);height:240px;box-sizing:border-box;padding:12px 16px;' +
      'background:#fff;color:#111;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);');
    panel.id = 'lf-panel';
    panel.className = 'lf-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', 'lf-title');

    var header = style(document.createElement('div'), 'display:flex;align-items:center;justify-content:space-between;');
    var title = style(document.createElement('h2'), 'margin:0;font-size:16px;');
    title.id = 'lf-title';
    title.textContent = 'Chat with us';
    minimize = style(document.createElement('button'), 'min-width:32px;height:32px;font:inherit;cursor:pointer;');
    minimize.type = 'button';
    minimize.className = 'lf-minimize';
    minimize.textContent = '\u2013';
    minimize.setAttribute('aria-label', 'Minimize chat');
    minimize.addEventListener('click', function () {
      shrink();
      launcher.focus();
    });
    header.appendChild(title);
    header.appendChild(minimize);

    var body = document.createElement('p');
    body.textContent = 'This is a test double of the Olark box API; it has no conversation.';

    panel.appendChild(header);
    panel.appendChild(body);
    // Escape minimizes, as it closes most dialogs.
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        shrink();
        launcher.focus();
      }
    });
    root.appendChild(panel);
  }

  // Brings the DOM in line with the state; builds only what is about to be displayed.
  function render() {
    if (!root) {
      if (!shown) return;
      buildRoot();
    }
    root.hidden = !shown;
    if (expanded && shown && !panel) buildPanel();
    if (panel) panel.hidden = !expanded;
    launcher.setAttribute('aria-expanded', String(expanded && shown));
  }

  // ---- the box API: callbacks fire for real transitions only --------------------------

  function show() {
    if (shown) return;
    shown = true;
    render();
    fire('onShow');
  }

  function hide() {
    if (!shown) return;
    shown = false;
    render();
    fire('onHide');
  }

  function expand() {
    show(); // the documentation: expand also shows, "in the same way as api.box.show"
    if (expanded) return;
    expanded = true;
    render();
    fire('onExpand');
  }

  function shrink() {
    if (!expanded) return;
    expanded = false;
    render();
    fire('onShrink');
  }

  var actions = {
    'api.box.show': show,
    'api.box.hide': hide,
    'api.box.expand': expand,
    'api.box.shrink': shrink
  };

  function register(name, fn) {
    if (typeof fn !== 'function') {
      console.warn('olark: ' + name + ' needs a function');
      return;
    }
    // onReady is latched: registered after the widget is ready, it fires at once.
    if (name === 'onReady' && ready) invoke(fn);
    else callbacks[name].push(fn);
  }

  // One call, as the page makes it: olark(name, ...args).
  function call(args) {
    var name = args[0];
    if (name === 'configure') {
      settings[args[1]] = args[2];
    } else if (name === 'identify') {
      siteId = args[1];
    } else if (actions.hasOwnProperty(name)) {
      actions[name]();
    } else if (/^api\.box\.on(Show|Hide|Expand|Shrink)$/.test(name)) {
      register(name.slice(8), args[1]);
    } else if (name === 'api.chat.onReady') {
      register('onReady', args[1]);
    } else {
      console.warn('olark: ' + String(name) + ' is not supported by this widget');
    }
  }

  var olark = function () {
    call(Array.prototype.slice.call(arguments));
  };
  // The stub's methods close over the stub, so the live API needs its own.
  olark.configure = function (key, value) { call(['configure', key, value]); };
  olark.identify = function (id) { call(['identify', id]); };
  olark.extend = function (i, j) { call(['extend', i, j]); };
  window.olark = olark;

  // ---- boot ---------------------------------------------------------------------------
  // Queue entries are Arguments objects (or Arrays); skip anything that is not a call.
  var entries = [];
  for (var i = 0; i < queue.length; i++) {
    var entry = queue[i];
    if (entry && typeof entry.length === 'number' && typeof entry[0] === 'string') {
      entries.push(Array.prototype.slice.call(entry));
    }
  }

  // Settings first (the documentation puts them before identify): the first render must
  // already know them, so a box that starts hidden is never built, not even for a frame.
  entries.forEach(function (args) {
    if (args[0] === 'configure' || args[0] === 'identify') call(args);
  });
  shown = !settings['box.start_hidden'];
  expanded = !!settings['box.start_expanded'];

  // Then the queued API calls in order. Starting shown or expanded is not a transition,
  // so no callback fires for it.
  entries.forEach(function (args) {
    if (args[0] !== 'configure' && args[0] !== 'identify') call(args);
  });
  render();

  ready = true;
  fire('onReady');
  callbacks.onReady = [];
}());
