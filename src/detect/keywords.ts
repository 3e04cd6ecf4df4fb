/**
 * Keyword lists for field detection, kept as data so that translators and testers can extend
 * them without touching the scoring. Each entry names its language (BCP 47).
 *
 * Matching (see patterns.ts): text is lowercased, camelCase and snake_case are split into words,
 * and diacritics are dropped on both sides, so "Bestätigungscode", "bestatigungscode" and
 * "verificationCode" all match. `words` match whole words or phrases; entries written in Han,
 * kana or Hangul match anywhere (those scripts do not separate words with spaces, and Korean
 * attaches particles: "인증번호를"). `stems` also match glued to the start or end of an
 * identifier: "otp" in "otpCode" or "smsOtp", never in the middle of a word ("footprint").
 */

export interface KeywordGroup {
  /** BCP 47 language tag of the entries. */
  lang: string;
  words: readonly string[];
  stems?: readonly string[];
}

/** Strong one-time-code signals: a field named so is almost surely an OTP field. */
export const OTP_STRONG: readonly KeywordGroup[] = [
  {
    // English; identifiers seen on GitHub (app_otp), Google (totpPin), Microsoft (otc),
    // AWS (mfaCode), Okta (passcode), Amazon (otpCode).
    lang: 'en',
    words: [
      'one time code',
      'one time password',
      'one time passcode',
      'one time pin',
      'onetimecode',
      'onetimepassword',
      'verification code',
      'verificationcode',
      'verify code',
      'verifycode',
      'authentication code',
      'authenticator code',
      'auth code',
      'authcode',
      'authenticator',
      'two factor',
      'twofactor',
      '2 factor',
      'two step',
      '2 step',
      'otc',
      'tfa',
      '2sv',
      'passcode',
      'confirmation code',
      'login code',
      'sign in code',
      'signin code',
      'sms code',
      'smscode',
      'text code',
      'security token',
      'mfa token',
      'enter code',
      'enter the code',
      'enter your code',
      '6 digit code',
      '6 digit',
      '8 digit code',
      'hotp',
      'pass code',
    ],
    stems: ['otp', 'totp', 'mfa', '2fa'],
  },
  // Simplified Chinese
  {
    lang: 'zh-Hans',
    words: [
      '验证码',
      '动态口令',
      '动态码',
      '动态密码',
      '校验码',
      '一次性密码',
      '认证码',
      '两步验证',
      '二次验证',
      '双重验证',
      '令牌',
    ],
  },
  // Traditional Chinese
  {
    lang: 'zh-Hant',
    words: [
      '驗證碼',
      '動態密碼',
      '動態口令',
      '一次性密碼',
      '認證碼',
      '兩步驟驗證',
      '雙重驗證',
      '簡訊碼',
    ],
  },
  // Japanese
  {
    lang: 'ja',
    words: [
      'ワンタイムパスワード',
      'ワンタイムコード',
      '認証コード',
      '確認コード',
      '認証番号',
      '確認番号',
      '検証コード',
      '二段階認証',
      '2段階認証',
      'ログインコード',
      'ワンタイム',
    ],
  },
  // Korean
  {
    lang: 'ko',
    words: [
      '인증번호',
      '인증 번호',
      '인증코드',
      '인증 코드',
      '일회용 비밀번호',
      '확인 코드',
      '확인코드',
      '2단계 인증',
      '보안 인증',
    ],
  },
  // Vietnamese (also unaccented, as identifiers are written)
  {
    lang: 'vi',
    words: [
      'mã xác thực',
      'mã xác minh',
      'mã xác nhận',
      'mã OTP',
      'mật khẩu một lần',
      'mã đăng nhập',
      'ma dang nhap',
    ],
  },
  // German
  {
    lang: 'de',
    words: [
      'Bestätigungscode',
      'Verifizierungscode',
      'Einmalcode',
      'Einmalpasswort',
      'Einmalkennwort',
      'Authentifizierungscode',
      'Anmeldecode',
      'Zwei-Faktor',
      'Bestätigungs-Code',
    ],
  },
  // French
  {
    lang: 'fr',
    words: [
      'code de vérification',
      'code de confirmation',
      "code d'authentification",
      'code à usage unique',
      'mot de passe à usage unique',
      'code de validation',
      'double authentification',
    ],
  },
  // Spanish
  {
    lang: 'es',
    words: [
      'código de verificación',
      'código de confirmación',
      'código de autenticación',
      'código de un solo uso',
      'contraseña de un solo uso',
      'código de validación',
      'clave dinámica',
    ],
  },
  // Italian
  {
    lang: 'it',
    words: [
      'codice di verifica',
      'codice di conferma',
      'codice di autenticazione',
      'codice monouso',
      'password monouso',
      'codice otp',
    ],
  },
  // Portuguese
  {
    lang: 'pt',
    words: [
      'código de verificação',
      'código de confirmação',
      'código de autenticação',
      'código único',
      'senha de uso único',
      'código de validação',
    ],
  },
  // Dutch
  {
    lang: 'nl',
    words: [
      'verificatiecode',
      'bevestigingscode',
      'authenticatiecode',
      'eenmalige code',
      'inlogcode',
      'eenmalig wachtwoord',
    ],
  },
  // Polish
  {
    lang: 'pl',
    words: [
      'kod weryfikacyjny',
      'kod potwierdzający',
      'kod uwierzytelniający',
      'kod jednorazowy',
      'jednorazowy kod',
      'hasło jednorazowe',
      'haslo jednorazowe',
      'kod SMS',
    ],
  },
  // Russian
  {
    lang: 'ru',
    words: [
      'код подтверждения',
      'проверочный код',
      'код проверки',
      'одноразовый код',
      'одноразовый пароль',
      'код из смс',
      'код аутентификации',
      'код верификации',
    ],
  },
  // Ukrainian
  { lang: 'uk', words: ['код підтвердження', 'одноразовий код'] },
  // Swedish
  {
    lang: 'sv',
    words: [
      'verifieringskod',
      'bekräftelsekod',
      'engångskod',
      'engångslösenord',
      'autentiseringskod',
    ],
  },
  // Danish and Norwegian Bokmål
  { lang: 'da', words: ['bekræftelseskode', 'engangskode', 'verifikationskode'] },
  { lang: 'nb', words: ['bekreftelseskode', 'verifiseringskode'] },
  // Finnish
  { lang: 'fi', words: ['vahvistuskoodi', 'kertakäyttökoodi', 'tunnistuskoodi'] },
  // Czech
  { lang: 'cs', words: ['ověřovací kód', 'jednorázový kód', 'potvrzovací kód'] },
  // Turkish
  { lang: 'tr', words: ['doğrulama kodu', 'onay kodu', 'tek kullanımlık şifre'] },
  // Greek
  { lang: 'el', words: ['κωδικός επαλήθευσης', 'κωδικός μιας χρήσης'] },
];

/** Weak signals: "code", "PIN", "security code" are OTP fields on some pages, other things elsewhere. */
export const OTP_WEAK: readonly KeywordGroup[] = [
  // English
  {
    lang: 'en',
    words: ['code', 'pin', 'token', 'security code', 'securitycode', 'access code', 'answer'],
  },
  // Chinese: 安全码 is also a card's CVV on checkout pages, hence weak.
  { lang: 'zh-Hans', words: ['安全码', '口令'] },
  { lang: 'zh-Hant', words: ['安全碼'] },
  // Japanese
  { lang: 'ja', words: ['セキュリティコード', 'コード', '暗証番号'] },
  // Korean
  { lang: 'ko', words: ['보안코드', '보안 코드', '코드'] },
  // Vietnamese
  { lang: 'vi', words: ['mã bảo mật', 'mã'] },
  // German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Swedish
  { lang: 'de', words: ['Sicherheitscode', 'Prüfcode', 'Code'] },
  { lang: 'fr', words: ['code de sécurité', 'code reçu'] },
  { lang: 'es', words: ['código de seguridad', 'código de acceso', 'código'] },
  { lang: 'it', words: ['codice di sicurezza', 'codice'] },
  { lang: 'pt', words: ['código de segurança', 'código de acesso'] },
  { lang: 'nl', words: ['beveiligingscode'] },
  { lang: 'pl', words: ['kod bezpieczeństwa', 'kod'] },
  { lang: 'ru', words: ['код безопасности', 'код'] },
  { lang: 'sv', words: ['säkerhetskod', 'kod'] },
];

/** Backup and recovery codes: filled from the backup-code set, never with a TOTP. */
export const BACKUP: readonly KeywordGroup[] = [
  {
    // English; GitHub uses recovery_code, Google backupCodePin.
    lang: 'en',
    words: [
      'recovery code',
      'recoverycode',
      'backup code',
      'backupcode',
      'scratch code',
      'emergency code',
      'rescue code',
      'recovery key',
      'backup key',
    ],
    stems: ['recovery', 'backup'],
  },
  { lang: 'zh-Hans', words: ['恢复码', '备用码', '备份码', '救援码', '恢复代码', '备用验证码'] },
  { lang: 'zh-Hant', words: ['復原碼', '備用碼', '救援碼', '還原碼', '備份碼'] },
  {
    lang: 'ja',
    words: ['リカバリーコード', 'リカバリコード', 'バックアップコード', '復旧コード', '予備コード'],
  },
  { lang: 'ko', words: ['복구 코드', '복구코드', '백업 코드', '백업코드'] },
  { lang: 'vi', words: ['mã khôi phục', 'mã dự phòng'] },
  { lang: 'de', words: ['Wiederherstellungscode', 'Backup-Code', 'Notfallcode', 'Ersatzcode'] },
  { lang: 'fr', words: ['code de récupération', 'code de secours'] },
  { lang: 'es', words: ['código de recuperación', 'código de respaldo'] },
  { lang: 'it', words: ['codice di recupero', 'codice di backup'] },
  { lang: 'pt', words: ['código de recuperação', 'código de backup', 'código reserva'] },
  { lang: 'nl', words: ['herstelcode', 'back-upcode', 'reservecode'] },
  { lang: 'pl', words: ['kod odzyskiwania', 'kod zapasowy'] },
  { lang: 'ru', words: ['резервный код', 'код восстановления'] },
  { lang: 'sv', words: ['återställningskod', 'reservkod'] },
];

/** Username or account identifier on a sign-in form. */
export const USERNAME: readonly KeywordGroup[] = [
  {
    lang: 'en',
    words: [
      'username',
      'user name',
      'user',
      'userid',
      'user id',
      'login',
      'login id',
      'account',
      'identifier',
      'email or phone',
    ],
  },
  { lang: 'zh-Hans', words: ['用户名', '账号', '账户', '登录名'] },
  { lang: 'zh-Hant', words: ['使用者名稱', '帳號', '用戶名'] },
  { lang: 'ja', words: ['ユーザー名', 'ユーザーid', 'ログインid', 'アカウント'] },
  { lang: 'ko', words: ['아이디', '사용자 이름', '계정'] },
  { lang: 'vi', words: ['tên đăng nhập', 'tài khoản', 'ten dang nhap'] },
  { lang: 'de', words: ['Benutzername', 'Benutzer', 'Anmeldename', 'Konto'] },
  { lang: 'fr', words: ["nom d'utilisateur", 'identifiant'] },
  { lang: 'es', words: ['usuario', 'nombre de usuario'] },
  { lang: 'it', words: ['nome utente', 'utente'] },
  { lang: 'pt', words: ['nome de usuário', 'usuário'] },
  { lang: 'nl', words: ['gebruikersnaam'] },
  { lang: 'pl', words: ['nazwa użytkownika', 'użytkownik'] },
  { lang: 'ru', words: ['логин', 'имя пользователя'] },
  { lang: 'sv', words: ['användarnamn'] },
];

/** Password, for sign-in forms. */
export const PASSWORD: readonly KeywordGroup[] = [
  { lang: 'en', words: ['password', 'passwd', 'pwd', 'pass'] },
  { lang: 'zh-Hans', words: ['密码'] },
  { lang: 'zh-Hant', words: ['密碼'] },
  { lang: 'ja', words: ['パスワード'] },
  { lang: 'ko', words: ['비밀번호'] },
  { lang: 'vi', words: ['mật khẩu', 'mat khau'] },
  { lang: 'de', words: ['Passwort', 'Kennwort'] },
  { lang: 'fr', words: ['mot de passe'] },
  { lang: 'es', words: ['contraseña'] },
  { lang: 'it', words: ['password'] },
  { lang: 'pt', words: ['senha'] },
  { lang: 'nl', words: ['wachtwoord'] },
  { lang: 'pl', words: ['hasło', 'haslo'] },
  { lang: 'ru', words: ['пароль'] },
  { lang: 'sv', words: ['lösenord'] },
];

/** Fields that look like codes but are not one-time codes. Each category is its own reason. */
export type NegativeCategory =
  | 'search'
  | 'email'
  | 'phone'
  | 'promo'
  | 'postal'
  | 'captcha'
  | 'card'
  | 'tool'
  | 'comment'
  | 'quantity';

export const NEGATIVES: Readonly<Record<NegativeCategory, readonly KeywordGroup[]>> = {
  search: [
    { lang: 'en', words: ['search', 'query', 'keyword', 'keywords'], stems: ['search'] },
    { lang: 'zh-Hans', words: ['搜索', '查询'] },
    { lang: 'zh-Hant', words: ['搜尋', '查詢'] },
    { lang: 'ja', words: ['検索'] },
    { lang: 'ko', words: ['검색'] },
    { lang: 'vi', words: ['tìm kiếm'] },
    { lang: 'de', words: ['Suche', 'suchen', 'Suchbegriff'] },
    { lang: 'fr', words: ['rechercher', 'recherche'] },
    { lang: 'es', words: ['buscar', 'búsqueda'] },
    { lang: 'it', words: ['cerca', 'ricerca'] },
    { lang: 'pt', words: ['pesquisar', 'pesquisa', 'busca'] },
    { lang: 'nl', words: ['zoeken', 'zoekterm'] },
    { lang: 'pl', words: ['szukaj', 'wyszukaj'] },
    { lang: 'ru', words: ['поиск', 'найти'] },
    { lang: 'sv', words: ['sök', 'sökord'] },
  ],
  email: [
    { lang: 'en', words: ['email', 'e mail', 'email address', 'mail address'], stems: ['email'] },
    { lang: 'zh-Hans', words: ['邮箱', '电子邮件', '邮件地址'] },
    { lang: 'zh-Hant', words: ['電子郵件', '郵箱', '電郵'] },
    { lang: 'ja', words: ['メールアドレス', 'メール'] },
    { lang: 'ko', words: ['이메일'] },
    { lang: 'vi', words: ['địa chỉ email'] },
    { lang: 'de', words: ['E-Mail-Adresse'] },
    { lang: 'fr', words: ['adresse e-mail', 'courriel'] },
    { lang: 'es', words: ['correo electrónico', 'correo'] },
    { lang: 'it', words: ['indirizzo email'] },
    { lang: 'pt', words: ['endereço de e-mail'] },
    { lang: 'pl', words: ['adres e-mail'] },
    { lang: 'ru', words: ['электронная почта', 'почта'] },
    { lang: 'sv', words: ['e-postadress', 'e-post'] },
  ],
  phone: [
    {
      lang: 'en',
      words: [
        'phone',
        'phone number',
        'mobile',
        'mobile number',
        'cellphone',
        'telephone',
        'tel',
        'msisdn',
        'country code',
        'area code',
        'dial code',
        'calling code',
      ],
      stems: ['phone', 'mobile'],
    },
    { lang: 'zh-Hans', words: ['手机号', '电话', '手机号码', '区号'] },
    { lang: 'zh-Hant', words: ['手機號碼', '電話', '手機號'] },
    { lang: 'ja', words: ['電話番号', '携帯番号', '携帯電話番号'] },
    { lang: 'ko', words: ['전화번호', '휴대폰 번호', '휴대폰번호', '휴대전화'] },
    { lang: 'vi', words: ['số điện thoại'] },
    { lang: 'de', words: ['Telefon', 'Telefonnummer', 'Handynummer', 'Mobilnummer', 'Vorwahl'] },
    { lang: 'fr', words: ['téléphone', 'numéro de téléphone', 'portable'] },
    { lang: 'es', words: ['teléfono', 'número de teléfono', 'celular', 'móvil'] },
    { lang: 'it', words: ['telefono', 'cellulare', 'numero di telefono'] },
    { lang: 'pt', words: ['telefone', 'celular'] },
    { lang: 'nl', words: ['telefoonnummer', 'mobiel nummer'] },
    { lang: 'pl', words: ['numer telefonu', 'telefon'] },
    { lang: 'ru', words: ['телефон', 'номер телефона'] },
    { lang: 'sv', words: ['telefonnummer', 'mobilnummer'] },
  ],
  promo: [
    {
      lang: 'en',
      words: [
        'promo',
        'promotion',
        'promo code',
        'coupon',
        'gift card',
        'gift',
        'voucher',
        'discount',
        'referral',
        'referral code',
        'invite code',
        'invitation code',
        'redeem',
        'redemption',
      ],
      stems: ['promo', 'coupon', 'voucher', 'discount', 'gift', 'referral'],
    },
    {
      lang: 'zh-Hans',
      words: ['优惠码', '优惠券', '兑换码', '礼品卡', '折扣', '邀请码', '推荐码'],
    },
    { lang: 'zh-Hant', words: ['優惠碼', '優惠券', '折價券', '兌換碼', '禮品卡', '邀請碼'] },
    { lang: 'ja', words: ['クーポン', '割引', 'プロモーションコード', 'ギフト', '招待コード'] },
    { lang: 'ko', words: ['쿠폰', '할인', '프로모션 코드', '추천인', '기프트'] },
    { lang: 'vi', words: ['mã giảm giá', 'mã khuyến mãi', 'phiếu quà tặng', 'mã giới thiệu'] },
    { lang: 'de', words: ['Rabatt', 'Rabattcode', 'Gutschein', 'Gutscheincode', 'Aktionscode'] },
    {
      lang: 'fr',
      words: ['code promo', 'bon de réduction', 'réduction', 'carte cadeau', 'parrainage'],
    },
    { lang: 'es', words: ['cupón', 'descuento', 'código promocional', 'tarjeta regalo'] },
    { lang: 'it', words: ['sconto', 'buono', 'codice promozionale', 'coupon'] },
    { lang: 'pt', words: ['cupom', 'desconto', 'código promocional', 'vale presente'] },
    { lang: 'nl', words: ['kortingscode', 'korting', 'cadeaubon', 'actiecode'] },
    { lang: 'pl', words: ['kupon', 'rabat', 'kod rabatowy', 'kod promocyjny'] },
    { lang: 'ru', words: ['промокод', 'купон', 'скидка', 'подарочная карта'] },
    { lang: 'sv', words: ['rabattkod', 'presentkort', 'kampanjkod'] },
  ],
  postal: [
    {
      lang: 'en',
      words: ['zip', 'zip code', 'zipcode', 'postal', 'postal code', 'postcode', 'post code'],
      stems: ['zip', 'postal', 'postcode'],
    },
    { lang: 'zh-Hans', words: ['邮编', '邮政编码'] },
    { lang: 'zh-Hant', words: ['郵遞區號', '郵政編碼', '郵編'] },
    { lang: 'ja', words: ['郵便番号'] },
    { lang: 'ko', words: ['우편번호'] },
    { lang: 'vi', words: ['mã bưu chính', 'mã bưu điện'] },
    { lang: 'de', words: ['Postleitzahl', 'PLZ'] },
    { lang: 'fr', words: ['code postal'] },
    { lang: 'es', words: ['código postal'] },
    { lang: 'it', words: ['codice postale', 'CAP'] },
    { lang: 'pt', words: ['código postal', 'CEP'] },
    { lang: 'pl', words: ['kod pocztowy'] },
    { lang: 'ru', words: ['почтовый индекс', 'индекс'] },
    { lang: 'sv', words: ['postnummer'] },
  ],
  captcha: [
    {
      lang: 'en',
      words: [
        'captcha',
        'characters in the image',
        'characters shown',
        'text in the image',
        'image code',
        'picture code',
        'verification image',
        'are you human',
      ],
      stems: ['captcha'],
    },
    {
      lang: 'zh-Hans',
      words: ['图形验证码', '图片验证码', '图形码', '图片码', '看不清', '图中', '人机验证'],
    },
    { lang: 'zh-Hant', words: ['圖形驗證碼', '圖片驗證碼', '圖形碼', '看不清楚'] },
    { lang: 'ja', words: ['画像認証', '画像の文字', '画像に表示'] },
    { lang: 'ko', words: ['보안문자', '자동입력 방지', '자동 입력 방지'] },
    { lang: 'vi', words: ['mã captcha', 'mã hình ảnh', 'ký tự trong hình'] },
    { lang: 'de', words: ['Zeichen im Bild', 'Bildcode'] },
    { lang: 'fr', words: ["caractères de l'image", "code de l'image"] },
    { lang: 'es', words: ['caracteres de la imagen', 'código de la imagen'] },
    { lang: 'ru', words: ['символы с картинки', 'код с картинки'] },
  ],
  card: [
    {
      lang: 'en',
      words: [
        'cvv',
        'cvc',
        'cvn',
        'csc',
        'cvv2',
        'cvc2',
        'cid',
        'card verification',
        'card security code',
        'card code',
        'security code on the card',
        'card number',
        'expiry',
        'expiration',
      ],
      stems: ['cvv', 'cvc'],
    },
    { lang: 'zh-Hans', words: ['卡号', '信用卡', '银行卡'] },
    { lang: 'zh-Hant', words: ['卡號', '信用卡'] },
    { lang: 'ja', words: ['カード番号', 'クレジットカード', 'カード裏面'] },
    { lang: 'ko', words: ['카드번호', '카드 번호'] },
    { lang: 'de', words: ['Kartenprüfnummer', 'Kartennummer', 'Prüfziffer'] },
    { lang: 'fr', words: ['cryptogramme', 'numéro de carte'] },
    { lang: 'es', words: ['número de tarjeta', 'código de seguridad de la tarjeta'] },
    { lang: 'it', words: ['numero della carta', 'codice di sicurezza della carta'] },
    { lang: 'pt', words: ['número do cartão', 'código de segurança do cartão'] },
    { lang: 'nl', words: ['kaartnummer', 'kaartcode'] },
    { lang: 'pl', words: ['numer karty', 'kod cvv'] },
    { lang: 'ru', words: ['номер карты', 'код cvv'] },
  ],
  tool: [
    {
      lang: 'en',
      words: [
        'encode',
        'decode',
        'encoder',
        'decoder',
        'encoded',
        'decoded',
        'base64',
        'hash',
        'encrypt',
        'decrypt',
        'cipher',
        'ciphertext',
        'plaintext',
        'plain text',
        'converter',
        'source code',
        'snippet',
        'program',
        'regex',
      ],
      stems: ['encode', 'decode', 'base64'],
    },
    { lang: 'zh-Hans', words: ['编码', '解码', '加密', '解密', '源代码', '代码片段'] },
    { lang: 'zh-Hant', words: ['編碼', '解碼', '加密', '解密', '原始碼'] },
    { lang: 'ja', words: ['エンコード', 'デコード', '暗号化', '復号', 'ソースコード'] },
    { lang: 'ko', words: ['인코딩', '디코딩', '암호화', '복호화', '소스 코드'] },
    { lang: 'vi', words: ['mã hóa', 'giải mã', 'mã nguồn'] },
    { lang: 'de', words: ['kodieren', 'dekodieren', 'verschlüsseln', 'Quellcode'] },
    { lang: 'fr', words: ['encoder', 'décoder', 'chiffrer', 'code source'] },
    { lang: 'es', words: ['codificar', 'decodificar', 'cifrar', 'código fuente'] },
    { lang: 'ru', words: ['кодировать', 'декодировать', 'исходный код'] },
  ],
  comment: [
    {
      lang: 'en',
      words: [
        'comment',
        'comments',
        'message',
        'feedback',
        'review',
        'reply',
        'note',
        'notes',
        'description',
        'bio',
        'subject',
      ],
      stems: ['comment'],
    },
    { lang: 'zh-Hans', words: ['评论', '留言', '备注', '反馈'] },
    { lang: 'zh-Hant', words: ['評論', '留言', '備註', '意見'] },
    { lang: 'ja', words: ['コメント', 'メッセージ', '備考', 'お問い合わせ内容'] },
    { lang: 'ko', words: ['댓글', '메시지', '메모', '후기'] },
    { lang: 'vi', words: ['bình luận', 'tin nhắn', 'ghi chú'] },
    { lang: 'de', words: ['Kommentar', 'Nachricht', 'Anmerkung', 'Bewertung'] },
    { lang: 'fr', words: ['commentaire', 'avis', 'remarque'] },
    { lang: 'es', words: ['comentario', 'mensaje', 'reseña'] },
    { lang: 'it', words: ['commento', 'messaggio', 'recensione'] },
    { lang: 'pt', words: ['comentário', 'mensagem', 'avaliação'] },
    { lang: 'nl', words: ['opmerking', 'bericht', 'reactie'] },
    { lang: 'pl', words: ['komentarz', 'wiadomość', 'opinia'] },
    { lang: 'ru', words: ['комментарий', 'сообщение', 'отзыв'] },
    { lang: 'sv', words: ['kommentar', 'meddelande'] },
  ],
  quantity: [
    {
      lang: 'en',
      words: ['qty', 'quantity', 'amount', 'count', 'number of', 'items'],
      stems: ['qty', 'quantity'],
    },
    { lang: 'zh-Hans', words: ['数量', '金额'] },
    { lang: 'zh-Hant', words: ['數量', '金額'] },
    { lang: 'ja', words: ['数量', '個数', '金額'] },
    { lang: 'ko', words: ['수량', '금액'] },
    { lang: 'vi', words: ['số lượng', 'số tiền'] },
    { lang: 'de', words: ['Menge', 'Anzahl', 'Betrag'] },
    { lang: 'fr', words: ['quantité', 'montant'] },
    { lang: 'es', words: ['cantidad', 'importe'] },
    { lang: 'it', words: ['quantità', 'importo'] },
    { lang: 'pt', words: ['quantidade', 'valor'] },
    { lang: 'nl', words: ['aantal', 'bedrag'] },
    { lang: 'pl', words: ['ilość', 'kwota'] },
    { lang: 'ru', words: ['количество', 'сумма'] },
    { lang: 'sv', words: ['antal', 'belopp'] },
  ],
};
