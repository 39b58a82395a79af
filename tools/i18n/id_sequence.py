"""Indonesian for the decision sequence (issue 11): provisional announcement, public test, decision, decree, final publication."""

ID = {
    # Models and choices
    "Public test (uji publik)": "Uji publik",
    "numbering of papers": "penomoran dokumen",
    "days of the public test (uji publik)": "lama uji publik (hari)",
    "How long the public may respond to the provisional announcement.":
        "Berapa lama masyarakat dapat menanggapi pengumuman sementara.",
    "number": "nomor",
    "version": "versi",
    "announcement number": "nomor pengumuman",
    "announced at": "diumumkan pada",
    "end of the public test": "akhir uji publik",
    "what changed": "perubahan",
    "provisional announcement": "pengumuman sementara",
    "provisional announcements": "pengumuman sementara",
    "date of the meeting": "tanggal rapat",
    "place of the meeting": "tempat rapat",
    "jurors present": "juri yang hadir",
    "number of the minutes": "nomor berita acara",
    "decree number": "nomor SK",
    "decree date": "tanggal SK",
    "decision": "penetapan",
    "decisions": "penetapan",
    "certificate number": "nomor piagam",
    "Not decided": "Belum diputuskan",
    "Upheld: the result is corrected": "Diterima: hasil diperbaiki",
    "Not upheld": "Tidak diterima",
    "outcome": "hasil",
    "Provisional announcement (pengumuman sementara)": "Pengumuman sementara",
    "Minutes of the decision (berita acara penetapan)": "Berita acara penetapan",
    "Certificate (piagam)": "Piagam",
    "Correction (ralat)": "Ralat",
    "Attendance list of the decision meeting (daftar hadir)": "Daftar hadir rapat penetapan",
    "Decree on the winners (draft until its number is entered)": "Keputusan (SK) penetapan pemenang (draf sampai nomornya diisi)",

    # Numbering of papers
    "The pattern has an unmatched brace: %(error)s": "Pola memuat kurung kurawal yang tidak berpasangan: %(error)s",
    "Use only {seq}, {seq3}, {year} and {month} in a number pattern.":
        "Gunakan hanya {seq}, {seq3}, {year} dan {month} dalam pola nomor.",
    "A number pattern needs {seq} or {seq3}: otherwise two papers would share a number.":
        "Pola nomor harus memuat {seq} atau {seq3}: jika tidak, dua dokumen akan bernomor sama.",
    "Use letters, digits and . / - in a number pattern.": "Gunakan huruf, angka, dan . / - dalam pola nomor.",
    "No number could be given: try again.": "Nomor tidak dapat diberikan: silakan coba lagi.",
    "Announcement number": "Nomor pengumuman",
    "Leave empty to take the next number of the register.": "Kosongkan untuk memakai nomor berikutnya dari buku agenda.",

    # Provisional announcement
    "The winners are already decided: a provisional announcement is no longer possible.":
        "Pemenang sudah ditetapkan: pengumuman sementara tidak dapat dilakukan lagi.",
    "Every stage must be closed before the provisional announcement.":
        "Semua tahap harus ditutup sebelum pengumuman sementara.",
    "Propose the winners first: the provisional announcement names them.":
        "Usulkan pemenang terlebih dahulu: pengumuman sementara memuat nama mereka.",
    "Answer every response to the current provisional announcement before announcing a new version.":
        "Jawab setiap tanggapan atas pengumuman sementara yang berlaku sebelum mengumumkan versi baru.",
    "A new provisional version follows an upheld response only: no response to version %(version)s was upheld.":
        "Versi sementara baru hanya dapat diterbitkan bila ada tanggapan yang diterima: tidak ada tanggapan atas versi %(version)s yang diterima.",
    "The public test lasts from 1 to %(max)s days.": "Uji publik berlangsung antara 1 sampai %(max)s hari.",
    "Say what changed since version %(version)s and why: it is published with the new version.":
        "Jelaskan apa yang berubah sejak versi %(version)s dan alasannya: penjelasan ini diumumkan bersama versi baru.",
    "Provisional announcement %(number)s": "Pengumuman sementara %(number)s",
    "Provisional announcement": "Pengumuman sementara",
    "Version %(version)s, number %(number)s, %(when)s": "Versi %(version)s, nomor %(number)s, %(when)s",
    "Announce a corrected provisional version": "Umumkan versi sementara hasil perbaikan",
    "Announce the provisional results": "Umumkan hasil sementara",
    "Announce provisional version %(version)s?": "Umumkan versi sementara %(version)s?",
    "Announce the provisional results?": "Umumkan hasil sementara?",
    "The ranking of %(n)s entry and the proposed winners below become public as a provisional announcement.":
        "Peringkat %(n)s proposal dan usulan pemenang di bawah ini diumumkan kepada publik sebagai pengumuman sementara.",
    "The public test (uji publik) opens: anyone may respond, with name and e-mail address, until its end; every response is answered in public.":
        "Uji publik dibuka: siapa pun dapat menyampaikan tanggapan, dengan nama dan alamat e-mail, sampai uji publik berakhir; setiap tanggapan dijawab secara terbuka.",
    "The announcement cannot be changed afterwards: an upheld response leads to a corrected, new version.":
        "Pengumuman tidak dapat diubah setelahnya: tanggapan yang diterima menghasilkan versi baru yang telah diperbaiki.",
    "Its number will be %(number)s unless you enter the one from the office's register.":
        "Nomornya adalah %(number)s, kecuali Anda mengisi nomor dari buku agenda kantor.",
    "Yes, announce": "Ya, umumkan",
    "Days of the public test": "Lama uji publik (hari)",
    "What changed since the previous version, and why": "Apa yang berubah sejak versi sebelumnya, dan alasannya",
    "Provisional announcement %(number)s is public; the public test runs until %(end)s.":
        "Pengumuman sementara %(number)s telah diumumkan; uji publik berlangsung sampai %(end)s.",
    "Provisional ranking": "Peringkat sementara",
    "Proposed winners": "Usulan pemenang",

    # Public test and responses
    "The public test is closed: responses can no longer be filed.":
        "Uji publik sudah ditutup: tanggapan tidak dapat disampaikan lagi.",
    "Say whether the response is upheld or not.": "Nyatakan apakah tanggapan diterima atau tidak.",
    "The winners are decided: answers can no longer change.": "Pemenang sudah ditetapkan: jawaban tidak dapat diubah lagi.",
    "Public test": "Uji publik",
    "%(start)s – %(end)s": "%(start)s – %(end)s",
    "%(n)s response awaits an answer": "%(n)s tanggapan menunggu jawaban",
    "A response was upheld: correct the result, then announce a corrected version.":
        "Ada tanggapan yang diterima: perbaiki hasil, lalu umumkan versi hasil perbaikan.",
    "Responses and answers": "Tanggapan dan jawaban",
    "Answer a response of the public test": "Jawab tanggapan uji publik",
    "Outcome": "Hasil",
    "An upheld response obliges a correction of the scores or of an entry's eligibility, then a new provisional version with its own public test.":
        "Tanggapan yang diterima mewajibkan perbaikan nilai atau status kelayakan proposal, kemudian versi sementara baru dengan uji publiknya sendiri.",
    "Answer (published on the public test page)": "Jawaban (diumumkan di halaman uji publik)",
    "Public test of the provisional announcement: %(start)s – %(end)s (WIB).":
        "Uji publik atas pengumuman sementara: %(start)s – %(end)s (WIB).",
    "The provisional results are not announced yet: the public test opens with their announcement.":
        "Hasil sementara belum diumumkan: uji publik dibuka bersamaan dengan pengumumannya.",
    "The announced results": "Hasil yang diumumkan",
    "Respond to the provisional announcement": "Tanggapi pengumuman sementara",
    "Your name and your response are published with the organiser's answer; your e-mail address is not.":
        "Nama dan tanggapan Anda diumumkan bersama jawaban panitia; alamat e-mail Anda tidak diumumkan.",
    "Send the response": "Kirim tanggapan",
    "Responses cannot be filed now.": "Tanggapan tidak dapat disampaikan saat ini.",
    "on %(number)s": "atas pengumuman %(number)s",
    "No response has been filed.": "Belum ada tanggapan.",
    "version %(version)s": "versi %(version)s",
    "This result is not yet final. During the public test (uji publik) anyone may respond; every response is answered in public, and the winners are decided after it.":
        "Hasil ini belum final. Selama uji publik siapa pun dapat menyampaikan tanggapan; setiap tanggapan dijawab secara terbuka, dan pemenang ditetapkan sesudahnya.",
    "Public test: %(start)s – %(end)s (WIB).": "Uji publik: %(start)s – %(end)s (WIB).",
    "What changed since the previous version": "Perubahan sejak versi sebelumnya",
    "Earlier versions": "Versi sebelumnya",
    "Respond to this announcement": "Tanggapi pengumuman ini",
    "Your response has been recorded. The organiser's answer will appear on this page.":
        "Tanggapan Anda telah dicatat. Jawaban panitia akan tampil di halaman ini.",

    # Decision
    "The winners are already decided.": "Pemenang sudah ditetapkan.",
    "Announce the provisional results first: the public test comes before the decision.":
        "Umumkan hasil sementara terlebih dahulu: uji publik dilaksanakan sebelum penetapan.",
    "The public test runs until %(end)s: the decision comes after it.":
        "Uji publik berlangsung sampai %(end)s: penetapan dilakukan sesudahnya.",
    "%(n)s responses of the public test await an answer.": "%(n)s tanggapan uji publik menunggu jawaban.",
    "A response was upheld: correct the result and announce a new provisional version first.":
        "Ada tanggapan yang diterima: perbaiki hasil dan umumkan versi sementara baru terlebih dahulu.",
    "The result changed after provisional announcement %(number)s: announce a new version so the public can test it.":
        "Hasil berubah setelah pengumuman sementara %(number)s: umumkan versi baru agar masyarakat dapat mengujinya.",
    "The meeting cannot be dated in the future: record it once it has taken place.":
        "Tanggal rapat tidak boleh di masa mendatang: catat setelah rapat dilaksanakan.",
    "The meeting cannot be dated before the end of the public test.":
        "Tanggal rapat tidak boleh sebelum uji publik berakhir.",
    "Tick the jurors present at the meeting.": "Centang juri yang hadir dalam rapat.",
    "Only this edition's jurors can attend its decision.": "Hanya juri edisi ini yang dapat menghadiri penetapannya.",
    "Say where the meeting took place.": "Sebutkan tempat rapat dilaksanakan.",
    "Decision of the winners": "Penetapan pemenang",
    "Published results cannot be taken back: open a correction (ralat).":
        "Hasil yang sudah diumumkan tidak dapat ditarik kembali: buka ralat.",
    "Say why the decision is taken back.": "Sebutkan alasan penetapan dibatalkan.",
    "No decision is recorded.": "Belum ada penetapan yang dicatat.",
    "The result changed after the decision: take the decision back and announce a new provisional version.":
        "Hasil berubah setelah penetapan: batalkan penetapan dan umumkan versi sementara baru.",
    "The winners are fixed by the decision after the public test, not by a lock.":
        "Pemenang ditetapkan melalui penetapan setelah uji publik, bukan dengan penguncian.",
    "Only the winners of an open correction can be unlocked; before the final publication, take the decision back.":
        "Hanya pemenang pada ralat yang sedang dibuka yang dapat dibuka kuncinya; sebelum pengumuman akhir, batalkan penetapan.",
    "Decision": "Penetapan",
    "Decision (penetapan)": "Penetapan",
    "Record the decision of the winners": "Catat penetapan pemenang",
    "Record the decision of the winners first.": "Catat penetapan pemenang terlebih dahulu.",
    "Not yet": "Belum dapat dilakukan",
    "What this will do": "Yang akan terjadi",
    "The winners of provisional announcement %(number)s are fixed: they can no longer be changed, except by taking the decision back before the final publication.":
        "Pemenang pada pengumuman sementara %(number)s ditetapkan: pemenang tidak dapat diubah lagi, kecuali dengan membatalkan penetapan sebelum pengumuman akhir.",
    "The minutes (berita acara) are dated with the meeting and numbered %(number)s unless you enter the number from the office's register.":
        "Berita acara diberi tanggal rapat dan nomor %(number)s, kecuali Anda mengisi nomor dari buku agenda kantor.",
    "Record the decision": "Catat penetapan",
    "Decided on %(when)s at %(place)s (minutes %(number)s).": "Ditetapkan pada %(when)s di %(place)s (berita acara %(number)s).",
    "Take the decision back": "Batalkan penetapan",
    "Only before the final publication, for an error found after the meeting; the reason is kept in the audit trail. The winners can then be changed and a corrected provisional version announced.":
        "Hanya sebelum pengumuman akhir, untuk kesalahan yang ditemukan setelah rapat; alasannya disimpan dalam jejak audit. Pemenang kemudian dapat diubah dan versi sementara hasil perbaikan diumumkan.",
    "Why": "Alasan",
    "Take the decision back?": "Batalkan penetapan?",
    "Minutes": "Berita acara",
    "Date of the meeting": "Tanggal rapat",
    "Place of the meeting": "Tempat rapat",
    "Jurors present": "Juri yang hadir",
    "Number of the minutes (berita acara)": "Nomor berita acara",
    "The decision is recorded: the winners are fixed. Enter the decree once it is signed.":
        "Penetapan telah dicatat: pemenang sudah ditetapkan. Isi data SK setelah ditandatangani.",
    "The decision is taken back: the winners can be changed again.":
        "Penetapan telah dibatalkan: pemenang dapat diubah kembali.",

    # Decree
    "Record the decision first: the decree follows it.": "Catat penetapan terlebih dahulu: SK diterbitkan sesudahnya.",
    "The results are published: the decree they state cannot change.":
        "Hasil sudah diumumkan: SK yang tercantum di dalamnya tidak dapat diubah.",
    "Enter the decree number as signed.": "Isi nomor SK sesuai yang ditandatangani.",
    "The decree cannot be dated before the decision it rests on.":
        "Tanggal SK tidak boleh sebelum penetapan yang menjadi dasarnya.",
    "The decree cannot be dated in the future: enter it once it is signed.":
        "Tanggal SK tidak boleh di masa mendatang: isi setelah SK ditandatangani.",
    "Decree recorded": "SK dicatat",
    "Decree": "Keputusan (SK)",
    "Decree (SK)": "Keputusan (SK)",
    "The decree on the winners": "Keputusan (SK) penetapan pemenang",
    "Print the draft decree from the documents page; once the regent has signed it, enter its number and date here. The final publication states them.":
        "Cetak draf SK dari halaman dokumen; setelah ditandatangani Bupati, isi nomor dan tanggalnya di sini. Keduanya dicantumkan dalam pengumuman akhir.",
    "Draft decree (PDF)": "Draf SK (PDF)",
    "Save the decree": "Simpan SK",
    "Number %(number)s, %(when)s": "Nomor %(number)s, %(when)s",
    "Enter the decree": "Isi data SK",
    "Decree number": "Nomor SK",
    "Decree date": "Tanggal SK",
    "The decree is recorded.": "SK telah dicatat.",

    # Final publication
    "Enter the decree's number and date first: the final publication states them.":
        "Isi nomor dan tanggal SK terlebih dahulu: keduanya dicantumkan dalam pengumuman akhir.",
    "Final publication": "Pengumuman akhir",
    "From the ranking to the final word": "Dari peringkat sampai keputusan akhir",
    "Publish the final results": "Umumkan hasil akhir",
    "Fix the corrected winners": "Kunci pemenang hasil ralat",
    "%(n)s award proposed.": "%(n)s penghargaan diusulkan.",
    "Propose the winners": "Usulkan pemenang",
    "How this result was reached": "Bagaimana hasil ini diperoleh",
    "Provisional announcement %(number)s, %(when)s; public test until %(end)s":
        "Pengumuman sementara %(number)s, %(when)s; uji publik sampai %(end)s",
    "Decision of the jury, %(when)s, %(place)s (minutes %(number)s)":
        "Penetapan oleh dewan juri, %(when)s, %(place)s (berita acara %(number)s)",
    "Decree number %(number)s of %(when)s": "SK nomor %(number)s tanggal %(when)s",
    "Decree number %(number)s of %(when)s.": "SK nomor %(number)s tanggal %(when)s.",
    "Responses of the public test and their answers": "Tanggapan uji publik beserta jawabannya",
    "Publish the final results?": "Umumkan hasil akhir?",
    "The decided result, the provisional versions, the public test and the decree are published together and frozen under one SHA-256 fingerprint.":
        "Hasil yang ditetapkan, versi-versi sementara, uji publik, dan SK diumumkan bersama dan dibekukan dengan satu sidik jari SHA-256.",
    "From then on nothing the result rests on can change: a genuine error is corrected only by a numbered correction (ralat).":
        "Sejak saat itu dasar hasil tidak dapat diubah lagi: kesalahan yang nyata hanya dapat diperbaiki dengan ralat bernomor.",
    "%(n)s winner's certificate is issued": "%(n)s piagam pemenang diterbitkan",
    "and %(n)s participant's certificate and feedback letter, numbered and dated today.":
        "serta %(n)s piagam peserta dan surat umpan balik, diberi nomor dan bertanggal hari ini.",
    "Yes, publish the final results": "Ya, umumkan hasil akhir",
    "The corrected winners are fixed.": "Pemenang hasil ralat telah dikunci.",
    "The corrected winners can be changed again.": "Pemenang hasil ralat dapat diubah kembali.",
    "Unknown action.": "Tindakan tidak dikenal.",
    "Confirm the final publication on its page.": "Konfirmasi pengumuman akhir di halamannya.",
}

ID.update({
    "Number pattern: %(paper)s": "Pola nomor: %(paper)s",
    "From %(low)s to %(high)s days.": "Dari %(low)s sampai %(high)s hari.",
})

ID.update({
    "Entry number concerned (optional)": "Nomor proposal yang ditanggapi (tidak wajib)",
    "No entry of this edition has the number “%(code)s”.": "Tidak ada entri pada penyelenggaraan ini dengan nomor “%(code)s”.",
})
ID["Your response"] = "Tanggapan Anda"
