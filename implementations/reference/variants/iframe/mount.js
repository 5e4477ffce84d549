/*
 * Entry script of the reference widget's "iframe" variant: the same widget, but it
 * renders into a same-origin frame it writes itself (iframe#olark-ref-frame).
 *
 * A profile serves this file as /jsclient/loader.js, the URL the embed snippet loads
 * ([loader] directory = the implementations/ directory, entry =
 * "reference/variants/iframe/mount.js"). It only adds the real widget,
 * /jsclient/reference/loader.js on the same host, with data-mount="iframe", which that
 * script reads as it starts. See implementations/reference/README.md, "Mounts".
 * Creates no globals.
 */
(function () {
  'use strict';
  // currentScript.src is //<host>/jsclient/loader.js (this file, under the snippet's URL).
  var self = document.currentScript;
  var script = document.createElement('script');
  script.src = new URL('reference/loader.js', self && self.src ? self.src : new URL('/jsclient/loader.js', document.baseURI)).href;
  script.setAttribute('data-mount', 'iframe');
  script.async = true;
  (document.head || document.documentElement).appendChild(script);
})();
