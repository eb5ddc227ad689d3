/* The H5P player frame, on the content origin, sandboxed by the lesson page (scripts only, no
   same origin: this document's origin is opaque, it has no cookie and no storage of the site).
   It runs h5p-standalone and tells the lesson page two things by postMessage, addressed to the
   site's origin only: the xAPI statements the content emits, and its height. The lesson page
   checks they come from this frame, keeps only statements about this activity and sends them
   to the LRS, which writes the signed-in learner as the actor. */
(function () {
  "use strict";
  var cfg = document.currentScript.dataset;

  // A sandboxed document has no web storage (reading window.localStorage throws), and H5P core
  // reads it (clipboard, settings): give it storage that lasts as long as the frame.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      clear: function () { items = {}; },
      key: function (i) { return Object.keys(items)[i] || null; },
      get length() { return Object.keys(items).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try { window[name].getItem("x"); } catch (e) {
      Object.defineProperty(window, name, {value: memoryStorage(), configurable: true});
    }
  });

  function tell(message) {
    message.hocmo = "h5p";
    try {
      window.parent.postMessage(JSON.parse(JSON.stringify(message)), cfg.parentOrigin);
    } catch (e) { /* a statement that does not serialise is dropped */ }
  }

  var lastHeight = 0;
  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height && height !== lastHeight) {
      lastHeight = height;
      tell({type: "resize", height: height});
    }
  }

  // Issue 18: on slow mobile data h5p-standalone's discovery (h5p.json, then library.json
  // after library.json, then each library file) cost one round trip after another. The frame
  // page carries h5p.json and the installed libraries' library.json (#h5p-boot), content.json
  // is asked for at once, and the libraries' scripts and styles come in one bundle (built on
  // the server from installed library files only; preloaded by the page). h5p-standalone skips
  // a file the document already names (data-h5p), so each bundled file gets an inert
  // placeholder and the bundle is loaded as the player's "custom" script and stylesheet.
  var base = cfg.h5pPath.replace(/\/$/, "");
  var origin = window.location.origin;  // the URL's origin (the document's own is opaque)
  var bootNode = document.getElementById("h5p-boot");
  var boot = bootNode ? JSON.parse(bootNode.textContent) : null;
  if (boot) {
    var known = {};
    var libraries = origin + base + "/libraries";
    known[origin + base + "/h5p.json"] = Promise.resolve(JSON.stringify(boot.manifest));
    Object.keys(boot.libraries).forEach(function (folder) {
      known[libraries + "/" + folder + "/library.json"] =
        Promise.resolve(JSON.stringify(boot.libraries[folder]));
    });
    var contentUrl = origin + base + "/content/content.json";
    // content.json rides in the page when small (boot.content), else it is asked for at once.
    known[contentUrl] = typeof boot.content === "string" ? Promise.resolve(boot.content)
      : window.fetch(contentUrl).then(function (r) {
        if (!r.ok) { throw new Error("content.json " + r.status); }
        return r.text();
      });
    var networkFetch = window.fetch.bind(window);
    window.fetch = function (input, init) {
      var url = typeof input === "string" ? new URL(input, window.location.href).href : null;
      if (url && Object.prototype.hasOwnProperty.call(known, url)) {
        return known[url].then(function (text) {
          return new Response(text, {headers: {"Content-Type": "application/json"}});
        });
      }
      return networkFetch(input, init);
    };
    (boot.covered || []).forEach(function (pair) {
      var url = libraries + "/" + pair[0] + "/" + pair[1];
      var css = /\.css$/i.test(pair[1]);
      var placeholder = document.createElement(css ? "link" : "script");
      if (!css) { placeholder.type = "text/plain"; }
      placeholder.dataset.h5p = url;
      document.head.appendChild(placeholder);
    });
  }

  async function start() {
    await new window.H5PStandalone.H5P(document.getElementById("h5p-mount"), {
      id: cfg.h5pId,
      h5pJsonPath: base,
      librariesPath: base + "/libraries",
      contentJsonPath: base + "/content",
      frameJs: cfg.frameJs,
      frameCss: cfg.frameCss,
      frame: false,
      icon: false,
      // Into this document: the sandboxed frame is the content's isolation (an iframe of
      // h5p-standalone's own inside it would get another opaque origin and stay blank).
      embedType: "div",
      xAPIObjectIRI: cfg.activity,
      customJs: boot && cfg.bundleJs ? [cfg.bundleJs] : [],
      customCss: boot && cfg.bundleCss ? [cfg.bundleCss] : []
    });
    if (window.H5P && window.H5P.externalDispatcher) {
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        if (event && event.data && event.data.statement) {
          tell({type: "xapi", statement: event.data.statement});
        }
      });
    }
    reportHeight();
  }

  if (window.ResizeObserver) {
    new ResizeObserver(reportHeight).observe(document.documentElement);
  }
  window.addEventListener("load", reportHeight);
  document.addEventListener("DOMContentLoaded", function () {
    if (window.H5PStandalone) { start(); }
  });
})();
