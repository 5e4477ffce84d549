/*
 * Entry script of the reference widget's "shadow" variant: the same widget, but it
 * renders into an open shadow root (div#olark-ref-host) instead of into the page itself.
 *
 * A profile serves this file as /jsclient/loader.js, the URL the embed snippet loads
 * ([loader] directory = the implementations/ directory, entry =
 * "reference/variants/shadow/mount.js"). It only adds the real widget,
 * /jsclient/reference/loader.js on the same host, with data-mount="shadow", which that
 * script reads as it starts. See implementations/reference/README.md, "Mounts".
 * Creates no globals.
 */
(function () {
  'use strict';
  // currentScript.src is //<host>/jsclient/loader.js (this file, under the snippet's URL).
  var self = document.currentScript;
  var script = document.createElement('script');
  script.src = new URL('reference/loader.js', self && self.src ? self.src : new URL('/jsclient/loader.js', document.baseURI)).href;
  script.setAttribute('data-mount', 'shadow');
  script.async = true;
  (document.head || document.documentElement).appendChild(script);
})();
