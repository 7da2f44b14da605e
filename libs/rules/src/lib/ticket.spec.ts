import { parseTicket, ticketLabel, ticketPrefix } from './ticket';

describe('ticket numbers', () => {
  it('give each site a letter in the order the sites were registered', () => {
    expect([0, 1, 2, 25].map(ticketPrefix)).toEqual(['A', 'B', 'C', 'Z']);
    // Past Z the letters go on as spreadsheet columns do rather than repeating a site's letter.
    expect([26, 27, 51, 52].map(ticketPrefix)).toEqual(['AA', 'AB', 'AZ', 'BA']);
    expect(() => ticketPrefix(-1)).toThrow(RangeError);
  });

  it('print the number with three digits at least', () => {
    expect(ticketLabel('A', 12)).toBe('A-012');
    expect(ticketLabel('B', 1)).toBe('B-001');
    expect(ticketLabel('A', 1234)).toBe('A-1234');
  });

  it('read a printed ticket back', () => {
    expect(parseTicket('A-012')).toEqual({ prefix: 'A', number: 12 });
    expect(parseTicket('AB-1234')).toEqual({ prefix: 'AB', number: 1234 });
    expect(parseTicket('A12')).toBeNull();
    expect(parseTicket('a-012')).toBeNull();
  });
});
