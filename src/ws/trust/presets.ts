/**
 * Sign-in presets: the token services Dynamics CRM 2011+ deployments use, as plain data.
 *
 * Sources: the Microsoft Online STS URL and `urn:crmna:dynamics.com` come from the article's companion code
 * (CRMJavaConnect, `MSDC_ONLINE_STS_URL` and its RST template); the other regions from the dynamics_crm gem's
 * REGION table (host -> URN), which agrees with the Organization WSDL's policy
 * (`ms-xrm:LiveTrust/AppliesTo`, `TrustVersion WSTrustFeb2005`); see
 * `test/fixtures/real/dynamics-crm-2011/RECOVERED-TEMPLATES.txt` sections 1, 2 and 6. The AD FS endpoint
 * is AD FS 2.0's WS-Trust 1.3 username endpoint, as the gem's on-premises (IFD) request uses it.
 */
import { AuthOptionsError } from './errors.js';
import type { RequestSecurityTokenOptions } from './request.js';

/** Microsoft Online's WS-Trust Feb 2005 endpoint for Dynamics CRM Online (Office 365). */
export const OFFICE365_STS_URL = 'https://login.microsoftonline.com/RST2.srf';

/** One Dynamics CRM Online region: its host and the AppliesTo URN of its tokens. */
export interface CrmOnlineRegion {
  /** The organization host suffix, e.g. `crm4.dynamics.com`. */
  readonly host: string;
  /** The `AppliesTo` URN to ask Microsoft Online for. */
  readonly appliesTo: string;
  /** Where the region is, in words. */
  readonly name: string;
}

/** The Dynamics CRM Online regions, keyed by a short name; every entry is backed by the sources above. */
export const CRM_ONLINE_REGIONS = Object.freeze({
  na: { host: 'crm.dynamics.com', appliesTo: 'urn:crmna:dynamics.com', name: 'North America' },
  sam: { host: 'crm2.dynamics.com', appliesTo: 'urn:crmsam:dynamics.com', name: 'South America' },
  can: { host: 'crm3.dynamics.com', appliesTo: 'urn:crmcan:dynamics.com', name: 'Canada' },
  emea: { host: 'crm4.dynamics.com', appliesTo: 'urn:crmemea:dynamics.com', name: 'Europe, Middle East and Africa' },
  apac: { host: 'crm5.dynamics.com', appliesTo: 'urn:crmapac:dynamics.com', name: 'Asia Pacific' },
  oce: { host: 'crm6.dynamics.com', appliesTo: 'urn:crmoce:dynamics.com', name: 'Oceania' },
  jpn: { host: 'crm7.dynamics.com', appliesTo: 'urn:crmjpn:dynamics.com', name: 'Japan' },
  ind: { host: 'crm8.dynamics.com', appliesTo: 'urn:crmind:dynamics.com', name: 'India' },
  gcc: { host: 'crm9.dynamics.com', appliesTo: 'urn:crmgcc:dynamics.com', name: 'US Government Community Cloud' },
  gbr: { host: 'crm11.dynamics.com', appliesTo: 'urn:crmgbr:dynamics.com', name: 'United Kingdom' },
} as const satisfies Record<string, CrmOnlineRegion>);

/** A region's short name. */
export type CrmOnlineRegionName = keyof typeof CRM_ONLINE_REGIONS;

/** The region an organization URL's host belongs to (`https://contoso.crm4.dynamics.com/` -> `emea`). */
export function regionOfHost(urlOrHost: string): CrmOnlineRegionName | undefined {
  let host = urlOrHost;
  try {
    host = new URL(urlOrHost).hostname;
  } catch {
    // a bare host name
  }
  host = host.toLowerCase();
  for (const [name, region] of Object.entries(CRM_ONLINE_REGIONS)) {
    if (host === region.host || host.endsWith(`.${region.host}`)) return name as CrmOnlineRegionName;
  }
  return undefined;
}

/** What a preset leaves to the caller. */
export type SignInCredentials = Pick<RequestSecurityTokenOptions, 'username' | 'password'> &
  Partial<Omit<RequestSecurityTokenOptions, 'username' | 'password'>>;

/**
 * Options for Microsoft Online (`RST2.srf`, WS-Trust Feb 2005) for a region (a short name, or an organization
 * URL whose host names it); default North America, as the article.
 */
export function office365SignIn(
  credentials: SignInCredentials,
  region: CrmOnlineRegionName | string = 'na',
): RequestSecurityTokenOptions {
  const name = region in CRM_ONLINE_REGIONS ? (region as CrmOnlineRegionName) : regionOfHost(region);
  if (!name) throw new AuthOptionsError('region', `unknown Dynamics CRM Online region ${JSON.stringify(region)}`);
  return {
    endpoint: OFFICE365_STS_URL,
    trust: '2005/02',
    appliesTo: CRM_ONLINE_REGIONS[name].appliesTo,
    ...credentials,
  };
}

/** The AD FS 2.0+ username endpoint of a host: `https://<host>/adfs/services/trust/13/usernamemixed`. */
export function adfsUsernameMixedUrl(adfsHost: string): string {
  const host = adfsHost.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!host) throw new AuthOptionsError('adfsHost', 'expected the AD FS host name');
  return `https://${host}/adfs/services/trust/13/usernamemixed`;
}

/**
 * Options for AD FS (`usernamemixed`, WS-Trust 1.3) on `adfsHost`, for the organization at `organizationUrl`
 * (the AppliesTo of an IFD deployment is the organization's URL, e.g. `https://contoso.example.com/`).
 */
export function adfsSignIn(
  credentials: SignInCredentials,
  adfsHost: string,
  organizationUrl: string,
): RequestSecurityTokenOptions {
  return { endpoint: adfsUsernameMixedUrl(adfsHost), trust: '1.3', appliesTo: organizationUrl, ...credentials };
}
