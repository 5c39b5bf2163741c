"""Trainer photos: only real images, size-limited, re-encoded at most 800 px.

Re-encoding through Pillow drops anything hidden in the upload (metadata,
scripts appended to the file); the storage API stores it under a generated
name (`experts.models.photo_upload_to`), so local disk or S3 work alike.
"""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 800
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # refuses decompression bombs well before Pillow's own limit


def validate_photo(upload):
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is too large: 2 MB at most."), code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="format")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image is too large."), code="pixels")
            image.verify()
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds for a broken or fake image
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="invalid") from error
    finally:
        upload.seek(0)


def resized_photo(upload):
    """A JPEG ContentFile of the upload, rotated upright and at most MAX_SIDE px."""
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        out = BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name="photo.jpg")
