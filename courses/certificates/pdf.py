"""The certificate PDF: an HTML template rendered by WeasyPrint with DejaVu fonts (full
Vietnamese coverage), a QR code (segno, inline SVG) to the public verification page."""

import base64
from pathlib import Path
from urllib.parse import urljoin

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def verify_url(certificate) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", certificate.verify_path)


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, border=2)


def _signature_src() -> str:
    path = settings.CERTIFICATE_SIGNATURE_IMAGE
    if path and Path(path).is_file():
        data = Path(path).read_bytes()
        mime = "image/svg+xml" if path.endswith(".svg") else "image/png"
        return f"data:{mime};base64,{base64.b64encode(data).decode()}"
    return ""


def certificate_html(certificate) -> str:
    url = verify_url(certificate)
    with translation.override("vi"):  # certificates are Vietnamese documents
        return render_to_string("certificates/pdf.html", {
            "c": certificate, "verify_url": url, "qr_svg": qr_svg(url),
            "signature_src": _signature_src(),
            "signer_name": settings.CERTIFICATE_SIGNER_NAME,
            "signer_title": settings.CERTIFICATE_SIGNER_TITLE,
        })


def certificate_pdf(certificate) -> bytes:
    from weasyprint import HTML

    return HTML(string=certificate_html(certificate),
                base_url=settings.WAGTAILADMIN_BASE_URL).write_pdf()
