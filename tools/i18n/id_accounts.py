# Indonesian for the accounts app (registration, invitation, password reset, profile). Applied with tools/translate.py.
ID = {
    "Full name": "Nama lengkap",
    "Password": "Kata sandi",
    "At least 10 characters; not only numbers.": "Minimal 10 karakter; tidak boleh hanya angka.",
    "Password again": "Ulangi kata sandi",
    "An account with this e-mail address already exists. Log in, or reset your password.":
        "Sudah ada akun dengan alamat e-mail ini. Silakan masuk, atau atur ulang kata sandi Anda.",
    "The two passwords are not the same.": "Kedua kata sandi tidak sama.",
    "Unit (institution)": "Unit (instansi)",
    "A number the organiser can call or message (WhatsApp).": "Nomor yang dapat ditelepon atau dikirimi pesan oleh panitia (WhatsApp).",
    "Make this person the verifier of the unit": "Jadikan orang ini verifikator unit",
    "An account with this e-mail address already exists.": "Sudah ada akun dengan alamat e-mail ini.",
    "must complete the profile": "wajib melengkapi profil",
    "Invite an innovator": "Undang inovator",
    "The person receives an e-mail with a link to choose a password; at the first login they complete their profile.":
        "Orang tersebut menerima e-mail berisi tautan untuk membuat kata sandi; saat pertama kali masuk ia melengkapi profilnya.",
    "Send invitation": "Kirim undangan",
    "Invited, profile not completed yet": "Sudah diundang, profil belum dilengkapi",
    "Name": "Nama",
    "Active": "Aktif",
    "Forgot your password?": "Lupa kata sandi?",
    "Register as an innovator": "Daftar sebagai inovator",
    "Reset my password": "Atur ulang kata sandi saya",
    "Type the e-mail address of your account; we send you a link to choose a new password.":
        "Ketik alamat e-mail akun Anda; kami kirimkan tautan untuk membuat kata sandi baru.",
    "Send the link": "Kirim tautan",
    "Hello %(name)s,\n\nsomeone (hopefully you) asked to reset the password of your account. Open this link to choose a new one:":
        "Yth. %(name)s,\n\nada permintaan (semoga dari Anda) untuk mengatur ulang kata sandi akun Anda. Buka tautan ini untuk membuat kata sandi baru:",
    "If you did not ask for this, ignore this e-mail; your password stays the same.":
        "Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tetap sama.",
    "Reset your password": "Atur ulang kata sandi Anda",
    "Save profile": "Simpan profil",
    "Change my password": "Ganti kata sandi saya",
    "Register": "Daftar",
    "For staff of government units, villages and regional enterprises who want to enter an innovation.":
        "Untuk pegawai perangkat daerah, pemerintah desa dan BUMD yang ingin mengikutsertakan inovasi.",
    "I already have an account": "Saya sudah punya akun",
    "Choose a password": "Buat kata sandi",
    "Save password": "Simpan kata sandi",
    "The link is wrong or was already used. Ask for a new one.": "Tautan salah atau sudah pernah dipakai. Mintalah tautan baru.",
    "Profile completed": "Profil dilengkapi",
    "Profile saved.": "Profil disimpan.",
    "Welcome! Before you start, tell us who you are and which unit you work for.":
        "Selamat datang! Sebelum mulai, isi dulu data diri dan unit tempat Anda bekerja.",
    "Confirm your e-mail address": "Konfirmasi alamat e-mail Anda",
    "Hello %(name)s,\n\nopen this link to confirm your e-mail address and activate your account (valid for 3 days):\n\n%(link)s\n\nIf you did not register, ignore this e-mail.":
        "Yth. %(name)s,\n\nbuka tautan ini untuk mengonfirmasi alamat e-mail dan mengaktifkan akun Anda (berlaku 3 hari):\n\n%(link)s\n\nJika Anda tidak mendaftar, abaikan e-mail ini.",
    "Check your e-mail": "Periksa e-mail Anda",
    "We sent you a link to confirm your e-mail address. Open it to activate your account, then log in.":
        "Kami telah mengirim tautan untuk mengonfirmasi alamat e-mail Anda. Buka tautan itu untuk mengaktifkan akun, lalu masuk.",
    "This link does not work": "Tautan ini tidak berlaku",
    "The confirmation link is wrong or older than 3 days. Register again or reset your password.":
        "Tautan konfirmasi salah atau sudah lebih dari 3 hari. Daftar lagi atau atur ulang kata sandi Anda.",
    "Your e-mail address is confirmed. Log in to continue.": "Alamat e-mail Anda sudah terkonfirmasi. Silakan masuk untuk melanjutkan.",
    "Invited": "Diundang",
    "Invitation to the Public Service Innovation Competition": "Undangan Kompetisi Inovasi Pelayanan Publik",
    "Hello %(name)s,\n\n%(inviter)s invites you to enter the innovations of %(unit)s in the competition. Open this link to choose your password:\n\n%(link)s":
        "Yth. %(name)s,\n\n%(inviter)s mengundang Anda untuk mengikutsertakan inovasi %(unit)s dalam kompetisi. Buka tautan ini untuk membuat kata sandi:\n\n%(link)s",
    "Invitation sent to %(email)s.": "Undangan dikirim ke %(email)s.",
    "The invitation link is wrong or was already used. Ask for a new one, or reset your password.":
        "Tautan undangan salah atau sudah pernah dipakai. Mintalah undangan baru, atau atur ulang kata sandi Anda.",
    "Your password is set. Log in to complete your profile.": "Kata sandi sudah dibuat. Silakan masuk untuk melengkapi profil.",
    "If an account uses this address, we sent it a link to choose a new password.":
        "Jika ada akun dengan alamat ini, kami telah mengirim tautan untuk membuat kata sandi baru.",
    "Your new password is set. Log in with it.": "Kata sandi baru sudah dibuat. Silakan masuk dengan kata sandi itu.",
}
