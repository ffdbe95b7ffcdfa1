import { idPrefixRange } from './order-search';

describe('idPrefixRange', () => {
  it('covers every id that starts with the prefix, whatever its case', () => {
    expect(idPrefixRange('3F2a')).toEqual({ from: '3f2a0000-0000-0000-0000-000000000000', to: '3f2affff-ffff-ffff-ffff-ffffffffffff' });
    expect(idPrefixRange('3f2a9c1e-77')).toEqual({ from: '3f2a9c1e-7700-0000-0000-000000000000', to: '3f2a9c1e-77ff-ffff-ffff-ffffffffffff' });
  });

  it('is one id for a whole id', () => {
    const id = '3f2a9c1e-7712-4a5b-9c0d-1e2f3a4b5c6d';
    expect(idPrefixRange(id)).toEqual({ from: id, to: id });
  });

  it('refuses what no id starts with', () => {
    for (const text of ['', 'xyz', '3f2a9c1e7', '3f2a-', '3f2a9c1e-7712-4a5b-9c0d-1e2f3a4b5c6d0', "3f' OR 1=1"]) expect([text, idPrefixRange(text)]).toEqual([text, undefined]);
  });
});
