/*
 * olark-conformance harness shim. Loaded synchronously before the embed snippet, so it
 * runs before any implementation code. It owns three things:
 *
 *  1. The recorder: window.olark is wrapped (a Proxy; property reads pass through) so
 *     every callback a page registers through olark(...) is recorded when it fires:
 *     call name, which registration of that call, arguments as JSON, global order.
 *     Console warnings/errors and uncaught errors are recorded too.
 *  2. The virtual clock (when the page is served with data-clock="virtual"): Date,
 *     setTimeout/setInterval and performance.now run on a clock only the harness moves.
 *     Timers due at the current virtual time still run on their own; later ones wait
 *     for advance().
 *  3. The primitives of in-page waiting: settling, and the harness's own wait for the
 *     widget to be ready. Queries about the widget's DOM (its scope, its parts, what is
 *     displayed) live in query.js, served right after this file as /harness/harness.js.
 *
 * Everything lives on window.__olarkConformance; the harness's own olark(...) calls use
 * functions marked internal, which are not recorded.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var realSetTimeout = window.setTimeout.bind(window);
  var realClearTimeout = window.clearTimeout.bind(window);
  var realDate = window.Date;
  var realPerfNow = performance.now.bind(performance);

  var H = {
    calls: [],
    console: [],
    errors: [],
    tracked: [],
    seq: 0,
    registrations: Object.create(null),
    internal: new WeakSet(),
    readyFired: false,
    realSetTimeout: realSetTimeout,
    realClearTimeout: realClearTimeout,
    realPerfNow: realPerfNow,
  };
  Object.defineProperty(window, '__olarkConformance', { value: H });

  // ---- JSON-safe copies of callback arguments -------------------------------------------
  function plain(value, depth, seen) {
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    if (value === undefined) return null;
    if (typeof value === 'function') return '[function]';
    if (typeof value !== 'object') return String(value);
    if (typeof Node !== 'undefined' && value instanceof Node) return '[node ' + value.nodeName + ']';
    if (depth > 6 || seen.indexOf(value) >= 0) return '[...]';
    seen = seen.concat([value]);
    if (Array.isArray(value)) return value.map(function (v) { return plain(v, depth + 1, seen); });
    var out = {};
    Object.keys(value).forEach(function (k) { out[k] = plain(value[k], depth + 1, seen); });
    return out;
  }
  function text(args) {
    return Array.prototype.map.call(args, function (a) {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return a.name + ': ' + a.message;
      try { return JSON.stringify(plain(a, 0, [])); } catch (e) { return String(a); }
    }).join(' ');
  }

  // ---- recorder --------------------------------------------------------------------------
  function recording(name, fn) {
    var index = (H.registrations[name] = (H.registrations[name] || 0) + 1);
    return function () {
      H.calls.push({ seq: ++H.seq, call: name, index: index, args: plain(Array.prototype.slice.call(arguments), 0, []) });
      return fn.apply(this, arguments);
    };
  }
  function wrapApi(api) {
    if (typeof api !== 'function') return api;
    return new Proxy(api, {
      apply: function (target, self, args) {
        if (typeof args[0] === 'string') {
          for (var i = 1; i < args.length; i++) {
            if (typeof args[i] === 'function' && !H.internal.has(args[i])) args[i] = recording(args[0], args[i]);
          }
        }
        return Reflect.apply(target, self, args);
      },
    });
  }
  var rawOlark, wrappedOlark;
  Object.defineProperty(window, 'olark', {
    configurable: true,
    enumerable: true,
    get: function () { return wrappedOlark; },
    set: function (v) { rawOlark = v; wrappedOlark = wrapApi(v); },
  });

  ['warn', 'error', 'log', 'info'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      H.console.push({ seq: ++H.seq, level: level, text: text(arguments) });
      return original.apply(console, arguments);
    };
  });
  window.addEventListener('error', function (e) {
    H.errors.push({ seq: ++H.seq, message: e.message || String(e.error), source: e.filename || '', line: e.lineno || 0 });
  });
  window.addEventListener('unhandledrejection', function (e) {
    H.errors.push({ seq: ++H.seq, message: 'unhandled rejection: ' + text([e.reason]), source: '', line: 0 });
  });

  // What the docs' examples call "yourAnalytics": a page-level tracker scenarios can read.
  window.yourAnalytics = {
    track: function (name) { H.tracked.push({ seq: ++H.seq, name: String(name) }); },
  };

  // Runs scenario script as the site's own inline <script> would: in the page's realm
  // (WebDriver's execute may run in a sandbox with its own Date and friends), with any
  // exception handed back instead of lost.
  H.run = function (source) {
    H.lastRun = null;
    var el = document.createElement('script');
    el.textContent = 'try {\n' + source + '\n;window.__olarkConformance.lastRun = { ok: true };\n} catch (e) {\n' +
      'window.__olarkConformance.lastRun = { ok: false, error: String(e && e.stack ? e.name + ": " + e.message + "\\n" + e.stack : e) };\n}';
    (document.head || document.documentElement).appendChild(el);
    el.remove();
    if (H.lastRun) return H.lastRun;
    var last = H.errors[H.errors.length - 1];
    return { ok: false, error: 'the script did not run' + (last ? ': ' + last.message : ' (syntax error?)') };
  };

  H.snapshot = function () {
    return { calls: H.calls, console: H.console, errors: H.errors, tracked: H.tracked, clock: H.clock ? H.clock.now() : null };
  };

  // ---- the referrer a scenario arranged (the browser's document.referrer) ----------------
  if (script && script.dataset.referrer) {
    var arranged = script.dataset.referrer;
    Object.defineProperty(document, 'referrer', { configurable: true, get: function () { return arranged; } });
  }

  // ---- seeded Math.random (mulberry32), for scenarios that check "at random" ----------
  if (script && script.dataset.seed) {
    var seed = Number(script.dataset.seed) >>> 0;
    Math.random = function () {
      seed = (seed + 0x6d2b79f5) >>> 0;
      var t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // ---- virtual clock ---------------------------------------------------------------------
  if (script && script.dataset.clock === 'virtual') {
    var now = Number(script.dataset.now) || realDate.now();
    var perfOrigin = realPerfNow();
    var startNow = now;
    var timers = new Map();
    var nextId = 1;
    var kick = null;

    var runDueSoon = function () {
      if (kick === null) kick = realSetTimeout(function () { kick = null; advanceTo(now); }, 0);
    };
    var add = function (fn, delay, args, repeat) {
      var id = nextId++;
      var ms = Math.max(0, Number(delay) || 0);
      timers.set(id, { id: id, due: now + ms, fn: fn, args: args, every: repeat ? Math.max(1, ms) : 0 });
      if (ms === 0) runDueSoon();
      return id;
    };
    var advanceTo = function (target) {
      for (;;) {
        var next = null;
        timers.forEach(function (t) {
          if (t.due <= target && (next === null || t.due < next.due || (t.due === next.due && t.id < next.id))) next = t;
        });
        if (next === null) break;
        now = Math.max(now, next.due);
        if (next.every) next.due += next.every; else timers.delete(next.id);
        try {
          if (typeof next.fn === 'function') next.fn.apply(window, next.args);
        } catch (e) {
          if (typeof reportError === 'function') reportError(e); else console.error(e);
        }
      }
      now = Math.max(now, target);
    };

    window.setTimeout = function (fn, delay) { return add(fn, delay, Array.prototype.slice.call(arguments, 2), false); };
    window.setInterval = function (fn, delay) { return add(fn, delay, Array.prototype.slice.call(arguments, 2), true); };
    window.clearTimeout = window.clearInterval = function (id) { timers.delete(id); };

    var VDate = function Date() {
      if (!new.target) return new realDate(now).toString();
      var args = Array.prototype.slice.call(arguments);
      return args.length ? new (Function.prototype.bind.apply(realDate, [null].concat(args)))() : new realDate(now);
    };
    VDate.prototype = realDate.prototype;
    VDate.now = function () { return now; };
    VDate.parse = realDate.parse;
    VDate.UTC = realDate.UTC;
    window.Date = VDate;
    performance.now = function () { return perfOrigin + (now - startNow); };

    H.clock = {
      now: function () { return now; },
      advance: function (ms) { advanceTo(now + ms); return now; },
      pending: function () { return timers.size; },
    };
  }

  // ---- in-page waiting -------------------------------------------------------------------
  H.count = function (call, index) {
    return H.calls.filter(function (c) { return c.call === call && (!index || c.index === index); }).length;
  };

  // Resolves once the page has been quiet for ms: real timers and a frame have run.
  H.settle = function (ms) {
    return new Promise(function (resolve) {
      var frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : function (f) { realSetTimeout(f, 16); };
      var settled = false;
      var after = function () { if (!settled) { settled = true; realSetTimeout(resolve, ms); } };
      frame(after);
      realSetTimeout(after, 50);
    });
  };

  // The harness's own wait for the widget: a latched onReady that is not recorded.
  H.whenReady = function (timeoutMs) {
    return new Promise(function (resolve) {
      var t = realSetTimeout(function () { resolve(false); }, timeoutMs);
      var cb = function () { H.readyFired = true; realClearTimeout(t); resolve(true); };
      H.internal.add(cb);
      try {
        window.olark('api.chat.onReady', cb);
      } catch (e) {
        realClearTimeout(t);
        resolve(false);
      }
    });
  };

})();
