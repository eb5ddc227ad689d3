"""Cover illustrations of the demo courses (issue 19 item 12), drawn here with Pillow — nothing
downloaded — and stored as Wagtail images, so the catalogue cards show a picture. Each is a flat
640×320 WebP of a few KB; the cards ask for a 320×160 rendition."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

# Programme → (background, accent, light) colours.
PALETTES = {
    "startup": ("#fdf1dc", "#e07a1f", "#ffffff"),
    "digital": ("#e3effc", "#1f5fae", "#ffffff"),
    "stem": ("#e6f5ec", "#17804a", "#ffffff"),
    "career": ("#f1e9fb", "#6a3fb0", "#ffffff"),
}


def _startup(d: ImageDraw.ImageDraw, accent: str, light: str) -> None:
    """A light bulb with rays: an idea."""
    d.ellipse((250, 60, 390, 200), fill=accent)
    d.rectangle((290, 195, 350, 240), fill=accent)
    d.rectangle((296, 245, 344, 258), fill="#555555")
    d.ellipse((282, 92, 318, 128), fill=light)
    for x1, y1, x2, y2 in ((200, 130, 230, 130), (410, 130, 440, 130), (230, 60, 252, 80),
                           (410, 60, 388, 80), (320, 20, 320, 45)):
        d.line((x1, y1, x2, y2), fill=accent, width=10)


def _digital(d: ImageDraw.ImageDraw, accent: str, light: str) -> None:
    """A laptop with a padlock on its screen: safe digital skills."""
    d.rounded_rectangle((190, 60, 450, 220), radius=12, fill=accent)
    d.rectangle((205, 75, 435, 205), fill=light)
    d.polygon((160, 230, 480, 230, 500, 260, 140, 260), fill="#555555")
    d.rounded_rectangle((290, 130, 350, 185), radius=6, fill=accent)
    d.arc((298, 100, 342, 150), 180, 360, fill=accent, width=8)


def _stem(d: ImageDraw.ImageDraw, accent: str, light: str) -> None:
    """A robot's head with an antenna."""
    d.line((320, 30, 320, 70), fill=accent, width=8)
    d.ellipse((308, 18, 332, 42), fill=accent)
    d.rounded_rectangle((220, 70, 420, 220), radius=24, fill=accent)
    d.ellipse((255, 110, 305, 160), fill=light)
    d.ellipse((335, 110, 385, 160), fill=light)
    d.rounded_rectangle((270, 180, 370, 198), radius=8, fill=light)
    d.rectangle((200, 120, 220, 170), fill=accent)
    d.rectangle((420, 120, 440, 170), fill=accent)
    d.rectangle((260, 230, 380, 290), fill="#555555")


def _careers(d: ImageDraw.ImageDraw, accent: str, light: str) -> None:
    """Steps up to a flag: a path to a job."""
    for i in range(4):
        d.rectangle((170 + i * 70, 250 - i * 50, 240 + i * 70, 290), fill=accent)
    d.line((470, 100, 470, 40), fill="#555555", width=6)
    d.polygon((472, 40, 520, 55, 472, 70), fill=accent)
    d.ellipse((190, 190, 220, 220), fill="#555555")


MOTIFS = {"startup": _startup, "digital": _digital, "stem": _stem, "career": _careers}


def cover_webp(programme_code: str) -> bytes:
    background, accent, light = PALETTES.get(programme_code, PALETTES["digital"])
    picture = PILImage.new("RGB", (640, 320), background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((-80, 200, 160, 440), fill=light)
    draw.ellipse((520, -60, 700, 120), fill=light)
    MOTIFS.get(programme_code, _digital)(draw, accent, light)
    out = io.BytesIO()
    picture.save(out, "WEBP", quality=70)
    return out.getvalue()


def build_course_images(courses) -> None:
    """A cover image for each demo course that has none (idempotent)."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    for course in courses:
        if course.cover_image_id:
            continue
        image = Image(title=f"{course.title} (minh họa)")
        image.file.save(f"demo-{course.slug}.webp",
                        ImageFile(io.BytesIO(cover_webp(course.programme.code)),
                                  name=f"demo-{course.slug}.webp"), save=False)
        image.save()
        course.cover_image = image
        course.save_revision().publish()
