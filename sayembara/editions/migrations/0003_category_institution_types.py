"""A category is open to a set of kinds of unit (OPD and BUMD; villages), not to one kind or all."""

import django.db.models.deletion
from django.db import migrations, models


def copy_kinds(apps, schema_editor):
    Category = apps.get_model("editions", "Category")
    for category in Category.objects.exclude(institution_type=None):
        category.institution_types.add(category.institution_type_id)


def copy_back(apps, schema_editor):
    Category = apps.get_model("editions", "Category")
    for category in Category.objects.all():
        kinds = list(category.institution_types.values_list("pk", flat=True))
        category.institution_type_id = kinds[0] if len(kinds) == 1 else None
        category.save(update_fields=["institution_type"])


class Migration(migrations.Migration):

    dependencies = [
        ('editions', '0002_decision_sequence'),
        ('institutions', '0002_aliases'),
    ]

    operations = [
        # The old field gives up its reverse name to the new one while both exist.
        migrations.AlterField(
            model_name='category',
            name='institution_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+',
                                    to='institutions.institutiontype', verbose_name='only for institution type'),
        ),
        migrations.AddField(
            model_name='category',
            name='institution_types',
            field=models.ManyToManyField(blank=True, help_text='Leave empty to open the category to every kind of unit.', related_name='categories', to='institutions.institutiontype', verbose_name='open to institution types'),
        ),
        migrations.RunPython(copy_kinds, copy_back),
        migrations.RemoveField(
            model_name='category',
            name='institution_type',
        ),
    ]
