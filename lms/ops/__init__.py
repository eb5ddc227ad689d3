"""Operations endpoints and plumbing (issue 25): `/healthz`, `/readyz`, `/metrics`, and the
request id carried into every log line. Not an app: no models, no templates.

- requestid.py: the `X-Request-ID` middleware and the logging filter that reads it;
- health.py: the readiness checks (database, cache, broker), each bounded in time;
- views.py, urls.py: the three machine endpoints (English, `@public`, never cached);
- middleware.py: answers those endpoints first, before sessions, CSRF, locale or the page cache.
docs/operations.md describes them."""
