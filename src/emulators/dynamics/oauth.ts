/**
 * The OAuth 2.0 token endpoint (RFC 6749 section 4.4, client credentials): a form body with
 * `grant_type=client_credentials` and the client's id and secret (in the body, section 2.3.1, or by HTTP Basic);
 * answers `{ access_token, token_type: "Bearer", expires_in }` with `Cache-Control: no-store` (section 5.1), or
 * an error object (section 5.2): `invalid_request`, `unsupported_grant_type`, `invalid_client` (401).
 */
import type { Accounts } from './accounts.js';
import type { TokenRegistry } from './tokens.js';

/** An HTTP answer with a JSON body. */
export interface JsonAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): JsonAnswer {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
      ...headers,
    },
    body: JSON.stringify(value),
  };
}

function error(status: number, code: string, description: string, headers?: Record<string, string>): JsonAnswer {
  return json(status, { error: code, error_description: description }, headers);
}

/** Answers a token request. */
export async function answerTokenRequest(
  accounts: Accounts,
  tokens: TokenRegistry,
  contentType: string | undefined,
  authorization: string | undefined,
  body: string,
): Promise<JsonAnswer> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) {
    return error(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(body);
  const grant = form.get('grant_type');
  if (!grant) return error(400, 'invalid_request', 'grant_type is required.');
  if (grant !== 'client_credentials')
    return error(400, 'unsupported_grant_type', `The grant type ${grant} is not supported.`);
  let clientId = form.get('client_id');
  let secret = form.get('client_secret');
  let basic = false;
  const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (m) {
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      basic = true;
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  if (!clientId || secret === null) return error(400, 'invalid_request', 'client_id and client_secret are required.');
  const subject = await accounts.authenticateClient(clientId, secret);
  if (!subject) {
    return error(
      401,
      'invalid_client',
      'Client authentication failed.',
      basic ? { 'www-authenticate': 'Basic realm="soapstack"' } : {},
    );
  }
  const issued = tokens.issueBearer(subject);
  return json(200, { access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn });
}
