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
# Read from the file's header, before any decoding. 12 MP (a 4000 x 3000 phone photo) bounds
# one upload's processing to about 110 MB for a transparent PNG and 11 MB for a JPEG
# (decoded at a reduced scale); 40 MP took 645 MB.
MAX_PIXELS = 12_000_000


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
        if image.width * image.height > MAX_PIXELS:  # validate_photo said so; never decode a bigger one
            raise ValidationError(_("The image is too large."), code="pixels")
        # Reduce first, so that every copy below is small. JPEG decodes at a reduced scale (draft).
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
        if image.mode not in ("RGB", "L", "RGBA", "LA"):
            image = image.convert("RGBA")
        image.thumbnail((MAX_SIDE, MAX_SIDE))  # MAX_SIDE square: the same before or after rotation
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        out = BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name="photo.jpg")
