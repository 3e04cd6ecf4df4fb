/**
 * The one message catalogue of SlaunchX (providers.md §1.1): every code in all five languages.
 * English follows the seed where it gives a text; "SUCCESS" is never translated.
 */
export const LANGUAGES = ['en', 'zh', 'zh-Hant', 'ja', 'vi'] as const;
export type Lang = (typeof LANGUAGES)[number];

type Texts = Readonly<Record<Lang, string>>;

const t = (en: string, zh: string, zhHant: string, ja: string, vi: string): Texts => ({
  en,
  zh,
  'zh-Hant': zhHant,
  ja,
  vi,
});

export const CATALOGUE = {
  '4000': t(
    'The request is invalid',
    '请求参数无效',
    '請求參數無效',
    'リクエストが無効です',
    'Yêu cầu không hợp lệ',
  ),
  '4010': t(
    'Authentication is required',
    '需要登录认证',
    '需要登入驗證',
    '認証が必要です',
    'Yêu cầu xác thực',
  ),
  '5000': t(
    'An internal error occurred; please try again later',
    '服务器内部错误，请稍后重试',
    '伺服器內部錯誤，請稍後再試',
    '内部エラーが発生しました。しばらくしてから再度お試しください',
    'Đã xảy ra lỗi nội bộ, vui lòng thử lại sau',
  ),
  PORTAL_MISMATCH: t(
    'The portal access code is missing or does not match this portal',
    '门户访问码缺失或与该门户不匹配',
    '入口網站存取碼缺失或與此入口網站不符',
    'ポータルアクセスコードがないか、このポータルと一致しません',
    'Mã truy cập cổng bị thiếu hoặc không khớp với cổng này',
  ),
  'GATEWAY.CF_HEADERS_MISSING': t(
    'Required gateway headers are missing',
    '缺少必需的网关请求头',
    '缺少必要的閘道請求標頭',
    '必須のゲートウェイヘッダーがありません',
    'Thiếu các tiêu đề cổng bắt buộc',
  ),
  RATE_LIMITED: t(
    'Too many requests; please try again later',
    '请求过于频繁，请稍后再试',
    '請求過於頻繁，請稍後再試',
    'リクエストが多すぎます。しばらくしてから再度お試しください',
    'Quá nhiều yêu cầu, vui lòng thử lại sau',
  ),
  'SC.VERSION_UNSUPPORTED': t(
    'Unsupported secure channel version',
    '不支持的安全通道版本',
    '不支援的安全通道版本',
    'サポートされていないセキュアチャネルのバージョンです',
    'Phiên bản kênh bảo mật không được hỗ trợ',
  ),
  'SC.SESSION_NOT_FOUND': t(
    'Secure channel session not found',
    '安全通道会话不存在',
    '找不到安全通道工作階段',
    'セキュアチャネルのセッションが見つかりません',
    'Không tìm thấy phiên kênh bảo mật',
  ),
  'SC.SESSION_EXPIRED': t(
    'The secure channel session has expired',
    '安全通道会话已过期',
    '安全通道工作階段已過期',
    'セキュアチャネルのセッションの有効期限が切れています',
    'Phiên kênh bảo mật đã hết hạn',
  ),
  'SC.CLIENT_HASH_MISMATCH': t(
    'The client does not match the secure channel session',
    '客户端与安全通道会话不匹配',
    '用戶端與安全通道工作階段不符',
    'クライアントがセキュアチャネルのセッションと一致しません',
    'Máy khách không khớp với phiên kênh bảo mật',
  ),
  'SC.ENVELOPE_MALFORMED': t(
    'The encrypted request is malformed',
    '加密请求格式错误',
    '加密請求格式錯誤',
    '暗号化されたリクエストの形式が正しくありません',
    'Yêu cầu mã hóa không đúng định dạng',
  ),
  'SC.ENVELOPE_EXPIRED': t(
    'The encrypted request is outside the allowed time window',
    '加密请求已超出允许的时间范围',
    '加密請求已超出允許的時間範圍',
    '暗号化されたリクエストが許容時間外です',
    'Yêu cầu mã hóa nằm ngoài khoảng thời gian cho phép',
  ),
  'SC.REPLAY': t(
    'This encrypted request has already been received',
    '该加密请求已被接收过',
    '此加密請求已被接收過',
    'この暗号化されたリクエストはすでに受信済みです',
    'Yêu cầu mã hóa này đã được nhận trước đó',
  ),
  'SC.DECRYPT_FAILED': t(
    'The encrypted request could not be decrypted',
    '无法解密该加密请求',
    '無法解密此加密請求',
    '暗号化されたリクエストを復号できませんでした',
    'Không thể giải mã yêu cầu mã hóa',
  ),
  'SC.KEY_EXPIRED': t(
    'The server key has expired or is unknown; fetch the public key again',
    '服务器密钥已过期或未知，请重新获取公钥',
    '伺服器金鑰已過期或不明，請重新取得公開金鑰',
    'サーバーキーの有効期限が切れているか不明です。公開鍵を再取得してください',
    'Khóa máy chủ đã hết hạn hoặc không xác định, vui lòng lấy lại khóa công khai',
  ),
  'SC.KEY_UNWRAP_FAILED': t(
    'The session key could not be unwrapped',
    '无法解封会话密钥',
    '無法解開工作階段金鑰',
    'セッションキーを復元できませんでした',
    'Không thể giải gói khóa phiên',
  ),
  'AUTH.INVALID_CREDENTIALS': t(
    'The email or password is incorrect',
    '邮箱或密码错误',
    '電子郵件或密碼錯誤',
    'メールアドレスまたはパスワードが正しくありません',
    'Email hoặc mật khẩu không đúng',
  ),
  'AUTH.MFA_CODE_INVALID': t(
    'The verification code is incorrect',
    '验证码错误',
    '驗證碼錯誤',
    '認証コードが正しくありません',
    'Mã xác minh không đúng',
  ),
  'AUTH.MFA_METHOD_NOT_ENABLED': t(
    'This verification method is not enabled for the account',
    '该账户未启用此验证方式',
    '此帳戶未啟用該驗證方式',
    'このアカウントではこの認証方法が有効になっていません',
    'Phương thức xác minh này chưa được bật cho tài khoản',
  ),
  'AUTH.LOGIN_SESSION_EXPIRED': t(
    'The login session has expired; please sign in again',
    '登录会话已过期，请重新登录',
    '登入工作階段已過期，請重新登入',
    'ログインセッションの有効期限が切れました。もう一度サインインしてください',
    'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại',
  ),
  'AUTH.LOGIN_SESSION_LOCKED': t(
    'Too many incorrect codes; this login session is locked',
    '验证码错误次数过多，登录会话已锁定',
    '驗證碼錯誤次數過多，登入工作階段已鎖定',
    '誤ったコードが多すぎるため、このログインセッションはロックされました',
    'Nhập sai mã quá nhiều lần, phiên đăng nhập này đã bị khóa',
  ),
  'AUTH.CLIENT_MISMATCH': t(
    'This login session belongs to another client',
    '该登录会话属于其他客户端',
    '此登入工作階段屬於其他用戶端',
    'このログインセッションは別のクライアントのものです',
    'Phiên đăng nhập này thuộc về một máy khách khác',
  ),
  ACCOUNT_PENDING_APPROVAL: t(
    'The account is pending approval',
    '账户正在等待审核',
    '帳戶正在等待審核',
    'アカウントは承認待ちです',
    'Tài khoản đang chờ phê duyệt',
  ),
  'AUTH.TOKEN_INVALID': t(
    'The token is invalid',
    '令牌无效',
    '權杖無效',
    'トークンが無効です',
    'Mã thông báo không hợp lệ',
  ),
  'AUTH.TOKEN_EXPIRED': t(
    'The token has expired',
    '令牌已过期',
    '權杖已過期',
    'トークンの有効期限が切れています',
    'Mã thông báo đã hết hạn',
  ),
  'AUTH.REFRESH_TOKEN_REUSED': t(
    'The refresh token was already used; every session of this sign-in has been revoked',
    '刷新令牌已被使用，本次登录的所有会话均已撤销',
    '重新整理權杖已被使用，本次登入的所有工作階段均已撤銷',
    'リフレッシュトークンは使用済みです。このサインインのすべてのセッションを取り消しました',
    'Mã làm mới đã được sử dụng; mọi phiên của lần đăng nhập này đã bị thu hồi',
  ),
  'AUTH.PASSWORD_POLICY': t(
    'The password must be 10 to 128 characters long and contain a letter and a digit',
    '密码须为 10 至 128 个字符，且包含字母和数字',
    '密碼須為 10 至 128 個字元，且包含字母和數字',
    'パスワードは10〜128文字で、英字と数字を含める必要があります',
    'Mật khẩu phải dài từ 10 đến 128 ký tự và chứa ít nhất một chữ cái và một chữ số',
  ),
  'AUTH.REGISTRATION_EXPIRED': t(
    'The registration has expired or is unknown; please start again',
    '注册已过期或不存在，请重新开始',
    '註冊已過期或不存在，請重新開始',
    '登録の有効期限が切れているか存在しません。最初からやり直してください',
    'Phiên đăng ký đã hết hạn hoặc không tồn tại, vui lòng bắt đầu lại',
  ),
  'AUTH.REGISTRATION_NOT_VERIFIED': t(
    'The email address has not been verified yet',
    '邮箱地址尚未验证',
    '電子郵件地址尚未驗證',
    'メールアドレスがまだ確認されていません',
    'Địa chỉ email chưa được xác minh',
  ),
  'AUTH.EMAIL_ALREADY_REGISTERED': t(
    'An account with this email address already exists',
    '该邮箱地址已注册账户',
    '此電子郵件地址已註冊帳戶',
    'このメールアドレスのアカウントはすでに存在します',
    'Đã có tài khoản sử dụng địa chỉ email này',
  ),
} as const satisfies Record<string, Texts>;

export type SxCode = keyof typeof CATALOGUE;

export function isSxCode(code: string): code is SxCode {
  return Object.hasOwn(CATALOGUE, code);
}

/** The message of a code; a code outside the catalogue (an injected fault) reads as "5000". */
export function messageFor(code: string, lang: Lang): string {
  return isSxCode(code) ? CATALOGUE[code][lang] : CATALOGUE['5000'][lang];
}

/** providers.md §1.1: one tag → one of the five languages, or null when unsupported. */
function languageOfTag(tag: string): Lang | null {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0];
  if (primary === 'en') return 'en';
  if (primary === 'ja') return 'ja';
  if (primary === 'vi') return 'vi';
  if (lower === 'zh-tw' || lower === 'zh-hk' || lower.startsWith('zh-hant')) return 'zh-Hant';
  if (lower === 'zh' || lower === 'zh-cn' || lower.startsWith('zh-hans')) return 'zh';
  return null;
}

/** RFC 9110 §12.5.4 weights; the first supported tag of the highest weight wins, else `en`. */
export function negotiateLanguage(header: string | string[] | undefined): Lang {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranges = text
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && r.tag !== '')
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const lang = languageOfTag(range.tag);
    if (lang !== null) return lang;
  }
  return 'en';
}
