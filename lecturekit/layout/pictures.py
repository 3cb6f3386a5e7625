"""Pictures as the writers embed them: the file itself when it will do, else a converted copy.

The article's image files are never changed. A PNG or JPEG of a sensible size goes in as it
is; a GIF gives its first frame (as PNG), BMP and TIFF become PNG, a photo turned by its EXIF
orientation is turned upright, and a picture with far more pixels than its place on a slide or
a page can show is scaled down, so decks and handouts stay small and quick to open.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

EMBEDDED_AS_IS = ("PNG", "JPEG")
DPI = 220  # pixels per inch kept: sharp on a projector and in print
_ORIENTATION = 0x0112


def picture_bytes(path: Path, width_pt: float, height_pt: float) -> tuple[bytes, tuple[int, int]]:
    """Return the bytes to embed for the picture at `path`, shown at most `width_pt` x `height_pt`
    points, and their pixel size."""
    return _fitted(path.read_bytes(), width_pt, height_pt)


@lru_cache(maxsize=16)  # by content, not path: under --watch a picture may be replaced
def _fitted(data: bytes, width_pt: float, height_pt: float) -> tuple[bytes, tuple[int, int]]:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as picture:
        kind = picture.format
        turned = picture.getexif().get(_ORIENTATION, 1) not in (1, None)
        limit = (round(width_pt / 72 * DPI), round(height_pt / 72 * DPI))
        # Scale down only what is well over the limit: re-encoding costs quality for little gain.
        too_big = min(limit[0] / picture.width, limit[1] / picture.height) < 1 / 1.5
        if kind in EMBEDDED_AS_IS and not turned and not too_big:
            return data, picture.size
        picture.seek(0)  # a GIF's (or TIFF's) first frame
        image = ImageOps.exif_transpose(picture) if turned else picture.copy()
    if too_big:
        image.thumbnail(limit, Image.Resampling.LANCZOS)  # keeps the aspect ratio
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    return out.getvalue(), image.size
