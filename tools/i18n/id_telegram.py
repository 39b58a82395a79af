"""Indonesian for issue 18, part 4: posting to the regency's Telegram channel (bot, previews, posts, the log)."""

ID = {
    "Telegram channel": "Kanal Telegram",
    "Queued": "Dalam antrean",
    "Sent": "Terkirim",
    "Failed": "Gagal",
    "edition": "edisi",
    "kind": "jenis",
    "State": "Keadaan",
    "Edition": "Edisi",
    "Show": "Tampilkan",
    "Pages": "Halaman",
    "Newer": "Lebih baru",
    "Older": "Lebih lama",
    "Save": "Simpan",
    "Channel": "Kanal",
    "channel": "kanal",
    "error": "galat",
    "text": "teks",
    "state": "keadaan",
    "sent at": "dikirim pada",
    "by": "oleh",
    "By": "Oleh",
    "Text": "Teks",
    "Post": "Unggahan",
    "No bot token is set.": "Token bot belum diisi.",
    "Telegram asked us to slow down (too many messages); try again in a few minutes.":
        "Telegram meminta pengiriman diperlambat (terlalu banyak pesan); coba lagi beberapa menit lagi.",
    "Telegram did not answer properly (server error %(status)s); try again later.":
        "Telegram tidak menjawab dengan benar (galat server %(status)s); coba lagi nanti.",
    "Telegram did not answer within %(seconds)s seconds.": "Telegram tidak menjawab dalam %(seconds)s detik.",
    "Telegram could not be reached (%(reason)s).": "Telegram tidak dapat dihubungi (%(reason)s).",
    "Telegram does not know this bot token (401 Unauthorized): check the token given by @BotFather.":
        "Telegram tidak mengenal token bot ini (401 Unauthorized): periksa token yang diberikan @BotFather.",
    "The bot may not post in this channel (403): add the bot to the channel as an administrator allowed to post messages.":
        "Bot tidak boleh mengirim ke kanal ini (403): tambahkan bot ke kanal sebagai administrator yang boleh "
        "mengirim pesan.",
    "Telegram does not know this channel (chat not found): check its @name or number, and that the bot is a member.":
        "Telegram tidak mengenal kanal ini (chat not found): periksa @nama atau nomornya, dan pastikan bot menjadi "
        "anggotanya.",
    "Telegram refused the message (%(status)s): %(description)s": "Telegram menolak pesan (%(status)s): %(description)s",
    "no reason given": "tanpa alasan",
    "%(edition)s is a draft: nothing about it is posted before it is opened.":
        "%(edition)s masih draf: tidak ada yang diunggah tentangnya sebelum dibuka.",
    "Unknown kind of post.": "Jenis unggahan tidak dikenal.",
    "%(what)s is posted only while the edition is open for entries; %(edition)s is “%(status)s”.":
        "%(what)s hanya diunggah selama edisi dibuka untuk pendaftaran; %(edition)s berstatus “%(status)s”.",
    "The call for entries": "Pengumuman pendaftaran",
    "📣 %(title)s is open for entries!": "📣 %(title)s dibuka untuk pendaftaran!",
    "Theme: %(theme)s": "Tema: %(theme)s",
    "Government units, villages and enterprises of %(host)s: enter your public service innovation, large or small.":
        "Perangkat daerah, pemerintah desa dan BUMD %(host)s: daftarkan inovasi pelayanan publik Anda, besar "
        "ataupun kecil.",
    "Deadline: %(when)s.": "Batas waktu: %(when)s.",
    "Details and registration: %(link)s": "Informasi dan pendaftaran: %(link)s",
    "A reminder of the deadline": "Pengingat batas waktu",
    "%(edition)s has no submission phase in its schedule: there is no deadline to recall.":
        "Jadwal %(edition)s tidak memiliki tahap pengiriman proposal: tidak ada batas waktu untuk diingatkan.",
    "The submission deadline of %(edition)s has passed.": "Batas waktu pengiriman %(edition)s sudah lewat.",
    "⏰ Last day to send proposals to %(title)s: until %(when)s.":
        "⏰ Hari terakhir mengirim proposal ke %(title)s: sampai %(when)s.",
    "⏰ %(days)s days left to send proposals to %(title)s: until %(when)s.":
        "⏰ Tinggal %(days)s hari lagi untuk mengirim proposal ke %(title)s: sampai %(when)s.",
    "Send your entry: %(link)s": "Kirim inovasi Anda: %(link)s",
    "The screening results of %(edition)s are not published yet: publish the announcement first.":
        "Hasil seleksi administrasi %(edition)s belum diumumkan: terbitkan pengumumannya dahulu.",
    "📋 Administrative screening of %(title)s: %(passed)s of %(screened)s innovations passed.":
        "📋 Seleksi administrasi %(title)s: %(passed)s dari %(screened)s inovasi lolos.",
    "Announcement number: %(number)s": "Nomor pengumuman: %(number)s",
    "Full announcement: %(link)s": "Pengumuman lengkap: %(link)s",
    "No category": "Tanpa kategori",
    "The full list": "Daftar lengkap",
    "%(edition)s has no provisional announcement yet: announce the provisional list first.":
        "%(edition)s belum memiliki pengumuman sementara: umumkan daftar sementara dahulu.",
    "The results of %(edition)s are final and published: post the winners instead.":
        "Hasil %(edition)s sudah final dan diumumkan: unggah para pemenang saja.",
    "📢 Provisional list of %(title)s (announcement %(number)s) is open to the public test (uji publik).":
        "📢 Daftar sementara %(title)s (pengumuman %(number)s) dibuka untuk uji publik.",
    "Responses may be sent until %(when)s.": "Tanggapan dapat disampaikan sampai %(when)s.",
    "See the list and respond: %(link)s": "Lihat daftarnya dan beri tanggapan: %(link)s",
    "The results of %(edition)s are not published yet: the winners are posted once they are.":
        "Hasil %(edition)s belum diumumkan: para pemenang diunggah setelah hasil diumumkan.",
    "🏆 The winners of %(title)s.": "🏆 Para pemenang %(title)s.",
    "Full results: %(link)s": "Hasil lengkap: %(link)s",
    "%(n)s awards.": "%(n)s penghargaan.",
    "Bot token": "Token bot",
    "From @BotFather. Leave empty to keep the token already stored.":
        "Dari @BotFather. Kosongkan untuk tetap memakai token yang sudah tersimpan.",
    "The channel's @name (e.g. @humaspemalang) or its numeric chat id. The bot must be an administrator of the channel, allowed to post.":
        "@nama kanal (mis. @humaspemalang) atau nomor chat id-nya. Bot harus menjadi administrator kanal yang boleh "
        "mengirim pesan.",
    "bot token": "token bot",
    "The channel's @name (e.g. @humaspemalang) or its numeric chat id.":
        "@nama kanal (mis. @humaspemalang) atau nomor chat id-nya.",
    "bot": "bot",
    "Telegram settings": "Pengaturan Telegram",
    "Call for entries": "Pengumuman pendaftaran",
    "Reminder before the submission deadline": "Pengingat sebelum batas waktu pengiriman",
    "Screening announcement": "Pengumuman seleksi administrasi",
    "Provisional list (public test)": "Daftar sementara (uji publik)",
    "Winners": "Pemenang",
    "Telegram message id": "Nomor pesan Telegram",
    "queued at": "masuk antrean pada",
    "channel post": "unggahan kanal",
    "channel posts": "unggahan kanal",
    "This does not look like a bot token: @BotFather gives one like 123456789:AAH… (digits, a colon, then letters).":
        "Ini tidak tampak seperti token bot: @BotFather memberikan token seperti 123456789:AAH… (angka, titik dua, "
        "lalu huruf).",
    "Give the bot token from @BotFather.": "Isi token bot dari @BotFather.",
    "Give the channel as its @name (e.g. @humaspemalang) or its numeric chat id (e.g. -1001234567890).":
        "Isi kanal dengan @namanya (mis. @humaspemalang) atau nomor chat id-nya (mis. -1001234567890).",
    "Give the bot token from @BotFather first.": "Isi token bot dari @BotFather dahulu.",
    "Connected: the bot is %(bot)s.": "Terhubung: botnya %(bot)s.",
    "Connect a bot and a channel first.": "Hubungkan bot dan kanal dahulu.",
    "The post could not be sent (an error of this site).": "Unggahan tidak dapat dikirim (galat pada situs ini).",
    "Checking the Telegram bot": "Memeriksa bot Telegram",
    "Asking Telegram who the bot is": "Menanyakan identitas bot ke Telegram",
    "Posting to the Telegram channel": "Mengunggah ke kanal Telegram",
    "Posting to the channel": "Mengunggah ke kanal",
    "Posted (message %(id)s).": "Terunggah (pesan %(id)s).",
    "Posts to the channel": "Unggahan ke kanal",
    "Telegram message": "Pesan Telegram",
    "sent": "terkirim",
    "scheduled": "terjadwal",
    "the schedule": "jadwal otomatis",
    "Nothing posted yet.": "Belum ada unggahan.",
    "Page %(number)s of %(total)s": "Halaman %(number)s dari %(total)s",
    "Telegram posts %(year)s": "Unggahan Telegram %(year)s",
    "Telegram posts: %(title)s %(year)s": "Unggahan Telegram: %(title)s %(year)s",
    "Bot, channel and every post": "Bot, kanal dan semua unggahan",
    "Connect a bot and a channel first: posts are previewed here, but cannot be sent.":
        "Hubungkan bot dan kanal dahulu: unggahan dapat dipratinjau di sini, tetapi belum dapat dikirim.",
    "Posts go to %(chat)s. Each is shown here as it will read; posting hands it to the worker, and the log below says whether Telegram took it.":
        "Unggahan dikirim ke %(chat)s. Masing-masing ditampilkan di sini seperti yang akan terbaca; mengunggah "
        "menyerahkannya ke worker, dan catatan di bawah menunjukkan apakah Telegram menerimanya.",
    "Post to the channel": "Unggah ke kanal",
    "The site posts the call for entries, deadline reminders, the screening announcement, the provisional list and the winners to the regency's Telegram channel, through a bot you connect here. WhatsApp groups keep their share links.":
        "Situs ini mengunggah pengumuman pendaftaran, pengingat batas waktu, pengumuman seleksi administrasi, "
        "daftar sementara dan para pemenang ke kanal Telegram kabupaten, melalui bot yang Anda hubungkan di sini. "
        "Grup WhatsApp tetap memakai tautan bagikan.",
    "Bot and channel": "Bot dan kanal",
    "A bot token ending in …%(tail)s is stored.": "Token bot yang berakhiran …%(tail)s tersimpan.",
    "Bot: %(bot)s.": "Bot: %(bot)s.",
    "Channel: %(chat)s.": "Kanal: %(chat)s.",
    "No bot is connected yet. Create one with @BotFather, add it to the channel as an administrator allowed to post, then give its token and the channel here.":
        "Belum ada bot yang terhubung. Buat bot dengan @BotFather, tambahkan ke kanal sebagai administrator yang "
        "boleh mengirim pesan, lalu isi token dan kanalnya di sini.",
    "Test the connection": "Uji koneksi",
    "Posts per edition": "Unggahan per edisi",
    "The Telegram bot and channel are saved.": "Bot dan kanal Telegram tersimpan.",
    "Choose what to post.": "Pilih apa yang akan diunggah.",
    "The post is queued: it is sent in a moment; its state is in the log below.":
        "Unggahan masuk antrean: sebentar lagi dikirim; keadaannya ada di catatan di bawah.",
    "The address of Telegram's Bot API (TELEGRAM_API_BASE) is not a valid web address.":
        "Alamat Bot API Telegram (TELEGRAM_API_BASE) bukan alamat web yang sah.",
    "This very post was queued or sent a few minutes ago: see the log below.":
        "Unggahan yang sama persis sudah masuk antrean atau terkirim beberapa menit lalu: lihat catatan di bawah.",
}
