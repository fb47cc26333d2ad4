// oidc-provider 9 ships no TypeScript types (and @types/oidc-provider is not installed). This declares only the
// part of its API the dev identity provider uses; anything else stays `unknown` on purpose.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  /** The subset of Koa's context plus oidc-provider's `ctx.oidc` that the hooks here read. */
  export interface KoaContextWithOIDC {
    method: string;
    path: string;
    mountPath?: string;
    status: number;
    body: unknown;
    query: Record<string, string | string[] | undefined>;
    req: IncomingMessage;
    response: { get(header: string): string };
    get(header: string): string;
    set(header: string, value: string): void;
    oidc: OIDCContext;
  }

  export interface OIDCContext {
    route?: string;
    client?: Client;
    session?: { accountId?: string; uid: string };
    params?: UnknownObject;
    entities: {
      RefreshToken?: RefreshToken;
      AccessToken?: AccessToken;
      Client?: Client;
      [name: string]: unknown;
    };
  }

  export interface Client {
    clientId: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    redirectUriAllowed(uri: string): boolean;
    postLogoutRedirectUriAllowed(uri: string): boolean;
    grantTypeAllowed(type: string): boolean;
    includeSid(): boolean;
  }

  export interface BaseToken {
    jti: string;
    /** Set once loaded from storage; on a freshly saved token use remainingTTL. */
    iat?: number;
    exp?: number;
    readonly remainingTTL: number;
    accountId?: string;
    clientId?: string;
    scope?: string;
    sid?: string;
    grantId?: string;
    /** The model's name: `AccessToken`, `ClientCredentials`, `RefreshToken`, … */
    readonly kind?: string;
  }
  export type AccessToken = BaseToken;
  export type RefreshToken = BaseToken;

  export interface RefreshTokenStatic {
    find(value: string, options?: UnknownObject): Promise<RefreshToken | undefined>;
  }

  export interface IdTokenInstance {
    client: Client;
    payload(): Promise<UnknownObject>;
  }

  export interface Account {
    accountId: string;
    claims(
      use: string,
      scope: string,
      claims: UnknownObject,
      rejected: string[],
    ): Promise<UnknownObject> | UnknownObject;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: UnknownObject };
    params: UnknownObject & { scope?: string; client_id?: string };
    session?: { accountId?: string };
    grantId?: string;
    lastSubmission?: UnknownObject;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }
  export interface GrantStatic {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface AdapterPayload extends UnknownObject {
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
    jti?: string;
  }
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export class Provider {
    constructor(issuer: string, configuration: UnknownObject);
    readonly issuer: string;
    proxy: boolean;
    readonly Client: { prototype: Client };
    readonly IdToken: { prototype: IdTokenInstance };
    readonly RefreshToken: RefreshTokenStatic;
    readonly Grant: GrantStatic;
    use(middleware: Middleware): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: UnknownObject,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
  export default Provider;

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };
}
