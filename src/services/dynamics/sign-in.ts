/**
 * How the Dynamics client signs in, as one option (`signIn`), turned here into the call plugins of the
 * sign-in layer and the endpoint they need:
 *
 * - `office365`: WS-Trust February 2005 at Microsoft Online's `RST2.srf` (the article's flow), the issued
 *   token in a fresh WS-Security header (new Timestamp) with fresh WS-Addressing headers on every call, on
 *   the SOAP 1.2 endpoint `Organization.svc`.
 * - `adfs`: WS-Trust 1.3 at an AD FS `usernamemixed` endpoint; the same headers.
 * - `oauth` (client credentials) and `bearer` (a token you have): `Authorization: Bearer`, on the SOAP 1.1
 *   endpoint `Organization.svc/web` (added to the URL when it is not there).
 * - `plugins`: your own call plugins, on the URL as given (its version from its path: `/web` is SOAP 1.1).
 */
import { bearerAuth } from '../../auth/bearer-auth.js';
import { issuedTokenAuth } from '../../auth/issued-token-auth.js';
import { oauthClientCredentials } from '../../auth/oauth.js';
import { staticBearer } from '../../auth/static-bearer.js';
import { wsTrustProvider } from '../../auth/ws-trust-provider.js';
import type { CallPlugin } from '../../soap/call-plugin.js';
import type { Transport } from '../../transport/index.js';
import {
  CRM_ONLINE_REGIONS,
  type CrmOnlineRegionName,
  OFFICE365_STS_URL,
  regionOfHost,
} from '../../ws/trust/presets.js';
import { DynamicsOptionsError } from './errors.js';

/** Office 365 (Dynamics CRM Online) sign-in through Microsoft Online's WS-Trust endpoint. */
export interface Office365SignIn {
  readonly kind: 'office365';
  readonly username: string;
  readonly password: string;
  /** The region (`na`, `emea`... or `crmna`, `crmemea`...); default: from the organization URL's host, else `na`. */
  readonly region?: CrmOnlineRegionName | `crm${CrmOnlineRegionName}`;
  /** The AppliesTo to ask for (default: the region's URN, e.g. `urn:crmna:dynamics.com`). */
  readonly appliesTo?: string;
  /** The STS endpoint (default `https://login.microsoftonline.com/RST2.srf`). */
  readonly sts?: string;
}

/** AD FS (on-premises IFD) sign-in through a WS-Trust 1.3 `usernamemixed` endpoint. */
export interface AdfsSignIn {
  readonly kind: 'adfs';
  /** The `.../adfs/services/trust/13/usernamemixed` URL. */
  readonly sts: string;
  readonly username: string;
  readonly password: string;
  /** The relying party (default: the organization's origin with a trailing slash). */
  readonly appliesTo?: string;
}

/** OAuth 2.0 client credentials (Azure AD / Dynamics 365). */
export interface OAuthSignIn {
  readonly kind: 'oauth';
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string;
  readonly resource?: string;
}

/** A bearer token you already have. */
export interface BearerSignIn {
  readonly kind: 'bearer';
  readonly token: string;
}

/** Your own call plugins (the escape hatch). */
export interface PluginsSignIn {
  readonly kind: 'plugins';
  readonly plugins: readonly CallPlugin[];
}

/** How the client signs in. */
export type SignIn = Office365SignIn | AdfsSignIn | OAuthSignIn | BearerSignIn | PluginsSignIn;

/** What a sign-in needs from the client: plugins, the endpoint and its SOAP version. */
export interface SignInPlan {
  readonly plugins: CallPlugin[];
  readonly endpoint: string;
  readonly soapVersion: '1.1' | '1.2';
}

const isWebPath = (url: URL): boolean => /\/web\/?$/i.test(url.pathname);

function parseUrl(url: string): URL {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed;
  } catch {
    // below
  }
  throw new DynamicsOptionsError(`url must be the organization service's http(s) URL, got ${JSON.stringify(url)}`);
}

function regionName(region: string | undefined, url: string): CrmOnlineRegionName {
  if (region === undefined) return regionOfHost(url) ?? 'na';
  const name = region.startsWith('crm') ? region.slice(3) : region;
  if (!(name in CRM_ONLINE_REGIONS))
    throw new DynamicsOptionsError(`unknown Dynamics CRM Online region ${JSON.stringify(region)}`);
  return name as CrmOnlineRegionName;
}

/** The plugins and endpoint for `signIn` at organization service `url`. */
export function planSignIn(signIn: SignIn, url: string, transport: Transport | undefined): SignInPlan {
  const parsed = parseUrl(url);
  const web = isWebPath(parsed);
  const withTransport = transport ? { transport } : {};
  switch (signIn?.kind) {
    case 'office365':
    case 'adfs': {
      if (web)
        throw new DynamicsOptionsError(`${signIn.kind} sign-in uses the SOAP 1.2 endpoint Organization.svc, not /web`);
      const trust =
        signIn.kind === 'office365'
          ? {
              endpoint: signIn.sts ?? OFFICE365_STS_URL,
              trust: '2005/02' as const,
              appliesTo: signIn.appliesTo ?? CRM_ONLINE_REGIONS[regionName(signIn.region, url)].appliesTo,
            }
          : { endpoint: signIn.sts, trust: '1.3' as const, appliesTo: signIn.appliesTo ?? `${parsed.origin}/` };
      const provider = wsTrustProvider({
        ...trust,
        username: signIn.username,
        password: signIn.password,
        ...withTransport,
      });
      return {
        plugins: [issuedTokenAuth(provider, { soapVersion: '1.2', addressing: true })],
        endpoint: url,
        soapVersion: '1.2',
      };
    }
    case 'oauth':
    case 'bearer': {
      const provider =
        signIn.kind === 'bearer'
          ? staticBearer(signIn.token)
          : oauthClientCredentials({
              tokenUrl: signIn.tokenUrl,
              clientId: signIn.clientId,
              clientSecret: signIn.clientSecret,
              ...(signIn.scope !== undefined ? { scope: signIn.scope } : {}),
              ...(signIn.resource !== undefined ? { resource: signIn.resource } : {}),
              ...withTransport,
            });
      const endpoint = web ? url : `${url.replace(/\/+$/, '')}/web`;
      return { plugins: [bearerAuth(provider)], endpoint, soapVersion: '1.1' };
    }
    case 'plugins':
      return { plugins: [...signIn.plugins], endpoint: url, soapVersion: web ? '1.1' : '1.2' };
    default:
      throw new DynamicsOptionsError(
        "signIn must be one of { kind: 'office365' | 'adfs' | 'oauth' | 'bearer' | 'plugins', ... }",
      );
  }
}
