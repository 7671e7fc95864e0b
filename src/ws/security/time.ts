/**
 * The time values of WS-Security: xsd:dateTime in UTC.
 *
 * WSS 1.1 SOAP Message Security, section 10 (Security Timestamps): "All times MUST be in UTC format as
 * specified by the XML Schema type (dateTime). It should be noted that times support time precision as
 * defined in the XML Schema specification." The Dynamics templates and the captured Microsoft STS response write whole seconds with `Z`
 * (`2014-02-13T01:24:35Z`), so that is what soapstack writes.
 */

/** Formats `date` as UTC xsd:dateTime with whole seconds and `Z`: `2014-02-13T01:24:35Z`. */
export function formatUtc(date: Date): string {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('formatUtc: invalid Date');
  return `${new Date(time - (((time % 1000) + 1000) % 1000)).toISOString().slice(0, 19)}Z`;
}

// XML Schema Part 2, 3.2.7: '-'? yyyy '-' mm '-' dd 'T' hh ':' mm ':' ss ('.' s+)? zone?
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an xsd:dateTime into milliseconds since the epoch, or undefined when it is not one. A value with no
 * zone is read as UTC: WSS requires UTC, and the Java article's STS template wrote its times without the `Z`.
 */
export function parseDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || minute > 59 || second > 59) return undefined;
  // 24:00:00 is the end of the day (3.2.7); any other hour past 23 is invalid.
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || Number(frac ?? 0) !== 0))) return undefined;
  const base = new Date(0);
  base.setUTCFullYear(year, month - 1, day);
  if (base.getUTCMonth() !== month - 1 || base.getUTCDate() !== day) return undefined;
  let ms = base.getTime() + ((hour * 60 + minute) * 60 + second) * 1000;
  if (frac) ms += Math.floor(Number(`0.${frac}`) * 1000);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59) return undefined;
    ms -= sign * (zh * 60 + zm) * 60_000;
  }
  return ms;
}
