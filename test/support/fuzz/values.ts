import fc from 'fast-check';

/**
 * Values an attacker or a broken client sends: control characters (NUL first: PostgreSQL cannot
 * store it), odd unicode (lone surrogates, direction overrides, combining marks), numbers past
 * the integer columns, dates that do not exist, and plain random text.
 */
const controlCharacters = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\u000c', '\u001b', '\u007f', '\r\n', '\t', '\n'];
const oddUnicode = ['\ud800', '\udfff', '\u202e', '\u200b', '\ufeff', '\uffff', 'e\u0301', '👩‍👩‍👧', 'ß', 'ﷺ', '\u0085', '\u2028', '\u{10ffff}'];
const awkwardTexts = [
  '', ' ', '\u00a0', '%00', '%', '%ZZ', '../../etc/passwd', "'; drop table measures; --", '<script>alert(1)</script>', '{{7*7}}',
  '2147483647', '2147483648', '-2147483649', '9007199254740993', '-1', '0', '1e309', '-1e309', 'NaN', 'Infinity', '0x10', '1.234,5', '1,2,3',
  '31.02.2026', '2026-13-45', '2026-02-30', '0000-01-01', '9999-12-31', '10000-01-01', '-2026-01-01', '2026-1-1',
  'true', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor',
];

/** Lone surrogates cannot go into a URL or form encoding: they become U+FFFD there, as in browsers. */
export const wellFormed = (s: string) => s.replace(/\p{Cs}/gu, '\ufffd');

export const controlAndOdd = fc.constantFrom(...controlCharacters, ...oddUnicode);

/** Text with a control character or odd code point somewhere inside it. */
const salted = fc
  .tuple(fc.string({ maxLength: 6 }), controlAndOdd, fc.string({ maxLength: 6 }))
  .map(([a, c, b]) => a + c + b);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: salted },
  { weight: 3, arbitrary: fc.constantFrom(...awkwardTexts) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 120_000 }).map((n) => 'x'.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(2147483647, 2147483648, -2147483648, -2147483649, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0, -0, -1, 0.5, 1e-320, 1e21, 99999999999999.99),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, weighted towards the troublesome ones. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }) },
);

/** Bodies that are not JSON at all, or JSON of the wrong shape. */
export const malformedJson = fc.oneof(
  fc.constantFrom('', '{', '{"a":}', '[1,2', 'nul', '\u0000', '{"version": 1e999}', '{"title": "\\ud800"}', '{"title": "a\\u0000b"}', 'null', '""', '[]', '42', '{"__proto__": {"x": 1}}'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constant('['.repeat(5000) + ']'.repeat(5000)),
);

/** A path segment as a client might put it into a URL: mostly encoded, sometimes raw percent junk. */
export const hostileSegment = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((s) => encodeURIComponent(wellFormed(s))) },
  { weight: 1, arbitrary: fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', '%E4', '%0A', '%2F', '..', '%2e%2e', '00000000-0000-0000-0000-000000000000') },
);

export const contentTypes = fc.constantFrom(
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'application/xml',
  '',
);
