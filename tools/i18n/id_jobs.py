"""Indonesian for the jobs app (issue 15): job states, the jobs pages, the outbox, the worker's messages."""

ID = {
    # App and states
    "Jobs": "Pekerjaan latar",
    "Queued": "Dalam antrean",
    "Running": "Sedang berjalan",
    "Done": "Selesai",
    "Failed": "Gagal",
    "Waiting to be sent": "Menunggu dikirim",
    "Being sent": "Sedang dikirim",
    "Sent": "Terkirim",
    "Not sent": "Tidak terkirim",
    # Written by the worker while a job runs
    "A service did not answer; trying again shortly.": "Sebuah layanan tidak menjawab; dicoba lagi sebentar lagi.",
    "Step %(step)s of %(steps)s": "Langkah %(step)s dari %(steps)s",
    # The status fragment and page
    "Progress": "Kemajuan",
    "See the result": "Lihat hasilnya",
    "The job did not finish.": "Pekerjaan ini tidak selesai.",
    "Job": "Pekerjaan",
    "All jobs": "Semua pekerjaan",
    # The list
    "Heavy work runs on the worker, outside the page: here is each job, how it went and, when it failed, why.":
        "Pekerjaan berat dijalankan oleh worker, di luar halaman: di sini setiap pekerjaan, bagaimana hasilnya, "
        "dan bila gagal, apa sebabnya.",
    "Check the worker": "Periksa worker",
    "E-mail not sent": "E-mail yang tidak terkirim",
    "Written": "Ditulis",
    "Recipients": "Penerima",
    "Subject": "Perihal",
    "Tries": "Percobaan",
    "Error": "Galat",
    "Recent jobs": "Pekerjaan terbaru",
    "State": "Status",
    "Started by": "Dimulai oleh",
    "Created": "Dibuat",
    "%(counter)s try": "%(counter)s percobaan",
    "No jobs yet.": "Belum ada pekerjaan.",
    # Already in other catalogues; listed so this one is complete
    "Pages": "Halaman",
    "Newer": "Lebih baru",
    "Older": "Lebih lama",
    "Page %(number)s of %(total)s": "Halaman %(number)s dari %(total)s",
}

ID.update({
    "Computing the ranking": "Menghitung peringkat",
    "Re-indexing the registry": "Memperbarui indeks daftar inovasi",
    "Indexing innovations": "Mengindeks inovasi",
})

ID.update({
    "Looking for possible duplicates": "Mencari kemungkinan duplikat",
    "Comparing the entries with every innovation of the registry": "Membandingkan entri dengan setiap inovasi di daftar inovasi",
    "Not looked for yet since the registry last changed. Comparing every entry with every innovation of the registry takes a while: the server does it in the background and this page shows the result.":
        "Belum dicari sejak daftar inovasi terakhir berubah. Membandingkan setiap entri dengan setiap inovasi di daftar inovasi memakan waktu: server mengerjakannya di latar belakang dan halaman ini menampilkan hasilnya.",
    "Look for possible duplicates": "Cari kemungkinan duplikat",
    "Look again": "Cari lagi",
    "%(days)s days left to send “%(title)s”": "Tinggal %(days)s hari untuk mengirim “%(title)s”",
    "Your entry “%(title)s” (%(code)s) is still a draft. It can be sent until %(deadline)s: %(link)s":
        "Entri Anda “%(title)s” (%(code)s) masih berupa draf. Entri dapat dikirim sampai %(deadline)s: %(link)s",
})

ID.update({
    "Assigning jurors": "Menugaskan juri",
    "Looking for the best assignment": "Mencari penugasan terbaik",
})

ID.update({
    "The scores changed since the ranking was computed, or it was never computed: compute it, then print this paper again.":
        "Nilai berubah sejak peringkat dihitung, atau peringkat belum pernah dihitung: hitung peringkat, lalu cetak dokumen ini lagi.",
})

ID.update({
    "Preparing similar-innovation search": "Menyiapkan pencarian inovasi serupa",
    "Comparing innovations": "Membandingkan inovasi",
})

ID.update({
    "The scores changed since the ranking was computed, or it was never computed: compute it on the results desk first.":
        "Nilai berubah sejak peringkat dihitung, atau peringkat belum pernah dihitung: hitung peringkat di meja hasil terlebih dahulu.",
})

ID.update({
    "Sustainability follow-up round": "Putaran tindak lanjut keberlanjutan",
    "Asking the owners of past entries": "Menanyai pemilik entri terdahulu",
})

ID.update({"Background jobs": "Pekerjaan latar belakang"})
