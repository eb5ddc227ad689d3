# HọcMở container image: one image for web (gunicorn), Celery workers and beat — the command
# differs. docs/operations.md. Build: docker build -t hocmo .
#   web:    docker run --env-file hocmo.env -p 8000:8000 hocmo
#   worker: docker run --env-file hocmo.env hocmo celery -A lms worker -Q notifications
#   beat:   docker run --env-file hocmo.env hocmo celery -A lms beat
FROM python:3.11-slim

# Run-time Debian packages (the Makefile's SYSTEM_PACKAGES): Pango for WeasyPrint PDFs, fonts
# with Vietnamese glyphs, poppler-utils, gettext (compilemessages); the PostgreSQL client for
# scripts/backup.sh and scripts/restore_drill.sh.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils gettext \
      postgresql-client nodejs npm \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=lms.settings.production HOCMO_LOG_FORMAT=json
WORKDIR /app

COPY pyproject.toml ./
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN pip install --no-cache-dir . \
 && python scripts/vendor_assets.py \
 && python manage.py compilemessages --ignore=node_modules \
 && DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput \
 && rm -rf node_modules /tmp/build.sqlite3 \
 && useradd --system --uid 10001 hocmo
USER hocmo

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["gunicorn", "lms.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logfile", "-"]
