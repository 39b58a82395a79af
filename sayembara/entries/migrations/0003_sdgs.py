from django.db import migrations

# The 17 goals, with the official Indonesian names (Tujuan Pembangunan Berkelanjutan).
GOALS = [
    (1, "Tanpa Kemiskinan", "No poverty"),
    (2, "Tanpa Kelaparan", "Zero hunger"),
    (3, "Kehidupan Sehat dan Sejahtera", "Good health and well-being"),
    (4, "Pendidikan Berkualitas", "Quality education"),
    (5, "Kesetaraan Gender", "Gender equality"),
    (6, "Air Bersih dan Sanitasi Layak", "Clean water and sanitation"),
    (7, "Energi Bersih dan Terjangkau", "Affordable and clean energy"),
    (8, "Pekerjaan Layak dan Pertumbuhan Ekonomi", "Decent work and economic growth"),
    (9, "Industri, Inovasi dan Infrastruktur", "Industry, innovation and infrastructure"),
    (10, "Berkurangnya Kesenjangan", "Reduced inequalities"),
    (11, "Kota dan Permukiman yang Berkelanjutan", "Sustainable cities and communities"),
    (12, "Konsumsi dan Produksi yang Bertanggung Jawab", "Responsible consumption and production"),
    (13, "Penanganan Perubahan Iklim", "Climate action"),
    (14, "Ekosistem Lautan", "Life below water"),
    (15, "Ekosistem Daratan", "Life on land"),
    (16, "Perdamaian, Keadilan dan Kelembagaan yang Tangguh", "Peace, justice and strong institutions"),
    (17, "Kemitraan untuk Mencapai Tujuan", "Partnerships for the goals"),
]


def add_goals(apps, schema_editor):
    SDG = apps.get_model("entries", "SDG")
    for number, name_id, name_en in GOALS:
        SDG.objects.update_or_create(number=number, defaults={"name_id": name_id, "name_en": name_en})


def remove_goals(apps, schema_editor):
    apps.get_model("entries", "SDG").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("entries", "0002_proposal_form")]
    operations = [migrations.RunPython(add_goals, remove_goals)]
