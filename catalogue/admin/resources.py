"""CSV columns for django-import-export: explicit fields only, stable codes as values."""

from import_export import fields, resources, widgets

from ..models import OFFER_FACT_FIELDS, Objective, Platform, Training, Use

# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(…), =cmd|…, +, -, @),
# or becomes one once the leading tab or carriage return is dropped.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """Text a spreadsheet shows as written: a leading apostrophe before a formula (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SpreadsheetSafeResource(resources.ModelResource):
    """Every export of the admin: formulas in what trainers and visitors typed come out as text.

    An import takes the apostrophe off again, so an exported file imports unchanged.
    """

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for key, value in row.items():
            if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
                row[key] = value[1:]


class TrainingResource(SpreadsheetSafeResource):
    """Export only (the admin list's "Export" button): the rows are the admin list's,
    as filtered and searched (TrainingAdmin.get_export_queryset)."""

    trainer = fields.Field(attribute="trainer__name", column_name="trainer", readonly=True)
    trainer_slug = fields.Field(attribute="trainer__slug", column_name="trainer_slug", readonly=True)
    objectives = fields.Field(
        attribute="objectives",
        column_name="objectives",
        widget=widgets.ManyToManyWidget(Objective, separator="|", field="slug"),
        readonly=True,
    )
    uses = fields.Field(
        attribute="uses",
        column_name="uses",
        widget=widgets.ManyToManyWidget(Use, separator="|", field="code"),
        readonly=True,
    )
    platforms = fields.Field(
        attribute="platforms",
        column_name="platforms",
        widget=widgets.ManyToManyWidget(Platform, separator="|", field="slug"),
        readonly=True,
    )

    class Meta:
        model = Training
        # The offer's facts as the admin shows them (no long texts), between who and when.
        fields = (
            "id",
            "slug",
            "title",
            "trainer",
            "trainer_slug",
            "status",
            *OFFER_FACT_FIELDS,
            "featured",
            "submitted_at",
            "published_at",
        )
        export_order = fields


class ObjectiveResource(SpreadsheetSafeResource):
    """Import and export of objectives, matched on their slug."""

    class Meta:
        model = Objective
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "focus",
            "name_fr",
            "name_en",
            "description_fr",
            "description_en",
            "keywords_fr",
            "keywords_en",
            "order",
            "is_active",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
