/** The users the STS signs in and the OAuth clients the token endpoint knows, with hashed secrets. */
import { verifyPassword } from '../crowd/passwords.js';
import type { DynamicsData } from './data.js';
import type { TokenSubject } from './tokens.js';
import { normalizeGuid } from './values.js';

interface Account {
  readonly subject: TokenSubject;
  readonly hash: string;
}

/** Checks credentials (scrypt, constant-time; an unknown name costs as much as a wrong password). */
export class Accounts {
  private readonly users = new Map<string, Account>();
  private readonly clients = new Map<string, Account>();
  /** The first user's id: whom a client without its own user acts as. */
  readonly defaultUserId: string;

  /** @param data hashed data (see `hashDynamicsData`) */
  constructor(data: DynamicsData) {
    const fallback = '00000000-0000-0000-0000-000000000001';
    this.defaultUserId = normalizeGuid(data.users[0]?.userId) ?? fallback;
    data.users.forEach((u, i) => {
      const userId = normalizeGuid(u.userId) ?? `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`;
      this.users.set(u.username.toLowerCase(), {
        subject: { userId, username: u.username },
        hash: u.passwordHash ?? '',
      });
    });
    for (const c of data.oauthClients ?? []) {
      const userId = normalizeGuid(c.userId) ?? this.defaultUserId;
      this.clients.set(c.clientId, { subject: { userId, username: c.clientId }, hash: c.secretHash ?? '' });
    }
  }

  /** The user, when `password` is theirs. */
  async signIn(username: string, password: string): Promise<TokenSubject | undefined> {
    const account = this.users.get(username.toLowerCase());
    return (await verifyPassword(password, account?.hash)) ? account!.subject : undefined;
  }

  /** The client's subject, when `secret` is its secret. */
  async authenticateClient(clientId: string, secret: string): Promise<TokenSubject | undefined> {
    const account = this.clients.get(clientId);
    return (await verifyPassword(secret, account?.hash)) ? account!.subject : undefined;
  }
}
