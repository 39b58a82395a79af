"""Submission keys are scoped to one juror's sheet (juror, stage, entry) and keep the answer they got.

Step 1 of 2: the new columns, nullable, filled from each key's sheet. Step 2
(0004) makes them required and adds the uniqueness; the two run in separate
transactions because PostgreSQL refuses to alter a table with pending
deferred foreign-key checks from the rows updated here.
"""

import django.db.models.deletion
from django.db import migrations, models


def fill_scope(apps, schema_editor):
    SubmissionKey = apps.get_model("jury", "SubmissionKey")
    for row in SubmissionKey.objects.select_related("sheet").iterator():
        row.juror_id, row.stage_id, row.entry_id = row.sheet.juror_id, row.sheet.stage_id, row.sheet.entry_id
        row.save(update_fields=["juror", "stage", "entry"])


class Migration(migrations.Migration):

    dependencies = [
        ("editions", "0001_initial"),
        ("entries", "0003_sdgs"),
        ("jury", "0002_juror_expertise_juror_invitation_accepted_at_and_more"),
    ]

    operations = [
        migrations.AlterField(
            model_name="submissionkey",
            name="key",
            field=models.CharField(max_length=64, verbose_name="key"),
        ),
        migrations.AddField(
            model_name="submissionkey",
            name="juror",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="submission_keys",
                                    to="jury.juror", verbose_name="juror"),
        ),
        migrations.AddField(
            model_name="submissionkey",
            name="stage",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                    to="editions.stage", verbose_name="stage"),
        ),
        migrations.AddField(
            model_name="submissionkey",
            name="entry",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                    to="entries.entry", verbose_name="entry"),
        ),
        migrations.AddField(
            model_name="submissionkey",
            name="result",
            field=models.JSONField(blank=True, default=dict, verbose_name="result"),
        ),
        migrations.RunPython(fill_scope, migrations.RunPython.noop),
    ]
