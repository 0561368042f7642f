/**
 * Spam signals, read from the cleaned comment (full-width and styled characters already folded, so
 * ｗｗｗ. and 𝐛𝐢𝐭.𝐥𝐲 look like www. and bit.ly).
 *
 * - spam_link: a URL, a domain-like word (abc.com, bit.ly/…, naver . com, naver 닷컴, abc[dot]com), an
 *   e-mail address, a Korean mobile or 070 number, or a messenger ID offered for contact (카톡 abc123,
 *   텔레 @xyz, 오픈채팅 …). A messenger named without an ID (카톡으로 공유, 텔레그램 n번방) is fine.
 * - spam_repeat: one character 30 times in a row (ㅋ×30); back to back, spaces ignored, a unit of 2–5
 *   letters 10 times, of 6–7 letters 4 times, or of 8+ letters (a sentence) 3 times; or one word making
 *   up half of 10+ words. ㅋㅋㅋㅋ, 진짜 진짜 진짜, 대박 대박 대박, 감사합니다. 감사합니다. pass.
 */

/** TLDs that are never ordinary words: a space is allowed around their dot (naver . com). */
const STRONG_TLD =
  "com|net|org|kr|ly|xyz|top|shop|site|info|biz|io|gg|link|click|club|online|store|live|vip|bet|asia|kim|icu|bond|cyou|sbs|lat|fun|space|website|casino|games|page|blog|news";
/** TLDs that are also English words or abbreviations: only written solid (go.to, abc.me). */
const WEAK_TLD = "me|to|in|us|ai|tv|cc|app|dev|jp|cn|ru|pro|win|ws|su|pw|tk|ml|ga|cf|gq";

const URL_RE = /(?:h(?:tt|xx)ps?:\/\/|www\s?\.\s?[a-z0-9])\S*/i;
const DOMAIN_STRONG_RE = new RegExp(
  `(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]{1,62}(?:\\s?\\.\\s?[a-z0-9-]{2,63})*\\s?\\.\\s?(?:${STRONG_TLD})(?![a-z0-9])(?:/\\S*)?`,
  "i",
);
const DOMAIN_WEAK_RE = new RegExp(
  `(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]{1,62}(?:\\.[a-z0-9-]{2,63})*\\.(?:${WEAK_TLD})(?![a-z0-9.])(?:/\\S*)?`,
  "i",
);
const DOT_WORD_RE =
  /(?<![a-z0-9])[a-z0-9][a-z0-9-]{1,62}\s*(?:닷|[[(]\s*(?:dot|점|닷)\s*[\])]|\bdot\b)\s*(?:컴|넷|com|net|kr|org)(?![a-z])/i;
// Every pattern here starts at a word boundary and has bounded repeats: comments can be hostile, and
// an unanchored [a-z]+@ rescans a 400-letter word from every position.
const EMAIL_RE =
  /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,24}/i;
const PHONE_RE = /(?<!\d)(?:01[016789]|070)\s?[-.)]?\s?\d{3,4}\s?[-.]?\s?\d{4}(?!\d)/;
const MESSENGER_RE =
  /(카톡|카카오톡|카카오|텔레그램|텔레|텔그|라인|위챗|오픈채팅|오픈톡|kakao(?:talk)?|telegram|tele|line|wechat|ktalk)\s*(아이디|아디|id)?\s*[:：=]?\s*(@?)([a-z0-9][a-z0-9._-]{2,})/i;
const HANDLE_RE = /(?<![a-z0-9._%+-])@([a-z0-9_][a-z0-9._]{3,})/i;
const SOLICIT_RE =
  /문의|연락|상담|입장|가입|친추|추가|수익|부업|대출|급전|리딩|코인|투자|알바|재택|무료|홍보|광고|dm|디엠|가즈아|주소|링크|검색/i;

export function findSpamLink(cleaned: string): string | null {
  const url = URL_RE.exec(cleaned);
  if (url) return url[0];
  const email = cleaned.includes("@") ? EMAIL_RE.exec(cleaned) : null;
  if (email) return email[0];
  const strong = DOMAIN_STRONG_RE.exec(cleaned);
  if (strong) return strong[0].replace(/\s+/g, "");
  const weak = DOMAIN_WEAK_RE.exec(cleaned);
  if (weak) return weak[0];
  const dot = DOT_WORD_RE.exec(cleaned);
  if (dot) return dot[0];
  const phone = PHONE_RE.exec(cleaned);
  if (phone) return phone[0];
  const solicit = SOLICIT_RE.test(cleaned);
  const messenger = MESSENGER_RE.exec(cleaned);
  if (messenger) {
    const [, , idWord, at, id] = messenger;
    if (at || idWord || /\d/.test(id!) || solicit) return messenger[0];
  }
  if (solicit) {
    const handle = HANDLE_RE.exec(cleaned);
    if (handle) return handle[0];
  }
  return null;
}

function distinctChars(s: string): number {
  return new Set(s).size;
}

/** How many back-to-back copies make spam, by the length of the repeated unit. */
function copiesNeeded(unitLength: number): number {
  if (unitLength <= 5) return 10; // 대박대박… ten times
  if (unitLength <= 7) return 4; // 대한민국만세 four times
  return 3; // a sentence three times
}

/** A unit of 2–60 characters repeated back to back (spaces already removed), or null. */
function repeatedUnit(s: string): string | null {
  const n = s.length;
  const maxPeriod = Math.min(60, Math.floor(n / 3));
  for (let p = 2; p <= maxPeriod; p++) {
    const need = p * (copiesNeeded(p) - 1);
    if (need + p > n) continue;
    let run = 0;
    for (let i = 0; i + p < n; i++) {
      if (s.charCodeAt(i) === s.charCodeAt(i + p)) {
        run++;
        if (run >= need) {
          const start = i - run + 1;
          const unit = s.slice(start, start + p);
          if (distinctChars(unit) >= 2) return unit;
        }
      } else run = 0;
    }
  }
  return null;
}

function mostCommon(items: readonly string[]): number {
  const counts = new Map<string, number>();
  let max = 0;
  for (const x of items) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > max) max = c;
  }
  return max;
}

const lastSeen = new Int32Array(1 << 16).fill(-1);
const pairKey = (s: string, i: number) => (s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) & 0xffff;

/**
 * The longest stretch of positions whose pair of characters already occurred at most 60 characters
 * earlier. Any unit repeated enough to count as spam makes such a stretch of at least 15 (8 letters × 3);
 * ordinary prose rarely does, so the period scan below seldom runs. Pairs are hashed; collisions only
 * lengthen stretches, never hide one.
 */
function longestLocalRepeat(s: string): number {
  let streak = 0;
  let best = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const key = pairKey(s, i);
    const j = lastSeen[key]!;
    if (j >= 0 && i - j <= 60) {
      if (++streak > best) best = streak;
    } else streak = 0;
    lastSeen[key] = i;
  }
  for (let i = 0; i + 1 < s.length; i++) lastSeen[pairKey(s, i)] = -1;
  return best;
}

export function findSpamRepeat(cleaned: string): string | null {
  const compact = cleaned.replace(/\s+/g, "");
  if (compact.length >= 30) {
    // one character 30 times: period 1 in UTF-16 units, or period 2 for an emoji (a surrogate pair)
    let run1 = 0;
    let run2 = 0;
    for (let i = 1; i < compact.length; i++) {
      run1 = compact.charCodeAt(i) === compact.charCodeAt(i - 1) ? run1 + 1 : 0;
      run2 = i >= 2 && compact.charCodeAt(i) === compact.charCodeAt(i - 2) ? run2 + 1 : 0;
      if (run1 >= 29) return compact[i]!.repeat(3);
      if (run2 >= 58) return compact.slice(i - 1, i + 1).repeat(3);
    }
  }

  if (compact.length >= 20 && longestLocalRepeat(compact) >= 15) {
    const unit = repeatedUnit(compact);
    if (unit) return unit;
  }

  const raw = cleaned.split(" ");
  if (raw.length >= 10 && mostCommon(raw) >= 3) {
    const words = raw.map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, c] of counts) if (c >= 10 && c * 2 >= words.length) return w;
  }
  return null;
}
