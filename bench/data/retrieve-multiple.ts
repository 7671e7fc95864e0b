/**
 * The decode benchmark's input: a SOAP 1.2 RetrieveMultipleResponse in the shape Dynamics CRM 2013+ answers with
 * (the captured `retrieve_multiple_result.xml`, and the Organization WSDL's EntityCollection / Entity /
 * AttributeCollection / KeyValuePairOfstringanyType types), scaled up: `entities` x `attributes` xsi:typed values
 * (string, int, decimal, dateTime, boolean, Serialization guid, EntityReference, OptionSetValue, Money), with
 * FormattedValues, Id, LogicalName and an empty RelatedEntities per entity. This WSDL's Entity has no KeyAttributes
 * or RowVersion, so none are written (they would make the document invalid). Deterministic: every value is derived
 * from one fixed-seed generator. The default (5,000 x 10) is 12.3 MB: the "about 11 MB" of the bar, with the
 * per-value namespace declarations real CRM replies carry.
 */

const NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  addressing: 'http://www.w3.org/2005/08/addressing',
  services: 'http://schemas.microsoft.com/xrm/2011/Contracts/Services',
  contracts: 'http://schemas.microsoft.com/xrm/2011/Contracts',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  generic: 'http://schemas.datacontract.org/2004/07/System.Collections.Generic',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  serialization: 'http://schemas.microsoft.com/2003/10/Serialization/',
} as const;

const ACTION = 'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/RetrieveMultipleResponse';

/** A 32-bit fixed-seed generator (mulberry32): the same document on every run and machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function hex(random: Random, digits: number): string {
  let out = '';
  while (out.length < digits)
    out += Math.floor(random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return out.slice(0, digits);
}

function guid(random: Random): string {
  return `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`;
}

const WORDS = [
  'Contoso',
  'Fabrikam',
  'Adventure',
  'Works',
  'Litware',
  'Northwind',
  'Tailspin',
  'Coffee',
  'A&B',
  '<Ltd>',
];

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function words(random: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return out.join(' ');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function dateTime(random: Random): string {
  const day = Math.floor(random() * 28) + 1;
  const month = Math.floor(random() * 12) + 1;
  const seconds = Math.floor(random() * 86400);
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return `20${pad2(10 + Math.floor(random() * 14))}-${pad2(month)}-${pad2(day)}T${time}Z`;
}

/**
 * One attribute: its value element (b:value with i:type) and, for the option set, the label CRM adds to
 * FormattedValues (CRM also formats money, dates, numbers and booleans; leaving those out keeps the document
 * near the 11 MB the bar is stated for).
 */
interface Attribute {
  value: string;
  formatted?: string;
}

type Kind = (random: Random) => Attribute;

const typed = (type: string, ns: string, text: string): string =>
  `<b:value i:type="c:${type}" xmlns:c="${ns}">${text}</b:value>`;

/** The ten attribute kinds, in order; attribute `k` of an entity uses `KINDS[k % 10]`. */
const KINDS: [string, Kind][] = [
  ['accountnumber', (r) => ({ value: typed('string', NS.xsd, `ACC-${hex(r, 8).toUpperCase()}`) })],
  ['name', (r) => ({ value: typed('string', NS.xsd, escapeText(words(r, 2))) })],
  [
    'numberofemployees',
    (r) => {
      return { value: typed('int', NS.xsd, String(Math.floor(r() * 100000))) };
    },
  ],
  ['exchangerate', (r) => ({ value: typed('decimal', NS.xsd, (0.5 + r()).toFixed(10)) })],
  ['createdon', (r) => ({ value: typed('dateTime', NS.xsd, dateTime(r)) })],
  ['donotemail', (r) => ({ value: typed('boolean', NS.xsd, String(r() < 0.5)) })],
  ['originatingleadid', (r) => ({ value: typed('guid', NS.serialization, guid(r)) })],
  [
    'primarycontactid',
    (r) => ({
      value:
        `<b:value i:type="a:EntityReference"><a:Id>${guid(r)}</a:Id><a:LogicalName>contact</a:LogicalName>` +
        `<a:Name>${escapeText(words(r, 2))}</a:Name></b:value>`,
    }),
  ],
  [
    'industrycode',
    (r) => {
      const code = Math.floor(r() * 30) + 1;
      return {
        value: `<b:value i:type="a:OptionSetValue"><a:Value>${code}</a:Value></b:value>`,
        formatted: `Industry ${code}`,
      };
    },
  ],
  [
    'revenue',
    (r) => {
      const amount = (r() * 10_000_000).toFixed(4);
      return { value: `<b:value i:type="a:Money"><a:Value>${amount}</a:Value></b:value>` };
    },
  ],
];

function entity(random: Random, attributes: number): string {
  const id = guid(random);
  const parts: string[] = [`<a:Entity><a:Attributes xmlns:b="${NS.generic}">`];
  const formatted: string[] = [];
  for (let k = 0; k < attributes; k++) {
    const [base, kind] = KINDS[k % KINDS.length]!;
    const key = k < KINDS.length ? base : `${base}_${Math.floor(k / KINDS.length)}`;
    const attribute = kind(random);
    parts.push(
      `<a:KeyValuePairOfstringanyType><b:key>${key}</b:key>${attribute.value}</a:KeyValuePairOfstringanyType>`,
    );
    if (attribute.formatted !== undefined) {
      formatted.push(
        `<a:KeyValuePairOfstringstring><b:key>${key}</b:key><b:value>${escapeText(attribute.formatted)}</b:value></a:KeyValuePairOfstringstring>`,
      );
    }
  }
  parts.push(
    '</a:Attributes><a:EntityState i:nil="true"/>',
    `<a:FormattedValues xmlns:b="${NS.generic}">${formatted.join('')}</a:FormattedValues>`,
    `<a:Id>${id}</a:Id><a:LogicalName>account</a:LogicalName><a:RelatedEntities xmlns:b="${NS.generic}"/></a:Entity>`,
  );
  return parts.join('');
}

/** The whole envelope as one string (12.3 MB with the defaults). */
export function generateRetrieveMultipleResponse(entities = 5000, attributes = 10): string {
  const random = seeded(0x5eed2015);
  const parts: string[] = [
    `<s:Envelope xmlns:s="${NS.soap12}" xmlns:a="${NS.addressing}">`,
    `<s:Header><a:Action s:mustUnderstand="1">${ACTION}</a:Action></s:Header>`,
    `<s:Body><RetrieveMultipleResponse xmlns="${NS.services}">`,
    `<RetrieveMultipleResult xmlns:a="${NS.contracts}" xmlns:i="${NS.xsi}"><a:Entities>`,
  ];
  let first = '';
  let last = '';
  for (let e = 0; e < entities; e++) {
    const xml = entity(random, attributes);
    parts.push(xml);
    const id = xml.slice(xml.lastIndexOf('<a:Id>') + 6, xml.lastIndexOf('</a:Id>'));
    if (e === 0) first = id;
    last = id;
  }
  const cookie = `<cookie page="1"><accountid last="{${last.toUpperCase()}}" first="{${first.toUpperCase()}}" /></cookie>`;
  parts.push(
    '</a:Entities><a:EntityName>account</a:EntityName><a:MinActiveRowVersion>-1</a:MinActiveRowVersion>',
    `<a:MoreRecords>true</a:MoreRecords><a:PagingCookie>${escapeText(cookie)}</a:PagingCookie>`,
    '<a:TotalRecordCount>-1</a:TotalRecordCount><a:TotalRecordCountLimitExceeded>false</a:TotalRecordCountLimitExceeded>',
    '</RetrieveMultipleResult></RetrieveMultipleResponse></s:Body></s:Envelope>',
  );
  return parts.join('');
}
