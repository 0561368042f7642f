/**
 * The comment filter's word list: data, not code. `matcher.ts` compiles it once at start-up.
 *
 * ## How to read an entry
 * `forms` are written in NORMALISED form, i.e. what `normalizeForMatching` makes of text: Hangul
 * syllables, compatibility jamo, lower-case Latin and digits, no spaces, no doubled letters, no stretched
 * vowels (a unit test checks that every form is a fixed point of the normaliser). Each form of two to
 * four syllables also matches with some of its syllables typed as their initial consonant (ㅅ발, 병ㅅ,
 * 개ㅅㄲ); typing ALL of them as initials (ㅅㅂ) counts only when listed in `choseong`. Spacing evasions
 * (시 발, 개 새 끼) are handled by the matcher: a match may run across spaces if it starts a word, and if
 * it ends inside a word, what follows must look like an insult's continuation (놈, 년, 새끼, 들, 아 …).
 *
 * - `start: "word"` / `end: "word"`: no Hangul letter may touch the match on that side within a word.
 * - `notBefore` / `notAfter`: the match is innocent if immediately followed / preceded (spaces ignored)
 *   by one of these.
 * - `onlyWith` / `unlessWith`: hold only if the comment also contains one of these / never if it does.
 * - `joinedOnly`: only counts written as one word (개소리, not 개 소리 = a dog's bark).
 *
 * `ALLOW` lists innocent words that contain a listed form or run into one (시발점, 발표 in "9시발표").
 * An allowed word excuses a match it overlaps if it is not wholly inside the match and lies within one
 * word (or, with `acrossSpaces`, is a phrase: 시발 자동차); `spacedOnly` ones excuse only matches that
 * run across a space (씨 발아 = seed germination).
 *
 * ## Policy for borderline words (decided here; change here)
 * - 시발 as a word: held, but 시발점 / 시발역 / 시발택시 / 시발자동차 (始發, and the 1955 car brand)
 *   are allowed, as are the many 발- words that follow a 시 ending another word (3시 발표, 도시발전,
 *   동시발생, 김씨 발언). 始發 in Hanja is never touched.
 * - N시발 after a number is a departure time (9시발 부산행) and passes.
 * - 시바 / 씨바: held only at the start of a word, so 도시바 (Toshiba), 하시바랍니다 and 역시 바로 pass;
 *   시바견 / 시바이누 / 시바신 / 시바 여왕 / 시바스리갈 pass.
 * - 씨 + 발라 (수박씨 발라 먹다, 씨 발라낸 포도): allowed. 씨앗 발아: allowed.
 * - 병신년: allowed only as the 丙申 year: the comment must name a 丙申 year (1896, 1956, 2016, 2076) or
 *   say 새해 / 원숭이 / 간지 / 년생 …, and it must not be addressed (이 병신년아, 병신년들).
 * - 졸라: ALLOWED. It is a softened euphemism and collides with 졸라매다 (허리띠를 졸라매다 is a staple
 *   of economy comments) and 조르다 (아이가 졸라서). 존나 / 졸나 / 존니 / ㅈㄴ are held (from 좆나).
 *   존맛 / 존예 / 존잘 are lexicalised slang and allowed.
 * - 꺼져: ALLOWED. Rude, not profanity, and 불이 꺼져 / 꺼져가는 경제 are everyday news language.
 * - 닥쳐: held as a command (입 닥쳐, 닥쳐라), not as 닥치다 "to loom" (위기가 닥쳐오다, 닥쳐서, 닥쳐도).
 * - 미친: ALLOWED alone (미친 듯이, 미친 집값, 미친 퀄리티, 영향을 미친); held as a noun phrase aimed at a
 *   person (미친놈 / 미친년 / 미친새끼 / ㅁㅊㄴ).
 * - 지랄: held; 지랄탄 (the 1980s tear-gas launcher) is a historical term and allowed. 지랄병 is held.
 * - 쓰레기: ALLOWED alone (분리수거); held as 인간쓰레기 / 쓰레기새끼.
 * - 새끼: ALLOWED alone (새끼 고양이, 새끼줄, 새끼손가락); held after a pointing word (이/저/그/니 새끼)
 *   unless an animal follows, and in every compound insult (개새끼, 씹새끼 …).
 * - 등신: held; 등신대 / 등신불 / 팔등신 / 8등신 pass.
 * - 개-: the intensifier is ALLOWED (개좋다, 개웃기네, 개새로운); 개새끼 / 개같은 / 개소리 / 개년 / 개놈
 *   are held. 개돼지 (a quoted official's remark, much cited) and 개판 are allowed. 3개년 계획 passes.
 * - 애미 / 애비: held only in insults (니애미, 느금마, 애미없는, 애비없는, 애미애비); alone they pass (TV
 *   dramas' 애미야).
 * - 홍어: held in slur compounds (홍어새끼, 홍어족, 홍어들) and alone only when the comment is about the
 *   Honam region and not about food. 과메기: held only in slur compounds. 전라디언 / 절라도 / 개쌍도: held.
 * - 한남: 한남동 / 한남대교 pass; 한남충 / 한남새끼 held. 한녀 held, but not 한 녀석.
 * - 애자: held as the disability slur at the start of a word; a following honorific (애자 씨 / 할머니)
 *   marks the given name and passes. 장애인 is NEVER held: it is the neutral word, and telling an insulting
 *   use from reporting needs a person.
 * - 보지 / 자지: never held alone (보지 마, 자지 말고); only unambiguous compounds are listed.
 * - Political labels (빨갱이, 좌빨, 수꼴, 토착왜구, 대깨문, 기레기) are NOT held: news comments are
 *   political and the filter should not hold one side's vocabulary; readers can still report them.
 * - 18 / 10 as numbers pass (18세, 18일, 18시, 18개월, 10세, 18년 만에); read aloud in an insult
 *   (18놈, 10새끼, 씨8) they are held.
 * - 검둥이 (a common dog name), 튀기 (튀기다 "to fry"), 벙어리 (벙어리장갑) and 정신병자 are not held.
 * - A slur quoted to criticise it (틀딱이라는 말 쓰지 맙시다) is still held: telling mention from use
 *   needs a person, and a moderator releases it in seconds.
 * - Self-censored forms with X or * in place of a letter (X발, 시X, 개XX) are not held: the writer has
 *   already censored the word. An X or * INSIDE a word is an evasion (시*발) and is held.
 * - ㅗ on its own (ㅗ, ㅗㅗㅗ: a raised middle finger), 🖕 and 凸 (not 凹凸) are held as profanity.
 * - ㅋ / ㅎ next to a word are laughter, not part of it: ㅋㅋ시바 and ㅅㅂㅋㅋ are held.
 */

export type LexiconKind = "profanity" | "slur";

export interface LexiconEntry {
  /** Shown to moderators; also a stable id. */
  label: string;
  kind: LexiconKind;
  /** Normalised spellings. */
  forms: readonly string[];
  /** All-initial-consonant abbreviations that count as this entry (ㅅㅂ). */
  choseong?: readonly string[];
  /** Set false to stop forms matching with some syllables typed as initials. */
  partial?: boolean;
  start?: "word";
  end?: "word";
  notBefore?: readonly string[];
  notAfter?: readonly string[];
  onlyWith?: readonly string[];
  unlessWith?: readonly string[];
  joinedOnly?: boolean;
  notes: string;
}

export interface AllowEntry {
  word: string;
  spacedOnly?: boolean;
  /** The allowed phrase may itself be written with spaces (시발 자동차). */
  acrossSpaces?: boolean;
  onlyWith?: readonly string[];
  notBefore?: readonly string[];
  notAfter?: readonly string[];
  notes?: string;
}

/** Words and insults after which a count word or pointing word makes 개 a counter, not "dog". */
const COUNTING_WORDS = ["한", "두", "세", "네", "몇", "여러", "다섯", "여섯", "일곱", "여덟", "아홉", "열"];
const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const ANIMAL_YOUNG = [
  "고양이",
  "강아지",
  "곰",
  "돼지",
  "오리",
  "사자",
  "호랑이",
  "원숭이",
  "판다",
  "물개",
  "새를",
];

export const LEXICON: readonly LexiconEntry[] = [
  // ------------------------------------------------------------------ profanity
  {
    label: "시발",
    kind: "profanity",
    forms: [
      "시발",
      "씨발",
      "시빨",
      "씨빨",
      "씨팔",
      "시팔",
      "씨벌",
      "시벌",
      "씨펄",
      "쓰발",
      "쓰벌",
      "씌발",
      "싀발",
      "쒸발",
      "씨불",
      "씨부랄",
      "씨부럴",
      "씨블",
      "씹팔",
      "씹할",
      "씨파",
    ],
    choseong: ["ㅅㅂ", "ㅆㅂ", "ㅅㅃ", "ㅆㅃ", "ㅅㅍ", "ㅆㅍ"],
    notAfter: DIGITS,
    notes:
      "The commonest Korean expletive and its spellings; 씨팔/시팔 also come from 씨8. After a number it is a departure time (9시발 열차).",
  },
  {
    label: "시바",
    kind: "profanity",
    forms: ["시바", "씨바", "쓰바", "아시바", "아씨바"],
    start: "word",
    notBefore: ["견", "이누", "신", "스", "여왕", "의여왕", "리갈"],
    notes: "Euphemistic 시발. Word-initial only: 도시바, 하시바랍니다. Not 시바견, 시바 여왕, 시바스리갈.",
  },
  {
    label: "씹",
    kind: "profanity",
    forms: [
      "씹새끼",
      "십새끼",
      "씹새",
      "십새",
      "씹쌔",
      "십쌔",
      "씹년",
      "씹놈",
      "씹창",
      "십팔놈",
      "십팔새끼",
      "씹팔놈",
    ],
    notes:
      "씹- compounds; 십새/십팔놈 also from 10새, 18놈. 씹다 (chew) and 읽씹 pass; 십팔년 is not listed (18년).",
  },
  {
    label: "개새끼",
    kind: "profanity",
    forms: [
      "개새끼",
      "개새기",
      "개색기",
      "개색끼",
      "개색히",
      "개세끼",
      "개쉐끼",
      "개섀끼",
      "개샛기",
      "개쌔끼",
      "개쉐이",
      "개쉑",
      "게새끼",
      "게세끼",
      "개새",
      "개색",
      "개쌔",
    ],
    choseong: ["ㄱㅅㄲ", "ㄱㅆㄲ"],
    notes: "개새 alone is listed (개새야); 개새로운 / 새해 / 새벽 are excused by ALLOW, 무지개색 by 무지개.",
  },
  {
    label: "새끼",
    kind: "profanity",
    forms: [
      "이새끼",
      "저새끼",
      "그새끼",
      "니새끼",
      "너새끼",
      "네새끼",
      "느그새끼",
      "이새기",
      "저새기",
      "이색기",
      "저색기",
      "이쉐끼",
      "저쉐끼",
      "이쉑",
      "저쉑",
    ],
    start: "word",
    notBefore: [...ANIMAL_YOUNG, "줄", "손가락", "발가락", "치기", "를낳", "낳"],
    notes: "새끼 aimed at someone. Alone it is the young of an animal and passes.",
  },
  {
    label: "병신",
    kind: "profanity",
    forms: ["병신", "븅신", "빙신", "병싄", "병쉰", "븅쉰", "빙싄", "병딱", "뱅신"],
    choseong: ["ㅂㅅ"],
    notes: "Also a disability slur in origin. 병신년 (丙申年) is excused by ALLOW in a year context.",
  },
  {
    label: "지랄",
    kind: "profanity",
    forms: ["지랄", "쥐랄", "지롤", "지럴", "즤랄", "지뢀"],
    choseong: ["ㅈㄹ"],
    notes: "지랄탄 (historical tear-gas launcher) is allowed.",
  },
  {
    label: "좆",
    kind: "profanity",
    forms: ["좆", "좃같", "좇같", "졷같", "좃까", "좃나", "좃도", "좆까"],
    notes: "좆 and its disguised compounds. 좇다 (pursue) and 쫓다 pass.",
  },
  {
    label: "존나",
    kind: "profanity",
    forms: ["존나", "존니", "존내", "졸나", "졸니", "조낸", "줜나", "존낸", "조온나"],
    choseong: ["ㅈㄴ"],
    notes: "From 좆나. 졸라 is deliberately NOT listed (졸라매다, 조르다); 존맛/존예 pass.",
  },
  {
    label: "미친놈",
    kind: "profanity",
    forms: [
      "미친놈",
      "미친년",
      "미친새끼",
      "미친넘",
      "미친눔",
      "미친뇬",
      "미췬놈",
      "미췬년",
      "미틴놈",
      "미틴년",
      "미친련",
      "미친쉑",
      "미친색기",
    ],
    choseong: ["ㅁㅊㄴ", "ㅁㅊㅅㄲ"],
    notAfter: ["영향을", "영향", "악영향을", "타격을", "손해를"],
    notes: "미친 alone passes (미친 듯이, 미친 집값); 영향을 미친 놈 … is not an insult.",
  },
  {
    label: "또라이",
    kind: "profanity",
    forms: ["또라이", "또라히", "똘아이", "또라에"],
    notes: "돌아이 is not listed: 돌 아이 is a one-year-old.",
  },
  {
    label: "등신",
    kind: "profanity",
    forms: ["등신", "등쉰", "등씬"],
    notes: "등신대 / 등신불 / 팔등신 are allowed.",
  },
  {
    label: "썅",
    kind: "profanity",
    forms: ["썅", "쌍년", "썅놈", "썅년"],
    notes: "쌍놈 (a historical class word) is not listed.",
  },
  {
    label: "니애미",
    kind: "profanity",
    forms: [
      "니애미",
      "니애비",
      "느그애미",
      "느그애비",
      "너희애미",
      "니엄창",
      "느금마",
      "느금",
      "애미뒤진",
      "애비뒤진",
      "애미없",
      "애비없",
      "애미애비",
      "애미리스",
      "엠창",
      "엠생",
      "느개비",
      "니앰",
    ],
    notes: "Insults on someone's parents. 애미/애비 alone pass.",
  },
  {
    label: "니미",
    kind: "profanity",
    forms: ["니미", "니미럴", "니기미", "니미씨"],
    start: "word",
    notBefore: ["츠"],
    notes: "Word-initial only (데니미, 할머니 미소 …).",
  },
  {
    label: "엿먹어",
    kind: "profanity",
    forms: ["엿먹어", "엿이나먹어", "엿이나처먹", "엿같", "엿드세요", "엿머거"],
    notes: "Not 엿 먹고 (the exam-day candy) or 엿 먹으러.",
  },
  {
    label: "닥쳐",
    kind: "profanity",
    forms: ["닥쳐", "닥치라고", "닥치세요", "닥치시오", "닥쵸", "닥치셈"],
    notBefore: ["오", "올", "온", "와", "왔", "서", "도", "야", "있", "진", "봐", "보", "버", "졌", "올수"],
    notAfter: ["가", "이", "께서", "위기", "현실"],
    notes: "The command. 위기가 닥쳐오다 / 닥쳐서 / 닥쳐도 (닥치다, to loom) pass.",
  },
  {
    label: "아가리",
    kind: "profanity",
    forms: ["아가리", "아갈"],
    start: "word",
    notes: "Vulgar for mouth (아가리 닥쳐).",
  },
  {
    label: "개같은",
    kind: "profanity",
    forms: [
      "개같은",
      "개같이",
      "개같네",
      "개같다",
      "개같아",
      "개같음",
      "개같고",
      "개가튼",
      "개같애",
      "개같을",
    ],
    start: "word",
    notAfter: COUNTING_WORDS,
    notes: "Word-initial (무지개 같은 passes); 두 개 같은 (counter) passes.",
  },
  {
    label: "개소리",
    kind: "profanity",
    forms: ["개소리", "개솔"],
    joinedOnly: true,
    partial: false,
    notes: "Written as one word only: 옆집 개 소리 (a dog's bark) passes.",
  },
  {
    label: "개년",
    kind: "profanity",
    forms: ["개년", "개놈", "개뇬", "개넘"],
    notAfter: [...DIGITS, "삼", "사", "오", "육", "칠", "팔", "구", "십", "몇", "수"],
    notes: "개년 after a number is a plan length (3개년 계획).",
  },
  {
    label: "호로자식",
    kind: "profanity",
    forms: ["호로자식", "호로새끼", "호로놈", "호래자식", "후레자식", "호로새"],
    notes: "호로 alone passes (호로록, 호로비츠).",
  },
  {
    label: "성기 비속어",
    kind: "profanity",
    forms: ["보지년", "보짓물", "보빨", "개보지", "개자지", "자지털", "보지털"],
    notes: "Only unambiguous compounds: 보지 마 / 자지 말고 are everyday verbs.",
  },
  {
    label: "찐따",
    kind: "profanity",
    forms: ["찐따"],
    notes: "Insult for a social outcast (originally for a disabled person).",
  },
  {
    label: "인간쓰레기",
    kind: "profanity",
    forms: ["인간쓰레기", "쓰레기새끼", "쓰레기년", "쓰레기놈"],
    notes: "쓰레기 alone passes.",
  },
  {
    label: "염병",
    kind: "profanity",
    forms: ["염병", "염병할"],
    start: "word",
    notes: "염병 (typhus) as a curse; word-initial only.",
  },

  // ------------------------------------------------------------------ slurs
  {
    label: "종교 비하",
    kind: "slur",
    forms: ["개독", "개독교", "먹사"],
    start: "word",
    notBefore: ["립", "일", "특", "학", "서", "창", "감", "점", "재", "진", "자"],
    notes: "Contempt words for Protestants and pastors; not 개독특하다 (slang for very unique).",
  },
  {
    label: "홍어",
    kind: "slur",
    forms: ["홍어새끼", "홍어족", "홍어들", "홍어년", "홍어놈", "홍어종자", "홍어충", "홍어냄새나는"],
    notes: "Regional slur for people from Honam, in slur compounds.",
  },
  {
    label: "홍어 (지역)",
    kind: "slur",
    forms: ["홍어"],
    partial: false,
    onlyWith: ["전라", "라도", "호남", "광주", "절라"],
    unlessWith: [
      "삼합",
      "홍어회",
      "무침",
      "흑산도",
      "수산",
      "어획",
      "어민",
      "식당",
      "맛",
      "요리",
      "먹",
      "가게",
      "시장",
      "가격",
      "판매",
      "택배",
      "주문",
    ],
    notes: "홍어 alone is a fish; only a slur when the comment is about the region and not about food.",
  },
  {
    label: "지역 비하",
    kind: "slur",
    forms: [
      "전라디언",
      "절라디언",
      "전라디안",
      "절라도",
      "개쌍도",
      "경상디언",
      "갱상디언",
      "과메기새끼",
      "과메기들",
      "과메기놈",
      "과메기종자",
    ],
    notes: "Regional slurs. 과메기 (the Pohang dish) passes alone.",
  },
  {
    label: "성별 비하",
    kind: "slur",
    forms: [
      "김치녀",
      "김치년",
      "김치남",
      "된장녀",
      "된장년",
      "한남충",
      "한남유충",
      "한남새끼",
      "한녀충",
      "맘충",
      "보슬아치",
      "꼴페미",
      "페미년",
      "메갈년",
      "걸레년",
      "화냥년",
      "창녀",
      "창년",
      "개저씨",
      "갈보",
    ],
    notBefore: ["리", "촌"],
    notes:
      "Gender slurs. 한남동 / 한남대교 pass. 갈보리 (Calvary) passes; 창녀촌 (a red-light district, in crime news) passes.",
  },
  {
    label: "한녀",
    kind: "slur",
    forms: ["한녀"],
    partial: false,
    start: "word",
    notBefore: ["석", "자", "름"],
    notes: "Slur for Korean women; not 한 녀석.",
  },
  {
    label: "장애 비하",
    kind: "slur",
    forms: ["애자", "애자새끼", "장애새끼", "장애인새끼"],
    start: "word",
    notBefore: [
      "씨",
      "님",
      "할머니",
      "할매",
      "여사",
      "언니",
      "이모",
      "고모",
      "선생",
      "누나",
      "엄마",
      "어머니",
      "교체",
      "설치",
      "파손",
      "불량",
      "점검",
    ],
    notes:
      "애자 is the slur. With an honorific after it it is a given name (애자 씨, 애자 할머니); with 교체 / 설치 / 파손 it is an electrical insulator.",
  },
  {
    label: "외국인 비하",
    kind: "slur",
    forms: [
      "짱깨",
      "짱개",
      "짱꼴라",
      "짱꼴",
      "떼놈",
      "쪽바리",
      "쪽발이",
      "쪽국",
      "깜둥이",
      "흑형",
      "똥남아",
      "외노자",
      "똥양인",
      "착짱죽짱",
    ],
    notes: "Slurs about nationality or race. 조선족 / 양키 / 검둥이 (dog name) pass.",
  },
  {
    label: "외국인 비하 (단어)",
    kind: "slur",
    forms: ["왜놈", "되놈", "코쟁이"],
    start: "word",
    joinedOnly: true,
    partial: false,
    notes: "Joined only: 왜 놈들이 (why are they) passes.",
  },
  {
    label: "혐오 -충",
    kind: "slur",
    forms: [
      "급식충",
      "틀딱",
      "틀딱충",
      "진지충",
      "설명충",
      "일베충",
      "노인충",
      "연금충",
      "똥꼬충",
      "급식새끼",
      "호모새끼",
      "게이새끼",
    ],
    notes: "Contempt words for age groups, religions and sexual orientation.",
  },
];

/**
 * English profanity and romanised Korean, matched on a Latin reading of the comment (lower case, leet
 * digits read as letters, doubled letters collapsed, separators inside words dropped).
 */
export const LATIN_LEXICON: readonly LexiconEntry[] = [
  {
    label: "fuck",
    kind: "profanity",
    forms: ["fuck", "fuk", "fck", "fvck", "phuck", "motherfucker", "wtfuck"],
    start: "word",
    notes: "English.",
  },
  { label: "shit", kind: "profanity", forms: ["shit", "bulshit"], start: "word", notes: "English." },
  {
    label: "bitch",
    kind: "profanity",
    forms: ["bitch", "biatch", "cunt", "ashole", "dickhead", "bastard"],
    start: "word",
    notes: "English insults (asshole is written with one s after normalisation).",
  },
  {
    label: "english slur",
    kind: "slur",
    forms: ["niga", "chink", "gok", "jap", "fagot", "retard", "retarded"],
    start: "word",
    end: "word",
    notes:
      "Whole words only (niga, gok, fagot are normalised spellings). The n-word normalises to Niger, the country, so it is not listed.",
  },
  {
    label: "romanised 시발",
    kind: "profanity",
    forms: ["sibal", "sibar", "shibal", "sipal", "shipal", "cibal", "cbal", "sival", "shival"],
    start: "word",
    notes: "Romanised 시발 (ssibal normalises to sibal) and tq (ㅅㅂ typed with the IME off).",
  },
  {
    label: "tq",
    kind: "profanity",
    forms: ["tq", "c8"],
    start: "word",
    end: "word",
    notes: "ㅅㅂ typed with the IME off, and 씨8. Whole words only.",
  },
  {
    label: "romanised insults",
    kind: "profanity",
    forms: [
      "byungsin",
      "byeongsin",
      "byungshin",
      "byeongshin",
      "gaesaeki",
      "gaesaki",
      "gesaeki",
      "gaeseki",
      "jiral",
      "michinom",
      "michinyeon",
    ],
    start: "word",
    notes: "Romanised Korean insults.",
  },
];

/** Standalone gestures: a word made only of ㅗ (a raised middle finger), and the emoji. */
export const GESTURES: readonly string[] = ["ㅗ", "🖕", "凸"];

const BA_WORDS = [
  "발표",
  "발생",
  "발견",
  "발전",
  "발달",
  "발행",
  "발의",
  "발송",
  "발매",
  "발사",
  "발령",
  "발급",
  "발효",
  "발동",
  "발주",
  "발탁",
  "발족",
  "발굴",
  "발휘",
  "발목",
  "발가락",
  "발바닥",
  "발길",
  "발걸음",
  "발자국",
  "발상",
  "발명",
  "발음",
  "발병",
  "발열",
  "발작",
  "발악",
  "발칵",
  "발끈",
  "발레",
  "발라",
  "발린",
  "발려",
  "발리",
  "발암",
  "발포",
  "발각",
  "발끝",
  "발등",
  "발판",
  "발원",
  "발진",
  "발산",
  "발췌",
  "발화",
  "발차",
  "발착",
  "발신",
  "발부",
  "발간",
  "발제",
  "발권",
  "발육",
  "발돋움",
  "발뺌",
  "발칙",
  "발광",
  "발치",
  "발언",
  "발군",
  "발단",
  "발버둥",
  "발설",
  "발성",
  "발소리",
  "발톱",
  "발해",
  "발현",
  "발코니",
  "발칸",
  "발빠",
  "발냄새",
  "발렌",
  "발랄",
];

const SYLLABLE_WORDS = [
  // 바- (after 시바 at the start of a word, e.g. 3시바로)
  "바로",
  "바다",
  "바람",
  "바닥",
  "바꾸",
  "바꿔",
  "바꿨",
  "바뀌",
  "바뀐",
  "바빠",
  "바쁘",
  "바쁜",
  "바지",
  "바깥",
  "바탕",
  "바둑",
  "바위",
  "바늘",
  "바구니",
  "바라",
  "바란",
  "바랍",
  "바랄",
  "바래",
  "바램",
  "바퀴",
  "바르",
  "바른",
  // 벌- and 팔- (시벌, 씨팔)
  "벌금",
  "벌점",
  "벌레",
  "벌써",
  "벌칙",
  "벌받",
  "벌집",
  "벌초",
  "벌크",
  "벌판",
  "벌여",
  "벌린",
  "벌려",
  "벌목",
  "팔린",
  "팔리",
  "팔자",
  "팔로",
  "팔뚝",
  "팔걸이",
  "팔순",
  "팔월",
  "팔도",
  "팔방",
  "팔짱",
  "팔꿈치",
  "팔찌",
  "팔레스타인",
  "팔만",
  "팔십",
  "팔천",
  "팔백",
  // 신- (병신, 등신)
  "신청",
  "신고",
  "신문",
  "신속",
  "신뢰",
  "신규",
  "신용",
  "신호",
  "신체",
  "신분",
  "신경",
  "신설",
  "신약",
  "신앙",
  "신랑",
  "신부",
  "신념",
  "신축",
  "신제품",
  "신작",
  "신차",
  "신곡",
  "신형",
  "신종",
  "신흥",
  "신중",
  "신선",
  "신라",
  "신한",
  "신천지",
  "신도시",
  "신당",
  "신생",
  "신장",
  "신진",
  "신화",
  "신기록",
  "신기술",
  "신비",
  "신발",
  "신혼",
  "신탁",
  "신세계",
  // 새- (개새, 십새)
  "새로",
  "새롭",
  "새해",
  "새벽",
  "새집",
  "새출발",
  "새정치",
  "새누리",
  "새마을",
  "새만금",
  "새내기",
  "새우",
  "새싹",
  "새댁",
  "새천년",
  "새차",
  "새옷",
  "새기",
  "새겨",
  "새긴",
  "새김",
  "새까",
  "새빨",
  "새파",
  "새하",
  "새털",
  "새삼",
  "새소식",
  "새학기",
  "새학년",
  "새봄",
  "새단장",
  "새판",
  "새시대",
  "새정부",
  // 나- (존나)
  "나라",
  "나머지",
  "나토",
];

/** Words that end inside a match: 도시발전, 보존나무, 무지개색, 아저씨발, 간병신청. */
const PREFIX_WORDS = [
  // …시 (시발, 시바)
  "도시",
  "동시",
  "당시",
  "즉시",
  "임시",
  "잠시",
  "역시",
  "혹시",
  "다시",
  "무시",
  "수시",
  "일시",
  "개시",
  "게시",
  "표시",
  "지시",
  "제시",
  "전시",
  "감시",
  "실시",
  "항시",
  // …씨 (씨발, 씨바, 씨팔)
  "아저씨",
  "아가씨",
  "수박씨",
  "호박씨",
  "볍씨",
  "꽃씨",
  "불씨",
  "말씨",
  "솜씨",
  "마음씨",
  "날씨",
  "글씨",
  "맵씨",
  // …존 (존나)
  "보존",
  "생존",
  "공존",
  "의존",
  "현존",
  "실존",
  "잔존",
  "온존",
  "기존",
  "자존",
  // …개 (개새, 개같은, 개년)
  "무지개",
  "안개",
  "베개",
  "날개",
  "덮개",
  "지우개",
  "조개",
  "물개",
  "소개",
  "찌개",
  "마개",
  "가리개",
  "이쑤시개",
  "한개",
  "두개",
  "세개",
  "네개",
  "몇개",
  "여러개",
  // …병 (병신)
  "간병",
  "투병",
  "발병",
  "질병",
  "문병",
  "꾀병",
  "열병",
  "역병",
  "화병",
  "지병",
  "신병",
  // …등 (등신)
  "평등",
  "고등",
  "초등",
  "중등",
  "열등",
  "균등",
  "대등",
  "동등",
  "차등",
  "일등",
  "우등",
  "하등",
  "특등",
];

export const ALLOW: readonly AllowEntry[] = [
  { word: "시발점", acrossSpaces: true, notes: "始發點, starting point" },
  { word: "시발역", notes: "始發驛, first station" },
  { word: "시발택시", acrossSpaces: true, notes: "the 1955 시발 car" },
  { word: "시발자동차", acrossSpaces: true, notes: "the 1955 시발 car" },
  { word: "시발차", notes: "the 1955 시발 car" },
  { word: "시발버스" },
  { word: "시발열차" },
  { word: "시발편" },
  {
    word: "병신년",
    onlyWith: [
      "1896",
      "1956",
      "2016",
      "2076",
      "새해",
      "원숭이",
      "간지",
      "갑자",
      "정월",
      "년생",
      "붉은",
      "을미",
      "정유",
      "丙申",
    ],
    notBefore: ["아", "들", "같", "새끼", "이야"],
    notAfter: ["이", "저", "그", "미친", "개", "이런", "저런", "썅", "씨발"],
    notes: "丙申年, the year 1956 / 2016",
  },
  { word: "등신대", notes: "life-size figure" },
  { word: "등신불", notes: "a Buddha statue of life size; a novel" },
  { word: "팔등신", notes: "body proportions" },
  { word: "칠등신" },
  { word: "구등신" },
  { word: "육등신" },
  { word: "6등신" },
  { word: "7등신" },
  { word: "8등신" },
  { word: "9등신" },
  { word: "지랄탄", notes: "1980s tear-gas launcher; historical" },
  { word: "개년계획", notes: "3개년 계획" },
  { word: "개년간" },
  { word: "발아", spacedOnly: true, notes: "씨 발아: germination" },
  { word: "신들", spacedOnly: true, notAfter: ["병"], notes: "A, B 등 신들 (gods)" },
  { word: "나이트", spacedOnly: true, notes: "존 나이트 (a name)" },
  { word: "시발종점", acrossSpaces: true, notes: "始發 terminus" },
  { word: "개같이벌어", acrossSpaces: true, notes: "proverb: 개같이 벌어서 정승같이 쓴다" },
  { word: "개같은날의오후", acrossSpaces: true, notes: "a 1995 film title" },
  { word: "팔아", spacedOnly: true, notes: "김 씨 팔아요" },
  { word: "팔고", spacedOnly: true },
  ...BA_WORDS.map((word) => ({ word })),
  ...SYLLABLE_WORDS.map((word) => ({ word })),
  ...PREFIX_WORDS.map((word) => ({ word })),
];
