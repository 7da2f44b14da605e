import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CHANNEL_LABELS,
  CHANNELS,
  OUTAGE_KIND_LABELS,
  OUTAGE_KINDS,
  OUTAGE_SYSTEM_LABELS,
  OUTAGE_SYSTEMS,
  PROCEDURE_LABELS,
  PROCEDURES,
  REASON_CODES,
  REASONS,
  REFERRAL_LABELS,
  REPRESENTATIVE_LABELS,
  REPRESENTATIVES,
} from './code-lists';

const japanese = /[ぁ-んァ-ヶ一-龯]/;

describe('code lists', () => {
  it.each([
    ['channels', CHANNELS, CHANNEL_LABELS],
    ['procedures', PROCEDURES, PROCEDURE_LABELS],
    ['age bands', AGE_BANDS, AGE_BAND_LABELS],
    ['representatives', REPRESENTATIVES, REPRESENTATIVE_LABELS],
    ['statuses', CASE_STATUSES, CASE_STATUS_LABELS],
    ['reasons', REASON_CODES, REASONS],
    ['outage systems', OUTAGE_SYSTEMS, OUTAGE_SYSTEM_LABELS],
    ['outage kinds', OUTAGE_KINDS, OUTAGE_KIND_LABELS],
    ['audit actions', AUDIT_ACTIONS, AUDIT_ACTION_LABELS],
  ] as const)('label every one of the %s in Japanese and English, and nothing else', (_, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      const label = (labels as Record<string, { ja: string; en: string }>)[code];
      expect(label?.ja).toMatch(japanese);
      expect(label?.en).toMatch(/^[A-Z0-9]/);
    }
  });

  // DOMAIN.md's list, with the payment service's own outage that the one definition of outage cost needs (issue 10).
  it('has exactly the reason codes of DOMAIN.md and the payment service outage, each naming itself', () => {
    expect(REASON_CODES).toEqual([
      'cert_wait_24h',
      'cert_expired',
      'cert_not_issued',
      'pin_locked',
      'pin_forgotten',
      'proxy_not_allowed',
      'card_not_brought',
      'service_not_at_spot',
      'service_prereg_required',
      'service_items_missing',
      'platform_maintenance',
      'terminal_fault',
      'payment_service_down',
      'other',
    ]);
    for (const code of REASON_CODES) expect(REASONS[code].code).toBe(code);
  });

  it('sends certificate and PIN problems to the Citizens Division (市民課), as the seed says', () => {
    for (const code of ['cert_not_issued', 'cert_expired', 'pin_locked', 'pin_forgotten'] as const) {
      expect(REASONS[code].referTo).toBe('citizens_division');
    }
    expect(REFERRAL_LABELS.citizens_division.ja).toBe('市民課');
  });

  it('promises no earliest time when the citizen must act first, and one when only time is needed', () => {
    expect(REASONS.pin_locked.needsCitizenAction).toBe(true);
    expect(REASONS.card_not_brought.needsCitizenAction).toBe(true);
    expect(REASONS.cert_wait_24h.needsCitizenAction).toBe(false);
    expect(REASONS.platform_maintenance.needsCitizenAction).toBe(false);
  });
});
