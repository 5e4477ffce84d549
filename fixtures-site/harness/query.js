/*
 * olark-conformance query layer. Served right after shim.js in /harness/harness.js, which
 * the fixture page's {{harness}} tag loads, so it runs before any implementation code. Every step reads or
 * touches the widget through it, by name: WebDriver runs webdriver/invoke.js, which calls
 * H.invoke(name, args) and answers once (one round trip per wait). Steps never send
 * JavaScript of their own; only the scenario's own "the page runs:" script is arbitrary.
 *
 * It owns:
 *  1. The scope: where the widget's DOM lives (the document, an open shadow root, the
 *     document of a same-origin frame; nested), from the profile (data-profile).
 *  2. One rule for which element of a part counts (resolve), and when the harness has
 *     evidence that a part is NOT displayed (see): a selector that matches nothing where
 *     it must is "unseen", never "hidden". docs/profiles.md, "What the harness can see",
 *     is the contract this file implements.
 *  3. Named queries and expectations (H.ops): a condition, its timeout and its settle in
 *     one call.
 *  4. Watchers that run from the first moment of the page, through the scope: whether the
 *     chatbox was ever displayed, and which elements ever animated.
 */
(function () {
  'use strict';
  var H = window.__olarkConformance;
  if (!H) return;
  var script = document.currentScript;
  var config;
  try {
    config = JSON.parse((script && script.dataset.profile) || '');
  } catch (e) {
    config = null;
  }
  if (!config || !config.parts) {
    H.queryProblem = 'the query layer got no profile (the page must load it through {{harness}})';
    config = { scope: [], scopeText: 'the document', parts: {} };
  }
  var PARTS = config.parts;

  function q(s) { return JSON.stringify(s); }
  function win(node) { return (node.ownerDocument || node).defaultView || window; }
  function styleOf(el) { return win(el).getComputedStyle(el); }

  // ---- 1. scope ----------------------------------------------------------------------------
  // { root, frames, roots, problem }: root is the Document or ShadowRoot part selectors
  // apply in; frames the frame elements crossed on the way (outermost first); roots every
  // root passed (for observers and animation sampling).
  function resolveScope() {
    var root = document, frames = [], roots = [document];
    for (var i = 0; i < config.scope.length; i++) {
      var step = config.scope[i];
      var shadow = typeof step.shadow === 'string';
      var sel = shadow ? step.shadow : step.frame;
      var what = shadow ? 'shadow host' : 'frame';
      var el;
      try {
        el = root.querySelector(sel);
      } catch (e) {
        return { root: null, frames: frames, roots: roots, invalid: true,
          problem: 'the profile\'s scope ' + what + ' selector ' + q(sel) + ' is not a valid CSS selector (' + e.message + ')' };
      }
      if (!el) {
        return { root: null, frames: frames, roots: roots,
          problem: 'the profile\'s scope ' + what + ' selector ' + q(sel) + ' matched nothing, so ' + config.scopeText + ' does not exist (yet)' };
      }
      if (shadow) {
        if (!el.shadowRoot) {
          return { root: null, frames: frames, roots: roots,
            problem: 'the scope\'s shadow host ' + q(sel) + ' has no open shadow root' };
        }
        root = el.shadowRoot;
      } else {
        var doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (!doc || !doc.documentElement) {
          return { root: null, frames: frames, roots: roots,
            problem: 'the scope\'s frame ' + q(sel) + ' (a <' + el.localName + '>) has no readable document: it is not a frame, is cross-origin or has not loaded' };
        }
        frames.push(el);
        root = doc;
      }
      roots.push(root);
    }
    return { root: root, frames: frames, roots: roots, problem: null };
  }

  // ---- 2. which element counts, and what the harness can see --------------------------------
  // A part's elements: what any of its selectors matches inside the scope, in list order
  // (then document order), each element once. Throws a ProfileError for invalid CSS.
  function ProfileError(message) { this.message = message; }
  function elementsIn(scope, key) {
    var spec = PARTS[key];
    var out = [];
    if (!spec || !scope.root) return out;
    for (var i = 0; i < spec.selectors.length; i++) {
      var found;
      try {
        found = scope.root.querySelectorAll(spec.selectors[i]);
      } catch (e) {
        throw new ProfileError('the profile\'s ' + q(key) + ' selector ' + q(spec.selectors[i]) + ' is not a valid CSS selector (' + e.message + ')');
      }
      for (var j = 0; j < found.length; j++) if (out.indexOf(found[j]) < 0) out.push(found[j]);
    }
    return out;
  }

  // Displayed: connected, a non-empty box, and visible by checkVisibility (display,
  // content-visibility, visibility, opacity of it and its flat-tree ancestors); inside a
  // frame, every frame element on the way must be displayed too.
  function visibleEl(el) {
    if (!el || !el.isConnected) return false;
    var r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return false;
    if (typeof el.checkVisibility === 'function') {
      return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    }
    var cs = styleOf(el);
    return cs.visibility !== 'hidden' && cs.opacity !== '0';
  }
  function displayedIn(scope, el) {
    if (!visibleEl(el)) return false;
    for (var i = 0; i < scope.frames.length; i++) if (!visibleEl(scope.frames[i])) return false;
    return true;
  }

  // The element that counts: the first displayed element, else the first element.
  function pick(scope, els) {
    for (var i = 0; i < els.length; i++) if (displayedIn(scope, els[i])) return els[i];
    return els.length ? els[0] : null;
  }

  function describeSelectors(key) {
    var s = PARTS[key].selectors;
    return s.length === 1 ? q(s[0]) : q(s);
  }

  // The harness's own latched onReady (not recorded): evidence for a lazy chatbox. Asked
  // for by the first query that needs it, never by the watchers: called while the stub is
  // still in place, it is queued in olark._.s like a call of the page's, and a widget
  // should not see it before a step asks.
  var readyAsked = false;
  var watching = false;
  function widgetReady() {
    if (H.readyFired) return true;
    if (!readyAsked && !watching && typeof window.olark === 'function') {
      readyAsked = true;
      H.whenReady(25000);
    }
    return false;
  }

  // What the harness can see of a part, now:
  //   displayed  present, and at least one of its elements is displayed;
  //   hidden     present and none displayed, or missing where missing is an ordinary
  //              state (items of a list, a lazy part) while its container is seen;
  //   unseen     no evidence either way: the scope did not resolve, the selector matched
  //              nothing where the part must exist, or its container is unseen.
  // Every reading says why, in words a widget author can act on. Answers {vis, els}.
  function inspect(key, scope) {
    var spec = PARTS[key];
    if (!spec) throw new Error('unknown part ' + q(key));
    // definite: unseen in a way waiting cannot change once the widget is ready (a part
    // that must exist matched nothing), so waits on it end early (see expect).
    var vis = { part: key, phrase: spec.phrase, state: 'unseen', count: 0, reason: null, invalid: false, definite: false };
    var out = { vis: vis, els: [] };
    if (spec.absent) {
      vis.reason = 'the profile declares the ' + spec.phrase + ' absent';
      return out;
    }
    if (!scope.root) {
      if (key === 'chatbox' && spec.lazy && widgetReady()) {
        vis.state = 'hidden';
        vis.reason = 'nothing of the widget exists yet (the chatbox is lazy and the widget is ready)';
        return out;
      }
      if (key !== 'chatbox' && (spec.lazy || spec.items)) return missing(out, spec, scope);
      vis.invalid = !!scope.invalid;
      vis.definite = !PARTS.chatbox.lazy;
      vis.reason = scope.problem + ': the harness cannot see the ' + spec.phrase + ' (check the profile\'s [scope])';
      return out;
    }
    try {
      out.els = elementsIn(scope, key);
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      vis.invalid = true;
      vis.reason = e.message;
      return out;
    }
    vis.count = out.els.length;
    if (out.els.length) {
      vis.state = 'hidden';
      for (var i = 0; i < out.els.length; i++) {
        if (displayedIn(scope, out.els[i])) { vis.state = 'displayed'; break; }
      }
      return out;
    }
    if (key === 'chatbox' && spec.lazy && widgetReady()) {
      vis.state = 'hidden';
      vis.reason = 'no chatbox element yet (the chatbox is lazy and the widget is ready)';
      return out;
    }
    if (spec.lazy || spec.items) return missing(out, spec, scope);
    vis.definite = true;
    vis.reason = 'the profile\'s ' + q(key) + ' selector ' + describeSelectors(key) + ' matched nothing inside ' +
      config.scopeText + ': the harness cannot see this part (check the selector, the scope, or declare the part absent)';
    return out;
  }

  // A part allowed to be missing is seen missing when its container is seen.
  function missing(out, spec, scope) {
    var vis = out.vis;
    var container = spec.container;
    while (container && PARTS[container] && PARTS[container].absent) container = PARTS[container].container;
    var c = container ? inspect(container, scope).vis : null;
    if (c && c.state !== 'unseen') {
      vis.state = 'hidden';
      vis.reason = spec.items ? 'no ' + spec.phrase + ' yet' : 'the ' + spec.phrase + ' is not built (lazy)';
      return out;
    }
    vis.invalid = !!(c && c.invalid);
    vis.definite = !!(c && c.definite);
    vis.reason = 'the ' + spec.phrase + ' (' + describeSelectors(vis.part) + ') matched nothing, and the harness has no evidence it can see where it would be: ' +
      (c ? c.reason : 'its container is unknown');
    return out;
  }

  function see(key, scope) { return inspect(key, scope || resolveScope()).vis; }

  // A part resolved: what the harness sees, its elements and the element that counts.
  function resolve(key, scope) {
    scope = scope || resolveScope();
    var found = inspect(key, scope);
    return { vis: found.vis, el: pick(scope, found.els), els: found.els, scope: scope };
  }

  // Box in the top-level viewport's coordinates (frames' offsets added).
  function topRect(scope, el) {
    var r = el.getBoundingClientRect();
    var x = 0, y = 0;
    for (var i = scope.frames.length - 1; i >= 0; i--) {
      var f = scope.frames[i];
      var fr = f.getBoundingClientRect();
      var cs = styleOf(f);
      x += fr.left + f.clientLeft + (parseFloat(cs.paddingLeft) || 0);
      y += fr.top + f.clientTop + (parseFloat(cs.paddingTop) || 0);
    }
    return { left: r.left + x, top: r.top + y, right: r.right + x, bottom: r.bottom + y, width: r.width, height: r.height };
  }
  function viewport() {
    return { vw: document.documentElement.clientWidth, vh: document.documentElement.clientHeight };
  }

  // The composed parent: through shadow hosts, not out of the scope's document.
  function composedParent(node) {
    if (node.parentElement) return node.parentElement;
    var root = node.parentNode;
    return root && root.host ? root.host : null;
  }
  function composedContains(outer, node) {
    for (var n = node; n; n = composedParent(n)) if (n === outer) return true;
    return false;
  }
  function describeEl(el) {
    if (!el) return 'nothing';
    var s = '<' + el.localName;
    if (el.id) s += ' id="' + el.id + '"';
    var cls = typeof el.className === 'string' ? el.className.trim() : '';
    if (cls) s += ' class="' + cls.split(/\s+/).slice(0, 3).join(' ') + '"';
    return s + '>';
  }

  // The text of a part: the visible text of each of its elements, in order.
  function textOf(r, kind) {
    return r.els.map(function (el) {
      if (kind === 'content') return el.textContent;
      return displayedIn(r.scope, el) ? el.innerText : '';
    }).join('\n').trim();
  }

  // ---- waiting, through the scope --------------------------------------------------------
  // Resolves when predicate(quietMs) is truthy (quietMs: how long no mutation happened in
  // the page or the scope), or with null after timeoutMs. Checks after every mutation of
  // the page's document and of the scope's roots (a shadow root or a frame's document does
  // not notify an observer of the page's document) and every 10 ms of real time.
  // A predicate that throws ends the wait with its error (a harness bug), not a timeout.
  function waitFor(predicate, timeoutMs) {
    return new Promise(function (resolveWait, rejectWait) {
      var done = false, observed = [], observer = null, timer = null;
      var changed = H.realPerfNow();
      var finish = function (value, error) {
        if (done) return;
        done = true;
        if (observer) observer.disconnect();
        H.realClearTimeout(timer);
        if (error) rejectWait(error); else resolveWait(value);
      };
      var check = function () {
        if (done) return true;
        var v;
        try { v = predicate(H.realPerfNow() - changed); } catch (e) { finish(null, e); return true; }
        if (v) finish(v);
        return v;
      };
      var observe = function () {
        if (done) return;
        var roots = resolveScope().roots;
        for (var i = 0; i < roots.length; i++) {
          if (observed.indexOf(roots[i]) < 0) {
            observed.push(roots[i]);
            observer.observe(roots[i], { subtree: true, childList: true, attributes: true, characterData: true });
          }
        }
      };
      if (check()) return;
      observer = new MutationObserver(function () { changed = H.realPerfNow(); check(); });
      observe();
      var deadline = H.realPerfNow() + timeoutMs;
      var tick = function () {
        if (done) return;
        if (check()) return;
        if (H.realPerfNow() >= deadline) return finish(null);
        observe();
        timer = H.realSetTimeout(tick, 10);
      };
      timer = H.realSetTimeout(tick, 10);
    });
  }

  // Waits until check() passes (or the timeout), optionally lets the page settle, and
  // answers {met, seen}: whether the condition was met while waiting, and the last reading
  // (taken again after settling). check() answers {pass, seen, stuck}: stuck means a part
  // the reading needs is definitely unseen; then the wait ends early, once the widget is
  // ready and the page has been quiet for the profile's settle time, since a part that
  // must exist once the widget is ready will not appear by waiting longer.
  function expect(check, timeout, settle) {
    var last = null;
    var quietMs = config.settleMs || 50;
    return waitFor(function (quiet) {
      last = check();
      if (last.pass) return 'met';
      return last.stuck && widgetReady() && quiet >= quietMs ? 'stuck' : null;
    }, timeout || 0).then(function (how) {
      var met = how === 'met';
      if (settle === undefined || settle === null) return { met: met, seen: last.seen };
      return H.settle(settle).then(function () {
        last = check();
        return { met: met, seen: last.seen };
      });
    });
  }
  // Whether any of these readings is definitely unseen.
  function stuck() {
    for (var i = 0; i < arguments.length; i++) {
      var v = arguments[i];
      if (v && v.state === 'unseen' && v.definite) return true;
    }
    return false;
  }

  // ---- 4. watchers from the first moment -----------------------------------------------------
  // Whether the chatbox was ever displayed or present since the page started: checked on
  // every mutation of the page or the scope and on every animation frame.
  // Once the chatbox was displayed both answers are final, and the watcher stops (it
  // costs a layout read per mutation and per frame).
  var watched = { everDisplayed: false, everPresent: false };
  function watchChatbox() {
    if (watched.everDisplayed) return;
    var scope = resolveScope();
    var vis;
    watching = true;
    try { vis = see('chatbox', scope); } catch (e) { return; } finally { watching = false; }
    if (vis.count) watched.everPresent = true;
    if (vis.state === 'displayed') {
      watched.everDisplayed = true;
      watchObserver.disconnect();
    }
  }
  // Elements that were animated (CSS animations or transitions, Web Animations) at any
  // frame since the page started, in the page or the scope.
  var animated = [];
  function sampleAnimations(roots) {
    for (var i = 0; i < roots.length; i++) {
      if (typeof roots[i].getAnimations !== 'function') continue;
      var list = roots[i].getAnimations();
      for (var j = 0; j < list.length; j++) {
        var target = list[j].effect && list[j].effect.target;
        if (target && animated.indexOf(target) < 0) animated.push(target);
      }
    }
  }
  var watchObserver = new MutationObserver(watchChatbox);
  var watchedRoots = [];
  function everyFrame() {
    var scope = resolveScope();
    for (var i = 0; i < scope.roots.length && !watched.everDisplayed; i++) {
      if (watchedRoots.indexOf(scope.roots[i]) < 0) {
        watchedRoots.push(scope.roots[i]);
        watchObserver.observe(scope.roots[i], { subtree: true, childList: true, attributes: true });
      }
    }
    watchChatbox();
    sampleAnimations(scope.roots);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(everyFrame);
  }
  if (PARTS.chatbox) everyFrame();

  function wasAnimated(r) {
    return animated.some(function (t) {
      return t.isConnected && r.els.some(function (el) { return el === t || composedContains(el, t) || composedContains(t, el); });
    });
  }

  // ---- actions: where a visitor would click, what they type into ------------------------------
  // The point to click on `target` (in top-level viewport coordinates) once it is displayed,
  // has kept its box for a frame (not moving), and is what the browser would hit there.
  function clickPoint(scope, target, state) {
    var r = topRect(scope, target);
    var vp = viewport();
    var x = Math.floor(r.left + r.width / 2), y = Math.floor(r.top + r.height / 2);
    if (x < 0 || y < 0 || x >= vp.vw || y >= vp.vh) {
      target.scrollIntoView({ block: 'center', inline: 'center' });
      state.problem = 'it was outside the viewport (scrolled into view)';
      return null;
    }
    var key = [r.left, r.top, r.width, r.height].join(',');
    var now = H.realPerfNow();
    if (state.box !== key) {
      state.box = key;
      state.since = now;
      state.problem = 'it was moving';
      return null;
    }
    if (now - state.since < 16) return null;
    var hit = deepHit(x, y);
    var label = hit && hit.closest ? hit.closest('label') : null;
    var reaches = hit && (composedContains(target, hit) || (label && label.control === target));
    if (!reaches) {
      state.problem = 'the point (' + x + ', ' + y + ') is covered by ' + describeEl(hit);
      return null;
    }
    return { x: x, y: y };
  }
  // The element the browser hits at a top-level point, through open shadow roots and
  // same-origin frames.
  function deepHit(x, y) {
    var doc = document, ox = 0, oy = 0, hit = null;
    for (var guard = 0; guard < 32; guard++) {
      var el = doc.elementFromPoint(x - ox, y - oy);
      if (!el) return hit;
      while (el.shadowRoot) {
        var inner = el.shadowRoot.elementFromPoint(x - ox, y - oy);
        if (!inner || inner === el) break;
        el = inner;
      }
      hit = el;
      if (el.localName !== 'iframe' && el.localName !== 'frame') return hit;
      var inside = null;
      try { inside = el.contentDocument; } catch (e) { inside = null; }
      if (!inside) return hit;
      var fr = el.getBoundingClientRect();
      var cs = styleOf(el);
      ox += fr.left + el.clientLeft + (parseFloat(cs.paddingLeft) || 0);
      oy += fr.top + el.clientTop + (parseFloat(cs.paddingTop) || 0);
      doc = inside;
    }
    return hit;
  }

  // The rating input valued `value` in the feedback form, or its label when the input is
  // styled away: what a visitor clicks to choose it.
  function ratingTarget(r, value) {
    var inputs = [];
    r.els.forEach(function (form) {
      Array.prototype.forEach.call(form.querySelectorAll('input[type=radio]'), function (i) {
        if (i.value === String(value)) inputs.push(i);
      });
    });
    for (var i = 0; i < inputs.length; i++) if (displayedIn(r.scope, inputs[i])) return inputs[i];
    for (i = 0; i < inputs.length; i++) {
      var labels = inputs[i].labels || [];
      for (var j = 0; j < labels.length; j++) if (displayedIn(r.scope, labels[j])) return labels[j];
    }
    return null;
  }

  // Where following a link goes, as a visitor sees it: "same" (the page's own window, the
  // one the visitor is looking at), "new" (a new window or tab), "frame" (only inside the
  // widget's frame) or "named" (a window called by name). A link without a target uses
  // its document's <base target>.
  function effectiveTarget(a) {
    var t = a.getAttribute('target');
    if (t === null) {
      var base = a.ownerDocument.querySelector('base[target]');
      t = base ? base.getAttribute('target') : '';
    }
    return t.trim();
  }
  function opensIn(a) {
    var t = effectiveTarget(a).toLowerCase();
    var w = a.ownerDocument.defaultView;
    var into = t === '' || t === '_self' ? w : t === '_parent' ? w.parent : t === '_top' ? w.top : null;
    if (into) return into === window ? 'same' : 'frame';
    return t === '_blank' ? 'new' : 'named';
  }

  // ---- 3. named queries and expectations -----------------------------------------------------
  function partArg(args) {
    if (!PARTS[args.part]) throw new Error('unknown part ' + q(args.part));
    return args.part;
  }

  var BOX_STATES = {
    shown: function (s) { return s.chatbox.state === 'displayed'; },
    hidden: function (s) { return s.chatbox.state === 'hidden'; },
    expanded: function (s) { return s.chatbox.state === 'displayed' && s.panel.state === 'displayed'; },
    shrunk: function (s) {
      return s.chatbox.state === 'displayed' && s.launcher.state === 'displayed' && s.panel.state === 'hidden';
    }
  };

  var ops = {
    // -- what is displayed --
    boxState: function (a) {
      var is = BOX_STATES[a.want];
      if (!is) throw new Error('unknown box state ' + q(a.want));
      return expect(function () {
        var scope = resolveScope();
        var s = { chatbox: see('chatbox', scope), launcher: see('launcher', scope), panel: see('panel', scope) };
        var judged = a.want === 'shrunk' ? [s.chatbox, s.launcher, s.panel] : a.want === 'expanded' ? [s.chatbox, s.panel] : [s.chatbox];
        return { pass: is(s), seen: s, stuck: stuck.apply(null, judged) };
      }, a.timeout);
    },
    displayed: function (a) {
      var key = partArg(a);
      var want = a.want ? 'displayed' : 'hidden';
      return expect(function () {
        var v = see(key);
        return { pass: v.state === want, seen: v, stuck: stuck(v) };
      }, a.timeout);
    },
    neverDisplayed: function (a) {
      return H.settle(a.settle).then(function () {
        watchChatbox();
        return { everDisplayed: watched.everDisplayed, everPresent: watched.everPresent, vis: see('chatbox') };
      });
    },
    count: function (a) {
      var key = partArg(a);
      return H.settle(a.settle).then(function () {
        var scope = resolveScope();
        var vis = see(key, scope);
        var first = PARTS[key].selectors[0];
        var n = 0;
        if (scope.root && first && !vis.invalid) n = scope.root.querySelectorAll(first).length;
        return { vis: vis, count: n };
      });
    },
    language: function (a) {
      var read = function () {
        var r = resolve('chatbox');
        var lang = null;
        for (var n = r.el; n; n = composedParent(n)) {
          if (n.hasAttribute && n.hasAttribute('lang')) { lang = n.getAttribute('lang'); break; }
        }
        return { vis: r.vis, lang: lang };
      };
      return expect(function () {
        var s = read();
        return { pass: s.vis.state !== 'unseen' && s.lang === a.want, seen: s, stuck: stuck(s.vis) };
      }, a.timeout);
    },

    // -- how it looks --
    geometry: function (a) {
      var key = partArg(a);
      var read = function () {
        var r = resolve(key);
        var vp = viewport();
        var box = r.vis.state === 'displayed' ? topRect(r.scope, r.el) : null;
        return { vis: r.vis, box: box, vw: vp.vw, vh: vp.vh };
      };
      return expect(function () {
        var s = read();
        return { pass: !!s.box, seen: s, stuck: stuck(s.vis) };
      }, a.timeout, a.settle);
    },
    style: function (a) {
      var key = partArg(a);
      var normal = function (p, v) {
        var probe = document.createElement('div');
        probe.style.display = 'none';
        probe.style.setProperty(p, v);
        document.body.appendChild(probe);
        var n = getComputedStyle(probe).getPropertyValue(p);
        probe.remove();
        return n || v;
      };
      // Normalised once: the probe is a DOM change, which would wake the wait again.
      var expected = a.expected === null ? null : normal(a.property, a.expected).trim();
      return expect(function () {
        var r = resolve(key);
        var shown = r.vis.state === 'displayed';
        // The settled style: after the element's transitions and animations ran.
        var still = shown && (!r.el.getAnimations || r.el.getAnimations().every(function (x) { return x.playState !== 'running'; }));
        var value = shown ? styleOf(r.el).getPropertyValue(a.property).trim() : '';
        return {
          pass: still,
          seen: { vis: r.vis, value: value, expected: expected },
          stuck: stuck(r.vis)
        };
      }, a.timeout);
    },
    corners: function (a) {
      var key = partArg(a);
      return expect(function () {
        var r = resolve(key);
        var radii = [];
        if (r.vis.state === 'displayed') {
          var cs = styleOf(r.el);
          radii = ['border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius']
            .map(function (p) { return cs.getPropertyValue(p); });
        }
        return { pass: r.vis.state === 'displayed', seen: { vis: r.vis, radii: radii }, stuck: stuck(r.vis) };
      }, a.timeout);
    },
    // The relative luminance (WCAG) of the first opaque background at or above the
    // part, through shadow hosts and out of frames into the page behind them.
    background: function (a) {
      var key = partArg(a);
      return expect(function () {
        var r = resolve(key);
        var seen = { vis: r.vis, luminance: null, color: '' };
        if (r.vis.state !== 'displayed') return { pass: false, seen: seen, stuck: stuck(r.vis) };
        var frames = r.scope.frames.slice();
        var el = r.el;
        while (el) {
          var c = styleOf(el).backgroundColor;
          var m = c.match(/rgba?\(([^)]+)\)/);
          var parts = m ? m[1].split(/[ ,/]+/).filter(Boolean).map(Number) : [];
          if (parts.length >= 3 && (parts.length < 4 || parts[3] > 0.5)) {
            var lin = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            seen.luminance = 0.2126 * lin(parts[0]) + 0.7152 * lin(parts[1]) + 0.0722 * lin(parts[2]);
            seen.color = c;
            break;
          }
          el = composedParent(el) || (frames.length ? frames.pop() : null);
        }
        return { pass: true, seen: seen };
      }, a.timeout);
    },
    image: function (a) {
      var key = partArg(a);
      var absolute = new URL(a.url, location.href).href;
      return expect(function () {
        var r = resolve(key);
        var source = null;
        if (r.el) {
          var img = r.el.localName === 'img' ? r.el : r.el.querySelector('img');
          if (img) {
            source = img.currentSrc || img.src;
          } else {
            var bg = styleOf(r.el).backgroundImage;
            var m = bg && bg.match(/url\(["']?([^"')]+)/);
            source = m ? m[1] : null;
          }
        }
        return { pass: r.vis.state === 'displayed' && source === absolute, seen: { vis: r.vis, source: source }, stuck: stuck(r.vis) };
      }, a.timeout);
    },
    animated: function (a) {
      var key = partArg(a);
      return expect(function () {
        var r = resolve(key);
        var was = wasAnimated(r);
        return { pass: r.vis.state === 'displayed' && (!a.want || was), seen: { vis: r.vis, animated: was }, stuck: stuck(r.vis) };
      }, a.timeout, a.settle);
    },

    // -- what it says --
    // what: "text" (the visible text of its elements), "content" (all their text, shown
    // or not), "placeholder" or "name" (aria-label, else its text) of the element that
    // counts. Met when the part is seen (displayed, with `displayed`) and the reading
    // includes `includes`.
    read: function (a) {
      var key = partArg(a);
      return expect(function () {
        var r = resolve(key);
        var text = '';
        if (r.el) {
          if (a.what === 'text') text = textOf(r, 'visible');
          else if (a.what === 'content') text = textOf(r, 'content');
          else if (a.what === 'placeholder') text = r.el.getAttribute('placeholder') || '';
          else if (a.what === 'name') text = (r.el.getAttribute('aria-label') || r.el.innerText || '').trim();
          else throw new Error('unknown reading ' + q(a.what));
        }
        var seen = a.displayed ? r.vis.state === 'displayed' : r.vis.state !== 'unseen';
        return { pass: seen && text.indexOf(a.includes) >= 0, seen: { vis: r.vis, text: text }, stuck: stuck(r.vis) };
      }, a.timeout, a.settle);
    },
    // Items of a list part (messages, notifications): met when one item's text contains
    // every one of `texts` and at least `n` items are shown; also the items of `other`.
    items: function (a) {
      var key = partArg(a);
      return expect(function () {
        var scope = resolveScope();
        var r = resolve(key, scope);
        var texts = r.els.map(function (el) { return el.textContent.trim(); });
        var others = a.other ? resolve(a.other, scope).els.map(function (el) { return el.textContent.trim(); }) : [];
        var hit = !a.texts || !a.texts.length || texts.some(function (t) { return a.texts.every(function (x) { return t.indexOf(x) >= 0; }); });
        return { pass: r.vis.state !== 'unseen' && hit && texts.length >= (a.n || 0), seen: { vis: r.vis, items: texts, others: others }, stuck: stuck(r.vis) };
      }, a.timeout, a.settle);
    },
    unread: function (a) {
      return expect(function () {
        var r = resolve('unread');
        var text = r.vis.state === 'displayed' ? r.el.textContent.trim() : null;
        return { pass: text !== null && text.indexOf(a.count) >= 0, seen: { vis: r.vis, text: text }, stuck: stuck(r.vis) };
      }, a.timeout);
    },
    // A link inside the part's elements to `url` (a trailing slash does not matter).
    link: function (a) {
      var key = partArg(a);
      var bare = function (u) { return u.replace(/\/$/, ''); };
      return expect(function () {
        var r = resolve(key);
        var link = null;
        r.els.forEach(function (el) {
          Array.prototype.forEach.call(el.querySelectorAll('a'), function (x) {
            if (!link && bare(x.href) === bare(a.url)) link = x;
          });
        });
        return {
          pass: !!link,
          seen: { vis: r.vis, found: !!link, target: link ? effectiveTarget(link) : '', opens: link ? opensIn(link) : null, href: link ? link.href : '' },
          stuck: stuck(r.vis)
        };
      }, a.timeout);
    },

    // -- acting as a visitor --
    // Where to click the part (or, with `rating`, a rating of the feedback form).
    clickPoint: function (a) {
      var key = partArg(a);
      var state = { box: null, since: 0, problem: null };
      return expect(function () {
        var r = resolve(key);
        var target = a.rating === undefined || a.rating === null ? (r.vis.state === 'displayed' ? r.el : null) : ratingTarget(r, a.rating);
        state.problem = target ? null : (a.rating === undefined || a.rating === null ? 'it was not displayed' : 'no rating input valued ' + a.rating + ' (or its label) was displayed');
        var point = target ? clickPoint(r.scope, target, state) : null;
        return { pass: !!point, seen: { vis: r.vis, point: point, problem: state.problem, target: describeEl(target) }, stuck: stuck(r.vis) };
      }, a.timeout);
    },
    // Focuses the part for typing, as a click or Tab would, with the caret at the end.
    focus: function (a) {
      var key = partArg(a);
      return expect(function () {
        var r = resolve(key);
        if (r.vis.state !== 'displayed') return { pass: false, seen: { vis: r.vis, focused: false, active: null }, stuck: stuck(r.vis) };
        var el = r.el;
        var root = el.getRootNode();
        if (root.activeElement !== el) {
          el.focus();
          if (typeof el.setSelectionRange === 'function' && typeof el.value === 'string') {
            try { el.setSelectionRange(el.value.length, el.value.length); } catch (e) { /* not a text field */ }
          }
        }
        var focused = root.activeElement === el;
        // An element of the page's own document (shadow roots included) can be handed to
        // WebDriver, whose element send-keys is faster than key actions; one in a frame
        // cannot, so the harness types with key actions into the focused element instead.
        var element = el.ownerDocument === document ? el : null;
        return { pass: focused, seen: { vis: r.vis, focused: focused, active: describeEl(root.activeElement), element: element } };
      }, a.timeout);
    },

    // -- the page's own elements (fixture content, not the widget) --
    pageClass: function (a) {
      var el = function () { return document.querySelector(a.selector); };
      return expect(function () {
        var e = el();
        return { pass: !!e && e.classList.contains(a.cls), seen: e ? e.className : null };
      }, a.timeout);
    },
    pageBox: function (a) {
      var el = document.querySelector(a.selector);
      if (!el) return null;
      var r = el.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    },
    // Displayed elements outside the fixture's own content (its <main>), in the page or
    // in open shadow roots: what a widget shows, whatever its DOM, for "does not load".
    foreignDisplayed: function () {
      var found = [];
      var visit = function (root) {
        Array.prototype.forEach.call(root.querySelectorAll('*'), function (el) {
          if (found.length >= 5 || (el.closest && el.closest('main')) || el.localName === 'main') return;
          if (visibleEl(el) && el !== document.body && el !== document.documentElement) found.push(describeEl(el));
          if (el.shadowRoot) visit(el.shadowRoot);
        });
      };
      if (document.body) visit(document.body);
      return found;
    },

    // -- the recorder, the page, time --
    ready: function (a) { return H.whenReady(a.timeout); },
    settle: function (a) { return H.settle(a.ms).then(function () { return null; }); },
    run: function (a) { return H.run(a.source); },
    fired: function (a) {
      return expect(function () {
        var n = H.count(a.call, a.index);
        return { pass: n >= a.n, seen: { count: n, calls: H.calls } };
      }, a.timeout, a.settle);
    },
    // Entries of H[list] whose `field` is one of `want`, once there are as many as wanted.
    inOrder: function (a) {
      if (a.list !== 'calls' && a.list !== 'tracked') throw new Error('unknown list ' + q(a.list));
      return expect(function () {
        var names = H[a.list].map(function (e) { return e[a.field]; }).filter(function (n) { return a.want.indexOf(n) >= 0; });
        return { pass: names.length >= a.want.length, seen: names };
      }, a.timeout, a.settle);
    },
    tracked: function (a) {
      return expect(function () {
        var n = H.tracked.filter(function (t) { return t.name === a.name; }).length;
        return { pass: n >= a.n, seen: H.tracked.map(function (t) { return t.name; }) };
      }, a.timeout, a.settle);
    },
    consoleHas: function (a) {
      return expect(function () {
        var hit = H.console.some(function (c) { return (c.level === 'warn' || c.level === 'error') && c.text.indexOf(a.needle) >= 0; });
        return { pass: hit, seen: H.console };
      }, a.timeout);
    },
    errors: function (a) { return H.settle(a.settle).then(function () { return H.errors; }); },
    // What the page's own Google Analytics queues received, less their setup calls.
    analytics: function (a) {
      var plain = function (args) {
        return Array.prototype.map.call(args, function (x) { return (x && typeof x === 'object') ? JSON.parse(JSON.stringify(x)) : x; });
      };
      var calls = function () {
        var gtag = (window.dataLayer || []).map(plain).filter(function (c) { return c[0] !== 'js' && c[0] !== 'config'; });
        var ga = ((window.ga && window.ga.q) || []).map(plain).filter(function (c) { return c[0] !== 'create' && !(c[0] === 'send' && c[1] === 'pageview'); });
        return gtag.map(function (c) { return ['gtag'].concat(c); }).concat(ga.map(function (c) { return ['ga'].concat(c); }));
      };
      return expect(function () {
        var c = calls();
        return { pass: c.length >= a.n, seen: c };
      }, a.timeout, a.settle).then(function (r) { return r.seen; });
    },
    // api.visitor.getDetails with a harness callback (not recorded): whether it answered
    // within the timeout, and whether before olark(...) returned.
    getDetails: function (a) {
      return new Promise(function (answer) {
        var answered = false, returned = false;
        var cb = function (d) {
          if (answered) return;
          answered = true;
          answer({ ok: true, details: JSON.parse(JSON.stringify(d === undefined ? null : d)), sync: !returned });
        };
        H.internal.add(cb);
        H.realSetTimeout(function () { if (!answered) { answered = true; answer({ ok: false }); } }, a.timeout);
        window.olark('api.visitor.getDetails', cb);
        returned = true;
      });
    },
    advance: function (a) { return H.clock ? H.clock.advance(a.ms) : null; },
    now: function () { return window.Date.now(); },
    clearStorage: function () { localStorage.clear(); sessionStorage.clear(); return null; },
    // For a widget that never got ready: what the page reported.
    diagnostics: function () {
      return {
        errors: H.errors,
        console: H.console.filter(function (c) { return c.level === 'warn' || c.level === 'error'; }),
        clock: H.clock ? 'virtual' : 'real',
        problem: H.queryProblem || null
      };
    },
    // The artifacts of a scenario that did not pass: the recorder's log, what the harness
    // saw of every part, and the widget's DOM inside its scope.
    snapshot: function () {
      var scope = resolveScope();
      var parts = {};
      Object.keys(PARTS).forEach(function (key) {
        try {
          var r = resolve(key, scope);
          parts[key] = {
            selectors: PARTS[key].selectors, state: r.vis.state, count: r.vis.count, reason: r.vis.reason,
            counts: describeEl(r.el), box: r.el ? topRect(scope, r.el) : null
          };
        } catch (e) {
          parts[key] = { error: String(e.message || e) };
        }
      });
      var dom = null;
      if (scope.root && scope.root !== document) {
        dom = scope.root.nodeType === 9 ? scope.root.documentElement.outerHTML : scope.root.innerHTML;
      }
      return {
        recorder: H.snapshot(),
        scope: { text: config.scopeText, resolved: !!scope.root, problem: scope.problem },
        parts: parts,
        watched: watched,
        dom: dom
      };
    }
  };

  // Runs a named query; the answer is always a Promise.
  H.invoke = function (name, args) {
    var op = ops[name];
    if (!op) return Promise.reject(new Error('the query layer has no query named ' + q(name)));
    try {
      return Promise.resolve(op(args || {}));
    } catch (e) {
      return Promise.reject(e instanceof ProfileError ? new Error(e.message) : e);
    }
  };
})();
