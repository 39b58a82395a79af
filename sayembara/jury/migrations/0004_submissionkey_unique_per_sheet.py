"""Submission keys: step 2 of 2, the scope is required and a key is unique per (juror, stage, entry)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("jury", "0003_submissionkey_scope"),
    ]

    operations = [
        migrations.AlterField(
            model_name="submissionkey",
            name="juror",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="submission_keys",
                                    to="jury.juror", verbose_name="juror"),
        ),
        migrations.AlterField(
            model_name="submissionkey",
            name="stage",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="editions.stage",
                                    verbose_name="stage"),
        ),
        migrations.AlterField(
            model_name="submissionkey",
            name="entry",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="entries.entry",
                                    verbose_name="entry"),
        ),
        migrations.AddConstraint(
            model_name="submissionkey",
            constraint=models.UniqueConstraint(fields=("juror", "stage", "entry", "key"), name="one_submission_key_per_sheet"),
        ),
    ]
