import { IssuedLog } from "../issued";
import { MisbehaviourBook, type Misbehaviour } from "../misbehaviour";
import type { SigningKey } from "../signing-key";
import { TtlStore, type Clock } from "../ttl-store";

/** A client registered at a sandbox provider (sandbox/config.ts). */
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
}

/** An authorization request (RFC 6749 §4.1.1) while its sign-in page is open in the browser. */
export interface AuthorizeTransaction {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
}

/**
 * What a token request must repeat to redeem a code: its `redirect_uri` (RFC 6749 §4.1.3) and
 * the verifier of its `code_challenge` (RFC 7636 §4.6).
 */
export interface CodeBinding {
  redirectUri: string;
  codeChallenge: string | undefined;
}

/**
 * What every OpenID provider of the sandbox keeps in memory: its signing keys and clock, the code
 * flow's stores, the misbehaviour switch and the log of what it handed out. Nothing here survives
 * a restart, by design.
 */
export class OidcProviderState<Transaction, Code, Grant, Issued extends string> {
  /** Sign-in pages open in the browser, between authorize and the code. */
  readonly transactions: TtlStore<Transaction>;
  readonly codes: TtlStore<Code>;
  readonly accessTokens: TtlStore<Grant>;
  readonly misbehaviour: MisbehaviourBook;
  /** The codes and tokens handed out, for `GET /control/issued`. */
  readonly issued = new IssuedLog<Issued>();

  constructor(
    readonly clients: readonly RegisteredClient[],
    readonly signingKey: SigningKey,
    readonly now: Clock,
    /** The next signing key, for the `rotated_key` and `bad_signature` misbehaviours. */
    readonly rotatedKey: SigningKey,
    /** The modes the switch offers, and the clients it leaves out because they never misbehave. */
    switchable: { modes?: readonly Misbehaviour[]; except?: string } = {},
  ) {
    this.misbehaviour = new MisbehaviourBook(
      clients.map((c) => c.clientId).filter((id) => id !== switchable.except),
      switchable.modes,
    );
    this.transactions = new TtlStore({ now });
    this.codes = new TtlStore({ now });
    this.accessTokens = new TtlStore({ now });
  }

  /** The registered client's secret, or undefined for an unknown client id. */
  clientSecret(clientId: string | undefined): string | undefined {
    return this.clients.find((c) => c.clientId === clientId)?.clientSecret;
  }
}
