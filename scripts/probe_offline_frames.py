# ruff: noqa: E501 - the probe's JavaScript and HTML read better unbroken
"""Why an H5P player frame cannot open offline (docs/features/offline.md, "H5P and SCORM
offline"): a probe of what Chromium does with service workers and sandboxed frames, on a
throwaway server with two hosts like development (site 127.0.0.1, content localhost).

    .venv/bin/python scripts/probe_offline_frames.py

Prints one line per question. Needs Debian chromium and Playwright (dev dependencies). Not a
test: it checks the browser, not HọcMở."""

import base64
import http.server
import threading

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ALLOW_3P = "--disable-features=TrackingProtection3pcd,ThirdPartyCookieDeprecation,BlockThirdPartyCookies"
WORKER = """self.skipWaiting(); self.addEventListener('activate', e => e.waitUntil(clients.claim()));
self.addEventListener('fetch', e => { const u = new URL(e.request.url);
  if (u.pathname.startsWith('/frame')) { const n = u.pathname.slice(1);
    const h = new Headers({'Content-Type': 'text/html'});
    if (n !== 'frameA') h.set('Content-Security-Policy', 'sandbox allow-scripts');
    e.respondWith(new Response('<script>parent.postMessage("' + n + ' document from the worker","*")</script><script src="/sub.js?' + n + '"></script>', {headers: h})); }
  else if (u.pathname === '/sub.js') e.respondWith(new Response('parent.postMessage("' + u.search.slice(1) + ' script from the worker","*")', {headers: {'Content-Type': 'text/javascript'}})); });"""
DATA_DOC = base64.b64encode(b"<script>parent.postMessage('data: frame ran an inline script','*')</script>").decode()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, body, ctype, *headers):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body.encode())

    def do_GET(self):
        port = self.server.server_address[1]
        site = self.headers["Host"].startswith("127.0.0.1")
        if site and self.path == "/":
            self._send(f"""<script nonce=n>window.results = [];
addEventListener('message', e => results.push(String(e.data)));
function frames() {{ for (const [name, sandboxed] of [['frameA', 1], ['frameB', 0], ['frameC', 1]]) {{
  const f = document.createElement('iframe'); if (sandboxed) f.setAttribute('sandbox', 'allow-scripts');
  f.src = 'http://localhost:{port}/' + name; document.body.append(f); }} }}
function dataFrame() {{ const f = document.createElement('iframe'); f.setAttribute('sandbox', 'allow-scripts');
  f.src = 'data:text/html;base64,{DATA_DOC}'; document.body.append(f); }}</script>
<iframe src="http://localhost:{port}/install"></iframe>""", "text/html",
                       ("Content-Security-Policy", "script-src 'nonce-n'; frame-src * data:"))
        elif self.path == "/install":
            self._send("<script>navigator.serviceWorker.register('/worker.js').then(() => "
                       "navigator.serviceWorker.ready).then(() => parent.postMessage('worker ready', '*'), "
                       "e => parent.postMessage('worker refused: ' + e.message, '*'))</script>", "text/html")
        elif self.path == "/worker.js":
            self._send(WORKER, "text/javascript")
        elif self.path.startswith("/frame"):
            name = self.path[1:]
            headers = [] if name == "frameA" else [("Content-Security-Policy", "sandbox allow-scripts")]
            self._send(f"<script>parent.postMessage('{name} document from the network','*')</script>"
                       f"<script src='/sub.js?{name}'></script>", "text/html", *headers)
        elif self.path.startswith("/sub.js"):
            self._send(f"parent.postMessage('{self.path[8:]} script from the network','*')",
                       "text/javascript")


def run(browser_args, label):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--headless", "--no-sandbox", *browser_args])
        page = browser.new_context(service_workers="allow").new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_function("() => results.some(r => r.startsWith('worker'))", timeout=10_000)
        page.evaluate("frames(); dataFrame()")
        page.wait_for_timeout(1500)
        print(f"--- {label}")
        for line in page.evaluate("results"):
            print("   ", line)
        browser.close()
    server.shutdown()
    print("    (frameA: sandbox attribute; frameB: CSP sandbox only; frameC: both; "
          "no 'data:' line = its inline script was refused by the site's CSP)")


if __name__ == "__main__":
    run([], "third-party cookies blocked (this Chromium's default)")
    run([ALLOW_3P], "third-party cookies allowed")
