// Rules on the text that names people and groups: how names compare (Unicode case folding), which
// usernames are refused as lookalikes (UTS #39), and which invisible characters no name may hold.
//
// Folding: the runtime has no toCaseFold, and the one registry package that ships it is tiny and
// little used, while @unicode/unicode-* are hundreds of MB. The runtime's own Unicode data gives
// the same result: full uppercasing (SpecialCasing, so ß → SS, ᾳ → ΑΙ) followed by per-character
// lowercasing, repeated to a fixed point (ẞ → ß → ss), with NFKC before and after and
// Default_Ignorable code points removed, is NFKC_Casefold. Checked against Perl's fc() (full case
// folding) over every code point assigned in Unicode 14: the same classes, except that dotless
// ı is folded together with i, which for identifiers is the safer side (they are confusable).
import type { FieldError } from '../http/problem.ts';
import { problems } from '../http/problem.ts';

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Printable ASCII is its own NFKC, holds no ignorable, invisible or second-script character, and
// case-folds by plain lower-casing: most names are, and skip the Unicode work (an import's lines
// spent a quarter of their time here).
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function foldStep(value: string): string {
  let lower = '';
  // Per character, so Σ becomes σ everywhere: no final-sigma context, and folding a substring
  // (a filter's `co` value) gives a substring of the folded whole.
  for (const char of value.toUpperCase()) lower += char.toLowerCase();
  return lower.normalize('NFKC').replace(DEFAULT_IGNORABLE, '');
}

/** NFKC_Casefold: the key under which usernames, emails and group names are unique. */
export function nfkcCasefold(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return value.toLowerCase();
  let folded = value.normalize('NFKC').replace(DEFAULT_IGNORABLE, '');
  for (let round = 0; round < 4; round++) {
    const next = foldStep(folded);
    if (next === folded) return folded;
    folded = next;
  }
  return folded;
}

// ISO 15924 codes and Unicode names of the scripts (Unicode 17); the runtime's regular
// expressions decide which of them it knows.
const SCRIPT_NAMES = `Adlm Adlam;Aghb Caucasian_Albanian;Ahom Ahom;Arab Arabic;Armi Imperial_Aramaic;Armn Armenian;
Avst Avestan;Bali Balinese;Bamu Bamum;Bass Bassa_Vah;Batk Batak;Beng Bengali;Berf Beria_Erfe;Bhks Bhaiksuki;
Bopo Bopomofo;Brah Brahmi;Brai Braille;Bugi Buginese;Buhd Buhid;Cakm Chakma;Cans Canadian_Aboriginal;Cari Carian;
Cham Cham;Cher Cherokee;Chis Chisoi;Chrs Chorasmian;Copt Coptic;Cpmn Cypro_Minoan;Cprt Cypriot;Cyrl Cyrillic;
Deva Devanagari;Diak Dives_Akuru;Dogr Dogra;Dsrt Deseret;Dupl Duployan;Egyp Egyptian_Hieroglyphs;Elba Elbasan;
Elym Elymaic;Ethi Ethiopic;Gara Garay;Geor Georgian;Glag Glagolitic;Gong Gunjala_Gondi;Gonm Masaram_Gondi;
Goth Gothic;Gran Grantha;Grek Greek;Gujr Gujarati;Gukh Gurung_Khema;Guru Gurmukhi;Hang Hangul;Hani Han;
Hano Hanunoo;Hatr Hatran;Hebr Hebrew;Hira Hiragana;Hluw Anatolian_Hieroglyphs;Hmng Pahawh_Hmong;
Hmnp Nyiakeng_Puachue_Hmong;Hung Old_Hungarian;Ital Old_Italic;Java Javanese;Kali Kayah_Li;Kana Katakana;
Kawi Kawi;Khar Kharoshthi;Khmr Khmer;Khoj Khojki;Kits Khitan_Small_Script;Knda Kannada;Krai Kirat_Rai;
Kthi Kaithi;Lana Tai_Tham;Laoo Lao;Latn Latin;Lepc Lepcha;Limb Limbu;Lina Linear_A;Linb Linear_B;Lisu Lisu;
Lyci Lycian;Lydi Lydian;Mahj Mahajani;Maka Makasar;Mand Mandaic;Mani Manichaean;Marc Marchen;Medf Medefaidrin;
Mend Mende_Kikakui;Merc Meroitic_Cursive;Mero Meroitic_Hieroglyphs;Mlym Malayalam;Modi Modi;Mong Mongolian;
Mroo Mro;Mtei Meetei_Mayek;Mult Multani;Mymr Myanmar;Nagm Nag_Mundari;Nand Nandinagari;Narb Old_North_Arabian;
Nbat Nabataean;Newa Newa;Nkoo Nko;Nshu Nushu;Ogam Ogham;Olck Ol_Chiki;Onao Ol_Onal;Orkh Old_Turkic;Orya Oriya;
Osge Osage;Osma Osmanya;Ougr Old_Uyghur;Palm Palmyrene;Pauc Pau_Cin_Hau;Perm Old_Permic;Phag Phags_Pa;
Phli Inscriptional_Pahlavi;Phlp Psalter_Pahlavi;Phnx Phoenician;Plrd Miao;Prti Inscriptional_Parthian;
Rjng Rejang;Rohg Hanifi_Rohingya;Runr Runic;Samr Samaritan;Sarb Old_South_Arabian;Saur Saurashtra;
Sgnw SignWriting;Shaw Shavian;Shrd Sharada;Sidd Siddham;Sidt Sidetic;Sind Khudawadi;Sinh Sinhala;Sogd Sogdian;
Sogo Old_Sogdian;Sora Sora_Sompeng;Soyo Soyombo;Sund Sundanese;Sunu Sunuwar;Sylo Syloti_Nagri;Syrc Syriac;
Tagb Tagbanwa;Takr Takri;Tale Tai_Le;Talu New_Tai_Lue;Taml Tamil;Tang Tangut;Tavt Tai_Viet;Tayo Tai_Yo;
Telu Telugu;Tfng Tifinagh;Tglg Tagalog;Thaa Thaana;Thai Thai;Tibt Tibetan;Tirh Tirhuta;Tnsa Tangsa;
Todr Todhri;Tols Tolong_Siki;Toto Toto;Tutg Tulu_Tigalari;Ugar Ugaritic;Vaii Vai;Vith Vithkuqi;Wara Warang_Citi;
Wcho Wancho;Xpeo Old_Persian;Xsux Cuneiform;Yezi Yezidi;Yiii Yi;Zanb Zanabazar_Square`;

interface Script {
  code: string;
  name: string;
  /** Some character of the script (by Script_Extensions). */
  some: RegExp;
  /** Only characters of the script, Common or Inherited. */
  only: RegExp;
}

// Common and Inherited characters (digits, @.+-_, combining marks) go with every script.
const NEUTRAL = '\\p{scx=Zyyy}\\p{scx=Zinh}';

function compile(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined; // a script newer than this runtime's Unicode data
  }
}

// Some 170 Unicode-property expressions: compiled at the first check, not at every start.
let scripts: Script[] | undefined;
function allScripts(): Script[] {
  scripts ??= SCRIPT_NAMES.split(';').flatMap((entry) => {
    const [code, name] = entry.trim().split(' ');
    const some = compile(`\\p{scx=${code}}`);
    const only = compile(`^[\\p{scx=${code}}${NEUTRAL}]*$`);
    return some && only ? [{ code, name: name.replace(/_/g, ' '), some, only }] : [];
  });
  return scripts;
}

// UTS #39 §5.2 "Highly Restrictive": one script, or Latin with the scripts written together in
// Japanese, Chinese or Korean.
const ALLOWED_COMBINATIONS = [
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Bopo}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Hang}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
];

/** The names of the scripts a value mixes, or undefined when it is highly restrictive (UTS #39). */
export function mixedScripts(value: string): string[] | undefined {
  if (PRINTABLE_ASCII.test(value)) return undefined;
  const SCRIPTS = allScripts();
  if (SCRIPTS.some((script) => script.only.test(value))) return undefined;
  if (ALLOWED_COMBINATIONS.some((combination) => combination.test(value))) return undefined;
  const used = SCRIPTS.filter((script) => script.some.test(value)).map((script) => script.name);
  return used.length >= 2 ? used : ['an unknown script'];
}

// Control characters (CR, LF, ESC…), line and paragraph separators, lone surrogates and format
// characters, bidi overrides and isolates among them (U+202A–202E, U+2066–2069, U+200E/F): they
// break mail headers and log lines or reorder what a reader sees. ZWNJ and ZWJ stay: Persian,
// the Indic scripts and emoji sequences need them.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

function codePointOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A field error when the value holds a control, format or bidi character. */
export function invisibleCharacter(value: string | null | undefined, pointer: string): FieldError | undefined {
  const found = typeof value === 'string' && !PRINTABLE_ASCII.test(value) ? INVISIBLE.exec(value) : null;
  if (!found) return undefined;
  return {
    pointer,
    code: 'invalid_character',
    detail: `must not contain control, format or bidirectional characters (found ${codePointOf(found[0])})`,
  };
}

type NameFields = { username?: string; name?: string | null; givenName?: string | null; familyName?: string | null };

/**
 * The rules on a user's identifier and names, for the fields that change (`current` is the user
 * before the change): a row written before a rule existed can still be edited in other fields.
 */
export function checkUserNames(next: NameFields, current?: NameFields): void {
  const errors: FieldError[] = [];
  for (const field of ['username', 'name', 'givenName', 'familyName'] as const) {
    const value = next[field];
    if (value == null || (current && current[field] === value)) continue;
    const invisible = invisibleCharacter(value, `/${field}`);
    if (invisible) errors.push(invisible);
    else if (field === 'username') {
      const scripts = mixedScripts(value);
      if (scripts) {
        errors.push({
          pointer: '/username',
          code: 'mixed_script',
          detail: `must be written in one script (UTS #39), but mixes ${scripts.join(' and ')}`,
        });
      }
    }
  }
  if (errors.length > 0) throw problems.invalid(errors, `${errors[0].pointer!.slice(1)} ${errors[0].detail}.`);
}

/** A group's name: no control, format or bidi characters. */
export function checkGroupName(name: string | undefined, current?: string): void {
  if (name === undefined || name === current) return;
  const invisible = invisibleCharacter(name, '/name');
  if (invisible) throw problems.invalid([invisible], `name ${invisible.detail}.`);
}
