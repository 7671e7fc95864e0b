/**
 * Date and time types (XML Schema Part 2, sections 3.2.6 to 3.2.14; XSD 1.1 Part 2 for dateTimeStamp,
 * dayTimeDuration, yearMonthDuration and the year-zero rule). `dateTime` and `dateTimeStamp` decode to `Date`
 * (a dateTime without timezone is taken as UTC; digits below the millisecond are dropped); every other
 * temporal type stays a string, checked against its lexical grammar, because JS has no faithful value for it.
 */
import { isDigit } from './lexical.js';

/** The string-valued temporal forms, named after their XML Schema types. */
export type TemporalForm =
  | 'date'
  | 'time'
  | 'gYearMonth'
  | 'gYear'
  | 'gMonthDay'
  | 'gDay'
  | 'gMonth'
  | 'duration'
  | 'dayTimeDuration'
  | 'yearMonthDuration';

/** A cursor over the text being scanned; `pos` is -1 once a scan failed. */
interface Scan {
  s: string;
  pos: number;
}

function digits(scan: Scan, count: number): number {
  const { s, pos } = scan;
  if (pos < 0 || pos + count > s.length) return fail(scan);
  let value = 0;
  for (let i = pos; i < pos + count; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return fail(scan);
    value = value * 10 + (c - 0x30);
  }
  scan.pos = pos + count;
  return value;
}

function fail(scan: Scan): number {
  scan.pos = -1;
  return -1;
}

function literal(scan: Scan, code: number): boolean {
  if (scan.pos < 0 || scan.s.charCodeAt(scan.pos) !== code) {
    scan.pos = -1;
    return false;
  }
  scan.pos++;
  return true;
}

/** yearFrag: `-?([1-9][0-9]{3,}|0[0-9]{3})`. */
function year(scan: Scan): number {
  const negative = scan.s.charCodeAt(scan.pos) === 0x2d;
  if (negative) scan.pos++;
  const start = scan.pos;
  let end = start;
  while (end < scan.s.length && isDigit(scan.s.charCodeAt(end))) end++;
  const width = end - start;
  if (width < 4 || (width > 4 && scan.s.charCodeAt(start) === 0x30)) return fail(scan);
  const value = digits(scan, width);
  return negative ? -value : value;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number | undefined, m: number): number {
  if (m === 2) return y === undefined || isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** mm-dd; returns month * 32 + day (no array allocated on this hot path). */
function monthDay(scan: Scan, y: number | undefined): number {
  const m = digits(scan, 2);
  literal(scan, 0x2d);
  const d = digits(scan, 2);
  if (scan.pos >= 0 && (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))) fail(scan);
  return m * 32 + d;
}

/** hh:mm:ss(.s+)? with 24:00:00 allowed; returns milliseconds since midnight. */
function timeOfDay(scan: Scan): number {
  const h = digits(scan, 2);
  literal(scan, 0x3a);
  const m = digits(scan, 2);
  literal(scan, 0x3a);
  const sec = digits(scan, 2);
  let ms = 0;
  let fractionZero = true;
  if (scan.pos >= 0 && scan.s.charCodeAt(scan.pos) === 0x2e) {
    const start = ++scan.pos;
    while (scan.pos < scan.s.length && isDigit(scan.s.charCodeAt(scan.pos))) {
      const digit = scan.s.charCodeAt(scan.pos) - 0x30;
      if (digit !== 0) fractionZero = false;
      const place = scan.pos - start;
      if (place < 3) ms += digit * 10 ** (2 - place);
      scan.pos++;
    }
    if (scan.pos === start) return fail(scan);
  }
  if (scan.pos < 0) return -1;
  if (h === 24 ? m !== 0 || sec !== 0 || !fractionZero : h > 23 || m > 59 || sec > 59) return fail(scan);
  return ((h * 60 + m) * 60 + sec) * 1000 + ms;
}

/** `(Z|(\+|-)hh:mm)?` with |offset| <= 14:00; returns the offset in minutes, or undefined when absent. */
function timezone(scan: Scan): number | undefined {
  if (scan.pos < 0 || scan.pos === scan.s.length) return undefined;
  const c = scan.s.charCodeAt(scan.pos);
  if (c === 0x5a /* Z */) {
    scan.pos++;
    return 0;
  }
  if (c !== 0x2b && c !== 0x2d) {
    fail(scan);
    return undefined;
  }
  scan.pos++;
  const h = digits(scan, 2);
  literal(scan, 0x3a);
  const m = digits(scan, 2);
  if (scan.pos < 0 || m > 59 || h > 14 || (h === 14 && m !== 0)) {
    fail(scan);
    return undefined;
  }
  return (c === 0x2d ? -1 : 1) * (h * 60 + m);
}

function done(scan: Scan): boolean {
  return scan.pos === scan.s.length;
}

/** Parses a dateTime lexical into a Date (no timezone means UTC), or undefined when invalid or out of range. */
export function parseDateTime(s: string, timezoneRequired = false): Date | undefined {
  const scan: Scan = { s, pos: 0 };
  const y = year(scan);
  literal(scan, 0x2d);
  const md = monthDay(scan, y);
  literal(scan, 0x54 /* T */);
  const ms = timeOfDay(scan);
  const offset = timezone(scan);
  if (!done(scan) || (timezoneRequired && offset === undefined)) return undefined;
  const m = md >> 5;
  const d = md & 31;
  // Date.UTC maps years 0-99 to 1900-1999: those (rare) years go through setUTCFullYear.
  const midnight = y >= 100 ? Date.UTC(y, m - 1, d) : new Date(0).setUTCFullYear(y, m - 1, d);
  const time = midnight + ms - (offset ?? 0) * 60_000;
  return Number.isNaN(time) || Math.abs(time) > 8.64e15 ? undefined : new Date(time);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The canonical dateTime of a Date, in UTC: `YYYY-MM-DDThh:mm:ss[.fff]Z` (trailing fraction zeros dropped). */
export function formatDateTime(date: Date): string | undefined {
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  const y = date.getUTCFullYear();
  const ms = date.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${pad(ms, 3).replace(/0+$/, '')}`;
  return (
    `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}${fraction}Z`
  );
}

/** The UTC calendar date of a Date as an xs:date lexical, `YYYY-MM-DD` (no timezone). */
export function formatDate(date: Date): string | undefined {
  const text = formatDateTime(date);
  return text === undefined ? undefined : text.slice(0, text.indexOf('T'));
}

/** True when `s` is in the lexical space of the given temporal form. */
export function isTemporal(s: string, form: TemporalForm): boolean {
  const scan: Scan = { s, pos: 0 };
  switch (form) {
    case 'date': {
      const y = year(scan);
      literal(scan, 0x2d);
      monthDay(scan, y);
      break;
    }
    case 'time':
      timeOfDay(scan);
      break;
    case 'gYearMonth': {
      year(scan);
      literal(scan, 0x2d);
      const m = digits(scan, 2);
      if (m < 1 || m > 12) fail(scan);
      break;
    }
    case 'gYear':
      year(scan);
      break;
    case 'gMonthDay':
      literal(scan, 0x2d);
      literal(scan, 0x2d);
      monthDay(scan, undefined);
      break;
    case 'gDay': {
      for (let i = 0; i < 3; i++) literal(scan, 0x2d);
      const d = digits(scan, 2);
      if (d < 1 || d > 31) fail(scan);
      break;
    }
    case 'gMonth': {
      literal(scan, 0x2d);
      literal(scan, 0x2d);
      const m = digits(scan, 2);
      if (m < 1 || m > 12) fail(scan);
      break;
    }
    default:
      return isDuration(s, form);
  }
  timezone(scan);
  return done(scan);
}

/**
 * durationLexicalRep: `-?P((nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?)` with at least one component and no
 * empty `T`. dayTimeDuration forbids Y and M; yearMonthDuration allows only Y and M.
 */
function isDuration(s: string, form: TemporalForm): boolean {
  let i = s.charCodeAt(0) === 0x2d ? 1 : 0;
  if (s.charCodeAt(i++) !== 0x50 /* P */) return false;
  const order = 'YMDTHMS';
  let stage = 0;
  let components = 0;
  let timeComponents = 0;
  let inTime = false;
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x54 /* T */) {
      if (inTime) return false;
      inTime = true;
      stage = 4;
      i++;
      continue;
    }
    const start = i;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    let decimal = false;
    if (s.charCodeAt(i) === 0x2e) {
      decimal = true;
      i++;
      const fracStart = i;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      if (i === fracStart) return false;
    }
    if (i === start) return false;
    const designator = s[i++];
    const at = order.indexOf(designator ?? '', inTime ? 4 : 0);
    if (at < stage || at < 0 || (!inTime && at > 2) || (decimal && designator !== 'S')) return false;
    if (form === 'dayTimeDuration' && !inTime && at < 2) return false;
    if (form === 'yearMonthDuration' && (inTime || at > 1)) return false;
    stage = at + 1;
    components++;
    if (inTime) timeComponents++;
  }
  return components > 0 && (!inTime || timeComponents > 0);
}
