"""Indonesian for unit membership, confirmations and invitations (issue 9)."""

ID = {
    "This e-mail address is not confirmed yet. Open the link we sent you, or ask for a new one.":
        "Alamat e-mail ini belum dikonfirmasi. Buka tautan yang kami kirim, atau minta tautan baru.",
    "Your request goes to the unit's verifier (or the organiser). You see the unit's entries once it is approved.":
        "Permintaan Anda dikirim ke verifikator unit (atau panitia). Anda dapat melihat proposal unit setelah disetujui.",
    "To move to another unit, ask its verifier or the organiser.":
        "Untuk pindah ke unit lain, hubungi verifikator unit atau panitia.",
    "Approve": "Setujui",
    "Refuse": "Tolak",
    "End membership": "Akhiri keanggotaan",
    "Reason": "Alasan",
    "This unit does not take part in the competition.": "Unit ini tidak ikut serta dalam kompetisi.",
    "You are already a member of %(unit)s. Ask its verifier or the organiser to end that membership first.":
        "Anda sudah menjadi anggota %(unit)s. Minta verifikator unit itu atau panitia mengakhiri keanggotaan tersebut terlebih dahulu.",
    "Asked to join a unit": "Meminta bergabung dengan unit",
    "Withdrawn by the person, who asked for another unit": "Ditarik oleh yang bersangkutan karena memilih unit lain",
    "%(name)s asks to join %(unit)s": "%(name)s meminta bergabung dengan %(unit)s",
    "%(name)s (%(email)s, %(position)s) asks to join %(unit)s in the Public Service Innovation Competition. Until you approve, this person sees nothing of the unit's entries.%(instead)s\n\nApprove or refuse here:\n%(link)s":
        "%(name)s (%(email)s, %(position)s) meminta bergabung dengan %(unit)s dalam Kompetisi Inovasi Pelayanan Publik. Sampai Anda menyetujui, orang ini tidak dapat melihat proposal unit.%(instead)s\n\nSetujui atau tolak di sini:\n%(link)s",
    "The unit has no verifier, so the organiser decides on its behalf.":
        "Unit ini belum memiliki verifikator, sehingga panitia memutuskan atas nama unit.",
    "This request was already decided (%(status)s).": "Permintaan ini sudah diputuskan (%(status)s).",
    "Membership approved": "Keanggotaan disetujui",
    "You are now a member of %(unit)s": "Anda kini anggota %(unit)s",
    "%(by)s approved your request to join %(unit)s. You can now see the unit's entries and start new ones.":
        "%(by)s menyetujui permintaan Anda untuk bergabung dengan %(unit)s. Kini Anda dapat melihat proposal unit dan memulai proposal baru.",
    "Say why the request is refused; the person is told.": "Tuliskan alasan penolakan; alasan ini disampaikan kepada yang bersangkutan.",
    "Membership refused": "Keanggotaan ditolak",
    "Your request to join %(unit)s was refused": "Permintaan Anda untuk bergabung dengan %(unit)s ditolak",
    "Your request to join %(unit)s was refused: %(reason)s": "Permintaan Anda untuk bergabung dengan %(unit)s ditolak: %(reason)s",
    "Say why the membership ends; it is recorded.": "Tuliskan alasan keanggotaan diakhiri; alasan ini dicatat.",
    "Only a standing membership can be ended.": "Hanya keanggotaan yang masih berlaku yang dapat diakhiri.",
    "Membership ended": "Keanggotaan diakhiri",
    "Invited to the unit": "Diundang ke unit",
    "e-mail confirmed at": "e-mail dikonfirmasi pada",
    "waiting for approval": "menunggu persetujuan",
    "approved": "disetujui",
    "refused": "ditolak",
    "ended": "berakhir",
    "person": "orang",
    "unit": "unit",
    "status": "status",
    "requested at": "diminta pada",
    "decided at": "diputuskan pada",
    "decided by": "diputuskan oleh",
    "decided by the organiser on the unit's behalf": "diputuskan panitia atas nama unit",
    "by invitation": "melalui undangan",
    "reason": "alasan",
    "unit membership": "keanggotaan unit",
    "unit memberships": "keanggotaan unit",
    "Hello %(name)s,\n\nopen this link to confirm your e-mail address and activate your account (valid for %(days)s days):\n\n%(link)s\n\nIf you did not register, ignore this e-mail.":
        "Halo %(name)s,\n\nbuka tautan ini untuk mengonfirmasi alamat e-mail dan mengaktifkan akun Anda (berlaku %(days)s hari):\n\n%(link)s\n\nJika Anda tidak mendaftar, abaikan e-mail ini.",
    "Someone tried to register with your address": "Seseorang mencoba mendaftar dengan alamat Anda",
    "Somebody tried to register a new account with this e-mail address, which already has one. If it was you, log in, or choose a new password here:\n\n%(link)s\n\nIf it was not you, ignore this e-mail: nothing was changed.":
        "Seseorang mencoba mendaftarkan akun baru dengan alamat e-mail ini, padahal alamat ini sudah memiliki akun. Jika itu Anda, silakan masuk, atau pilih kata sandi baru di sini:\n\n%(link)s\n\nJika bukan Anda, abaikan e-mail ini: tidak ada yang diubah.",
    "Hello %(name)s,\n\n%(inviter)s invites you to enter the innovations of %(unit)s in the competition. Open this link to choose your password (valid for %(days)s days, once):\n\n%(link)s":
        "Halo %(name)s,\n\n%(inviter)s mengundang Anda untuk mendaftarkan inovasi %(unit)s dalam kompetisi. Buka tautan ini untuk memilih kata sandi (berlaku %(days)s hari, satu kali):\n\n%(link)s",
    "Send me a new confirmation link": "Kirim tautan konfirmasi baru",
    "Unit members": "Anggota unit",
    "Requests to join": "Permintaan bergabung",
    "A person sees the unit's entries only after you approve. Approve only people you know work in the unit.":
        "Seseorang baru dapat melihat proposal unit setelah Anda setujui. Setujui hanya orang yang Anda ketahui bekerja di unit ini.",
    "asks to join %(unit)s (%(when)s)": "meminta bergabung dengan %(unit)s (%(when)s)",
    "No request is waiting.": "Tidak ada permintaan yang menunggu.",
    "Members of %(unit)s": "Anggota %(unit)s",
    "None yet.": "Belum ada.",
    "Units with entries but no verifier": "Unit yang memiliki proposal tetapi belum memiliki verifikator",
    "You decide their membership requests and verify their entries on their behalf; each such act is recorded as done on the unit's behalf. Invite a verifier to hand it back.":
        "Anda memutuskan permintaan keanggotaan dan memverifikasi proposal unit-unit ini atas nama mereka; setiap tindakan dicatat sebagai dilakukan atas nama unit. Undang verifikator untuk menyerahkannya kembali.",
    "%(n)s entry": "%(n)s proposal",
    "Every unit with entries has a verifier.": "Setiap unit yang memiliki proposal sudah memiliki verifikator.",
    "Invite a verifier": "Undang verifikator",
    "Your request to join %(unit)s is waiting for approval.": "Permintaan Anda untuk bergabung dengan %(unit)s menunggu persetujuan.",
    "It goes to %(names)s.": "Permintaan dikirim kepada %(names)s.",
    "Until it is approved you see none of the unit's entries, and you can start an entry once you are a member. You receive an e-mail when it is decided.":
        "Sampai disetujui, Anda belum dapat melihat proposal unit, dan Anda dapat memulai proposal setelah menjadi anggota. Anda akan menerima e-mail saat permintaan diputuskan.",
    "You are a member of %(unit)s.": "Anda anggota %(unit)s.",
    "You are not a member of any unit yet: choose your unit below to ask to join it.":
        "Anda belum menjadi anggota unit mana pun: pilih unit Anda di bawah untuk meminta bergabung.",
    "A new confirmation link": "Tautan konfirmasi baru",
    "Give the address you registered with; we send a new link to confirm it.":
        "Masukkan alamat yang Anda daftarkan; kami kirimkan tautan baru untuk mengonfirmasinya.",
    "We sent a message to the address you gave. If it is a new account, open the link in it to activate the account, then log in. If the address already has an account, the message says what to do.":
        "Kami telah mengirim pesan ke alamat yang Anda berikan. Jika ini akun baru, buka tautan di dalamnya untuk mengaktifkan akun, lalu masuk. Jika alamat itu sudah memiliki akun, pesan tersebut menjelaskan langkah selanjutnya.",
    "The confirmation link is wrong, already used or older than %(days)s days. Log in, ask for a new link, or register again.":
        "Tautan konfirmasi salah, sudah digunakan, atau lebih dari %(days)s hari. Silakan masuk, minta tautan baru, atau daftar ulang.",
    "If an account waiting for confirmation uses this address, we sent it a new link.":
        "Jika ada akun yang menunggu konfirmasi dengan alamat ini, kami telah mengirimkan tautan baru.",
    "The invitation link is wrong, was already used or is older than %(days)s days. Ask for a new one, or reset your password.":
        "Tautan undangan salah, sudah digunakan, atau lebih dari %(days)s hari. Mintalah undangan baru, atau atur ulang kata sandi Anda.",
    "Choose whether to approve or refuse the request.": "Pilih apakah permintaan disetujui atau ditolak.",
    "%(name)s is now a member of %(unit)s.": "%(name)s kini anggota %(unit)s.",
    "Request refused; %(name)s was told.": "Permintaan ditolak; %(name)s telah diberi tahu.",
    "Membership of %(name)s ended.": "Keanggotaan %(name)s diakhiri.",
    "[%(code)s] Entry to verify on behalf of its unit": "[%(code)s] Proposal untuk diverifikasi atas nama unitnya",
    "The entry “%(title)s” (%(code)s) of %(institution)s was sent, and the unit has no verifier. Verify it on the unit's behalf (it is recorded as such), or invite a verifier: %(link)s":
        "Proposal “%(title)s” (%(code)s) dari %(institution)s telah dikirim, dan unit tersebut belum memiliki verifikator. Verifikasi atas nama unit (tercatat demikian), atau undang verifikator: %(link)s",
    "You can start an entry once your unit has approved your membership.":
        "Anda dapat memulai proposal setelah unit Anda menyetujui keanggotaan Anda.",
    "Verified by the organiser on behalf of the unit, which has no verifier.":
        "Diverifikasi oleh panitia atas nama unit, karena unit belum memiliki verifikator.",
    "This unit has no verifier: you verify on its behalf, and it is recorded as such.":
        "Unit ini belum memiliki verifikator: Anda memverifikasi atas namanya, dan hal itu dicatat.",
    "Your unit has no verifier: the organiser (panitia) verifies this entry on the unit's behalf.":
        "Unit Anda belum memiliki verifikator: panitia memverifikasi proposal ini atas nama unit.",
    "Send for verification": "Kirim untuk diverifikasi",
    "Entry sent. Your unit has no verifier, so the organiser verifies it on the unit's behalf. You will receive an e-mail at each step.":
        "Proposal terkirim. Unit Anda belum memiliki verifikator, sehingga panitia memverifikasinya atas nama unit. Anda akan menerima e-mail pada setiap tahap.",
    "This link does not work": "Tautan ini tidak berlaku",
    "The invitation link is wrong, was already used or has expired. Ask the organising committee for a new one.":
        "Tautan undangan salah, sudah digunakan, atau kedaluwarsa. Mintalah undangan baru kepada panitia.",
    "This invitation is for another account": "Undangan ini untuk akun lain",
    "Log out, then open the link again and log in as %(email)s.": "Keluar, lalu buka kembali tautan dan masuk sebagai %(email)s.",
    "Log in with your own password to accept the jury invitation.": "Masuk dengan kata sandi Anda sendiri untuk menerima undangan juri.",
    "Too many attempts from your address. Wait a while and try again.": "Terlalu banyak percobaan dari alamat Anda. Tunggu sebentar lalu coba lagi.",
}
ID.update({
    "Units that need you": "Unit yang memerlukan Anda",
    "%(n)s request to join a unit without a verifier is waiting for you.":
        "%(n)s permintaan bergabung dengan unit tanpa verifikator menunggu keputusan Anda.",
    "Units with entries but no verifier (you verify on their behalf):":
        "Unit yang memiliki proposal tetapi belum memiliki verifikator (Anda memverifikasi atas nama mereka):",
    "Unit members": "Anggota unit",
    "Requests to join your unit": "Permintaan bergabung dengan unit Anda",
    "These people asked to join your unit. They see nothing of its entries until you approve.":
        "Orang-orang ini meminta bergabung dengan unit Anda. Mereka belum dapat melihat proposal unit sampai Anda setujui.",
    "Approve or refuse": "Setujui atau tolak",
})
ID.update({
    "The password you chose when registering": "Kata sandi yang Anda pilih saat mendaftar",
    "This is not the password of this registration. If you did not register this address yourself, register it again with your own password: that cancels the other registration.":
        "Ini bukan kata sandi pendaftaran ini. Jika Anda tidak mendaftarkan alamat ini sendiri, daftarkan lagi dengan kata sandi Anda sendiri: pendaftaran yang lain otomatis dibatalkan.",
    "registration waiting for confirmation": "pendaftaran menunggu konfirmasi",
    "Enter the password you chose when registering to activate your account.":
        "Masukkan kata sandi yang Anda pilih saat mendaftar untuk mengaktifkan akun Anda.",
    "Activate my account": "Aktifkan akun saya",
    "Did not register? Then someone else used your address: register it yourself with your own password, and their registration is cancelled.":
        "Tidak merasa mendaftar? Berarti orang lain memakai alamat Anda: daftarkan sendiri dengan kata sandi Anda, dan pendaftaran orang itu dibatalkan.",
    "Your e-mail address is confirmed and your account is active.": "Alamat e-mail Anda sudah dikonfirmasi dan akun Anda aktif.",
})
