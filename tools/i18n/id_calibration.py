"""Indonesian for the rank ranges in plain words (issue 12): desk, public pages, settings."""

ID = {
    "automatic": "otomatis",
    "At most %(limit)s simulations.": "Paling banyak %(limit)s simulasi.",
    "simulations for the rank intervals": "jumlah simulasi rentang peringkat",
    "Leave empty to choose automatically (enough for interval ends stable within one rank); 0 shows no intervals.":
        "Kosongkan agar dipilih otomatis (cukup agar ujung rentang stabil dalam satu peringkat); 0 berarti tanpa rentang.",
    "Computing: bias correction, rank ranges and reliability; this takes a few seconds at national scale…":
        "Menghitung: koreksi bias, rentang peringkat dan reliabilitas; pada skala nasional perlu beberapa detik…",
    "Scores from a few jurors always carry some uncertainty, so each place is shown with a range: “rank 2, with range 1–4” means that the entry's true place lies between 1 and 4 with 95%% confidence. A “statistical tie” means that the difference in score from the neighbouring places cannot be told apart statistically; such places were decided by the tie-break rule announced beforehand.":
        "Nilai dari beberapa juri selalu mengandung ketidakpastian, sehingga setiap posisi ditampilkan dengan rentang: "
        "“peringkat 2, dengan rentang 1–4” berarti peringkat sebenarnya inovasi itu terletak antara 1 dan 4 dengan "
        "keyakinan 95%%. “Seri statistik” berarti selisih nilai dengan posisi di sekitarnya tidak dapat dibedakan "
        "secara statistik; posisi seperti itu diputuskan dengan aturan penentuan yang diumumkan sebelumnya.",
    "Method: %(method)s; computed %(when)s.": "Metode: %(method)s; dihitung %(when)s.",
    "Rank intervals from %(n)s simulations of the statistical model (starting number %(seed)s).":
        "Rentang peringkat dari %(n)s kali simulasi model statistik (bilangan acak awal %(seed)s).",
    "Simulation precision: interval ends within ±%(ends)s rank, P(prize) within ±%(p)s.":
        "Ketelitian simulasi: ujung rentang ±%(ends)s peringkat, P(juara) ±%(p)s.",
    "How to read the range: “rank 2, with range 1–4” means that, given how much the jurors differ and how much their scores vary, the entry's true place lies between 1 and 4 with 95%% confidence. Entries whose ranges overlap cannot be told apart by their scores alone.":
        "Cara membaca rentang: “peringkat 2, dengan rentang 1–4” berarti, dengan memperhitungkan perbedaan antarjuri "
        "dan keragaman nilai mereka, peringkat sebenarnya inovasi itu terletak antara 1 dan 4 dengan keyakinan 95%%. "
        "Inovasi yang rentangnya bertumpang tindih tidak dapat dibedakan hanya dari nilainya.",
    "Some positions at a prize boundary are a statistical tie: the difference in their scores cannot be told apart statistically. Decide them with the edition's tie-break rule, not by decimals.":
        "Beberapa posisi di batas juara adalah seri statistik: selisih nilainya tidak dapat dibedakan secara statistik. "
        "Putuskan dengan aturan penentuan seri edisi ini, bukan dengan angka desimal.",
    "Stage %(stage)s: these entries were scored by a group of %(n)s juror who shares no entry with the rest of the jury, so that juror's leniency cannot be told apart from the entries' quality. It is taken as average, the other entries keep the correction, and these entries' rank ranges are wider:":
        "Tahap %(stage)s: inovasi berikut dinilai oleh kelompok %(n)s juri yang tidak berbagi satu inovasi pun dengan "
        "juri lainnya, sehingga kelonggaran juri itu tidak dapat dipisahkan dari mutu inovasinya. Kelonggarannya "
        "dianggap rata-rata, inovasi lain tetap dikoreksi, dan rentang peringkat inovasi berikut lebih lebar:",
    "and %(more)s more": "dan %(more)s lainnya",
    "Rank range (95%%)": "Rentang peringkat (95%%)",
    "Final rank %(rank)s, with range %(low)s–%(high)s (95%% confidence); corrected score %(score)s, plain mean %(mean)s.":
        "Peringkat akhir %(rank)s, dengan rentang %(low)s–%(high)s (keyakinan 95%%); nilai terkoreksi %(score)s, "
        "rata-rata biasa %(mean)s.",
    "Final rank %(rank)s; corrected score %(score)s, plain mean %(mean)s.":
        "Peringkat akhir %(rank)s; nilai terkoreksi %(score)s, rata-rata biasa %(mean)s.",
    "The difference in score from the neighbouring places cannot be told apart statistically.":
        "Selisih nilai dengan posisi di sekitarnya tidak dapat dibedakan secara statistik.",
    "Commands for a technical check": "Perintah untuk pemeriksaan teknis",
}
