import { fieldChanges } from './audit-changes';

describe('fieldChanges', () => {
  it('lists only what changed, leaving out the version and timestamps', () => {
    expect(
      fieldChanges(
        { status: 'waiting', startedAt: null, version: 1, updatedAt: 'a', note: null },
        { status: 'in_service', startedAt: '2020-11-24T01:00:00.000Z', version: 2, updatedAt: 'b', note: null },
      ),
    ).toEqual([
      { field: 'status', before: 'waiting', after: 'in_service' },
      { field: 'startedAt', before: null, after: '2020-11-24T01:00:00.000Z' },
    ]);
  });

  it('shows every field with a value for a creation', () => {
    expect(fieldChanges(null, { id: 3, name: 'ことりペイ', note: null })).toEqual([
      { field: 'id', before: null, after: 3 },
      { field: 'name', before: null, after: 'ことりペイ' },
    ]);
  });
});
