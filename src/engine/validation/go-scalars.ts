// What the API server's decoders say about scalar values they cannot take: resource.Quantity's
// parser (k8s.io/apimachinery/pkg/api/resource, ParseQuantity) and Go's base64 decoder (the
// encoding of []byte fields such as a Secret's data). Both run while the JSON is decoded.

/** The Quantity parser's format error: the value does not look like a number with a suffix. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** The Quantity parser's suffix error: number and suffix split, but the suffix is not one it knows. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SUFFIX_CHARS = 'eEinumkKMGTP';
const KNOWN_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const INT64_MAX = 9223372036854775807n;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Splits a quantity into number and suffix the way ParseQuantity scans it; undefined when the
 * text has characters after the suffix. */
function splitQuantity(str: string): string | undefined {
  let pos = str[0] === '-' || str[0] === '+' ? 1 : 0;
  while (isDigit(str[pos])) pos++;
  if (str[pos] === '.') {
    pos++;
    while (isDigit(str[pos])) pos++;
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos === str.length) return str.slice(suffixStart);
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  return pos === str.length ? str.slice(suffixStart) : undefined;
}

/** A decimal exponent suffix (`e3`, `E-2`) whose number strconv.ParseInt accepts. */
function isExponentSuffix(suffix: string): boolean {
  if (suffix.length < 2 || (suffix[0] !== 'e' && suffix[0] !== 'E')) return false;
  const exponent = suffix.slice(1);
  if (!/^[+-]?\d+$/.test(exponent)) return false;
  const value = BigInt(exponent);
  return value <= INT64_MAX && value >= -INT64_MAX - 1n;
}

/** The error resource.Quantity's UnmarshalJSON returns for this JSON text (a string's content, or
 * a number, bool, object or array as sent), or undefined when it parses. */
export function quantityError(text: string): string | undefined {
  const str = text.trim();
  if (str === '') return QUANTITY_FORMAT_ERROR;
  if (str === '0') return undefined;
  const suffix = splitQuantity(str);
  if (suffix === undefined) return QUANTITY_FORMAT_ERROR;
  return KNOWN_SUFFIXES.has(suffix) || isExponentSuffix(suffix) ? undefined : QUANTITY_SUFFIX_ERROR;
}

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

const PAD = 0x3d; // '='
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;
const isBase64Byte = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2f;

/** Where Go's base64.StdEncoding stops decoding: the byte offset it reports as
 * `illegal base64 data at input byte N`, or undefined when the text decodes. Newlines are
 * skipped, padding is required, and anything after the padding is an error. */
export function base64ErrorOffset(text: string): number | undefined {
  const src = utf8Bytes(text);
  let si = 0;
  for (;;) {
    // One quantum: four alphabet bytes, or fewer followed by padding at the very end.
    for (let j = 0; j < 4; j++) {
      if (si === src.length) return j === 0 ? undefined : si - j;
      const b = src[si++]!;
      if (isBase64Byte(b)) continue;
      if (isNewline(b)) {
        j--;
        continue;
      }
      if (b !== PAD || j < 2) return si - 1;
      if (j === 2) {
        while (isNewline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== PAD) return si - 1;
        si++;
      }
      while (isNewline(src[si])) si++;
      return si < src.length ? si : undefined;
    }
  }
}

/** A number as Go's JSON encoder writes the float64 kubectl holds: JavaScript's shortest
 * round-trip form uses the same digits and the same exponent thresholds (1e21, 1e-6). */
export function goNumberText(value: number): string {
  return String(value);
}
