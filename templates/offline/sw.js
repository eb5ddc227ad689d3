/* HọcMở service worker (issue 22, docs/features/offline.md), version {{ version }}.
   Built from Workbox's own modules (npm, vendored into /static/vendor/workbox/ by
   scripts/vendor_assets.py; workbox-sw loads them from there, never from a CDN). Served by
   lms.offline.views.service_worker at /sw.js, so its scope is the whole site.
   - The shell (CSS, scripts, icons, the offline page) is precached per version: a deploy
     changes the version, the new worker takes over and drops the old caches.
   - Learner pages (the server marks them with X-HocMo-Offline: 1: courses, lessons, My
     learning) are kept when visited: network first, the kept copy after 4 s or offline, and
     refreshed whenever the network answers. Nothing else is ever kept: no staff page, no
     admin, no POST, no page the server did not mark (its private, no-store stands).
   - A downloaded course lives in its own cache (hocmo-course-<id>), filled by the page.
   - Signing out clears every page cache; so does a different person signing in (offline.js).
   - Statements made offline are replayed on Background Sync (queue.js). */
importScripts("{{ workbox_sw }}", "{{ queue_js }}");
// The modules by their static URLs (hashed in production), never the CDN workbox-sw defaults to.
var WORKBOX_MODULES = {{ workbox_modules_json|safe }};
workbox.setConfig({
  debug: false,
  modulePathCb: function (name) { return WORKBOX_MODULES[name]; }
});

var VERSION = "{{ version }}";
var PAGES = "hocmo-pages";
var COURSE_PREFIX = "hocmo-course-";
var OFFLINE_PAGE = "{{ offline_page }}";
var LOGOUT = "{{ logout }}";
var SHELL = {{ shell_json|safe }};

workbox.core.setCacheNameDetails({ prefix: "hocmo", suffix: VERSION });
self.skipWaiting();
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precacheAndRoute(
  SHELL.concat([OFFLINE_PAGE]).map(function (url) { return { url: url, revision: VERSION }; })
);

function clearPersonalCaches() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name === PAGES || name.indexOf(COURSE_PREFIX) === 0;
    }).map(function (name) { return caches.delete(name); }));
  });
}

var learnerPagesOnly = {
  // Only what the server marked as a learner page, complete and not a redirect.
  cacheWillUpdate: function (args) {
    var response = args.response;
    if (response && response.status === 200 && !response.redirected
        && response.headers.get("X-HocMo-Offline") === "1") {
      return Promise.resolve(response);
    }
    return Promise.resolve(null);
  },
  // Not in the visited pages: maybe in a downloaded course.
  cachedResponseWillBeUsed: function (args) {
    if (args.cachedResponse) { return Promise.resolve(args.cachedResponse); }
    return caches.keys().then(function (names) {
      var courses = names.filter(function (name) { return name.indexOf(COURSE_PREFIX) === 0; });
      return courses.reduce(function (found, name) {
        return found.then(function (hit) {
          return hit || caches.open(name).then(function (cache) {
            return cache.match(args.request, { ignoreVary: true });
          });
        });
      }, Promise.resolve(undefined));
    });
  },
  handlerDidError: function () {
    return workbox.precaching.matchPrecache(OFFLINE_PAGE);
  }
};

workbox.routing.registerRoute(
  function (options) {
    return options.request.mode === "navigate" && options.url.origin === self.location.origin;
  },
  new workbox.strategies.NetworkFirst({
    cacheName: PAGES, networkTimeoutSeconds: 4, plugins: [learnerPagesOnly],
    matchOptions: { ignoreVary: true }
  }),
  "GET"
);

// Course downloads: images and documents the page stored, served from there when offline.
workbox.routing.registerRoute(
  function (options) {
    return options.url.origin === self.location.origin && options.request.mode !== "navigate"
      && /^\/(media|documents)\//.test(options.url.pathname);
  },
  function (options) {
    return fetch(options.request).catch(function () {
      return caches.match(options.request, { ignoreVary: true }).then(function (hit) {
        return hit || Response.error();
      });
    });
  },
  "GET"
);

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method === "POST" && url.origin === self.location.origin && url.pathname === LOGOUT) {
    // Signing out: nothing of this learner stays readable on the device.
    event.respondWith(clearPersonalCaches().then(function () { return fetch(request); }));
  }
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "hocmo-clear") {
    event.waitUntil(clearPersonalCaches());
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === HocMoQueue.SYNC_TAG) {
    // The pages open now show what was sent or refused (offline.js listens).
    event.waitUntil(HocMoQueue.replay().then(function (outcome) {
      return self.clients.matchAll({ type: "window" }).then(function (windows) {
        windows.forEach(function (client) {
          client.postMessage({ type: "hocmo-replayed", outcome: outcome });
        });
      });
    }));
  }
});
