import { GENESIS_HASH, encodeArray, encodeValue, rowHash, type ChainRow } from './hash-chain';
import { AnchorSigner, parseAnchor } from './anchor';

const row = (over: Partial<ChainRow> = {}): Omit<ChainRow, 'hash'> => ({
  chainId: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c01',
  seq: '1',
  occurredAt: '2026-11-30T12:00:00.000000Z',
  userId: null,
  roles: 'dpo',
  organisationId: null,
  targetOrganisationId: null,
  operation: 'me',
  fields: ['me:allowed'],
  objectIds: [],
  result: 'allowed',
  reason: null,
  requestId: null,
  prevHash: GENESIS_HASH,
  ...over,
});

describe('the hash encoding', () => {
  it('length-prefixes every value, so no value can imitate a boundary', () => {
    expect(encodeValue(null)).toBe('N');
    expect(encodeValue('')).toBe('S0:');
    expect(encodeValue('é')).toBe('S2:é');
    expect(encodeArray(['a', 'b'])).toBe('A2:S1:aS1:b');
  });

  it('tells apart rows that the old separator-joined encoding hashed alike', () => {
    // The old encoding joined ids with ',' and values with U+001F: these pairs collided.
    expect(rowHash(row({ objectIds: ['a,b'] }))).not.toBe(rowHash(row({ objectIds: ['a', 'b'] })));
    expect(rowHash(row({ roles: 'dpo\u001fme', operation: 'x' }))).not.toBe(
      rowHash(row({ roles: 'dpo', operation: 'me\u001fx' })),
    );
    expect(rowHash(row({ reason: null }))).not.toBe(rowHash(row({ reason: '\\N' })));
    expect(rowHash(row({ fields: [] }))).not.toBe(rowHash(row({ fields: [''] })));
  });
});

describe('anchors', () => {
  const head = {
    chainId: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c01',
    organisationName: 'Verloskundigenpraktijk De Wieg',
    seq: '42',
    hash: 'ab'.repeat(32),
    headAt: '2026-11-30T12:00:00.000000Z',
    exportedAt: '2026-11-30T12:00:01.000Z',
  };

  it('verifies with the signing key, also after a JSON round trip, and from the public key alone', () => {
    const signer = AnchorSigner.fromPrivatePem(AnchorSigner.generatePrivatePem());
    const anchor = parseAnchor(JSON.stringify(signer.sign(head), null, 2));
    expect(signer.verify(anchor)).toBe(true);
    expect(AnchorSigner.fromPublicPem(signer.publicPem()).verify(anchor)).toBe(true);
    expect(anchor.keyId).toBe(signer.keyId);
  });

  it('refuses an anchor that was edited or signed by another key', () => {
    const signer = AnchorSigner.ephemeral();
    const anchor = signer.sign(head);
    expect(signer.verify({ ...anchor, seq: '41' })).toBe(false);
    expect(signer.verify({ ...anchor, hash: 'cd'.repeat(32) })).toBe(false);
    expect(AnchorSigner.ephemeral().verify(anchor)).toBe(false);
  });

  it('refuses a key that is not Ed25519, and a file that is not an anchor', () => {
    expect(() => AnchorSigner.fromPrivatePem('not a key')).toThrow(/not a PEM private key/);
    expect(() => parseAnchor('{"type":"other"}')).toThrow(/not a Babyconnect access-log anchor/);
  });
});
