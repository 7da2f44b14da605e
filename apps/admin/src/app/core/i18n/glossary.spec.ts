import { GLOSSARY, type GlossaryKey } from '@madoguchi/contracts';
import { en } from './en';
import { ja } from './ja';

/** Every [dotted key, text] of a dictionary. */
function entriesOf(node: object, prefix = ''): [string, string][] {
  return Object.entries(node).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entriesOf(value as object, `${prefix}${key}.`),
  );
}

/** The labels on screen that name a glossary term by itself. */
const TERM_LABELS: readonly [string, GlossaryKey][] = [
  ['caseForm.arrivedAt', 'arrivedAt'],
  ['caseForm.startedAt', 'startedAt'],
  ['caseForm.endedAt', 'endedAt'],
  ['caseForm.status', 'status'],
  ['caseForm.reason', 'reason'],
  ['caseForm.note', 'note'],
  ['caseForm.representative', 'representative'],
  ['caseList.arrivedAt', 'arrivedAt'],
  ['caseList.status', 'status'],
  ['finish.fields.arrivedAt', 'arrivedAt'],
  ['finish.fields.startedAt', 'startedAt'],
  ['finish.fields.endedAt', 'endedAt'],
  ['finish.fields.status', 'status'],
  ['finish.fields.reason', 'reason'],
  ['finish.fields.note', 'note'],
  ['finish.fields.representative', 'representative'],
  ['finish.fields.followUpCode', 'followUpCode'],
  ['casePage.pageTitle', 'case'],
  ['casePage.slip', 'returnSlip'],
  ['slip.title', 'returnSlip'],
  ['slip.code', 'followUpCode'],
  ['outages.note', 'note'],
  ['audit.entityTypes.case', 'case'],
  ['audit.entityTypes.outage', 'outage'],
];

describe('the glossary on screen', () => {
  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('names each term as the glossary does (%s)', (lang, dictionary) => {
    const texts = new Map(entriesOf(dictionary));

    const named = TERM_LABELS.map(([key]) => [key, texts.get(key)]);

    expect(named).toEqual(TERM_LABELS.map(([key, term]) => [key, GLOSSARY[term][lang]]));
  });

  it('never uses a dropped synonym in Japanese', () => {
    const dropped = Object.values(GLOSSARY).flatMap((term) => term.dropped);

    const offending = entriesOf(ja).filter(([, text]) => dropped.some((word) => text.includes(word)));

    expect(dropped).toEqual(expect.arrayContaining(['来庁日時', '状態', '備考', '再来庁票']));
    expect(offending).toEqual([]);
  });

  it('speaks of the return slip and the follow-up code by their glossary names', () => {
    expect(ja.counter.printSlip).toContain(GLOSSARY.returnSlip.ja);
    expect(ja.counter.followUpHint).toContain(GLOSSARY.returnSlip.ja);
    expect(ja.statsDrill.funnel.ruleText).toContain(`${GLOSSARY.returnSlip.ja}の${GLOSSARY.followUpCode.ja}`);
    expect(en.counter.printSlip).toContain(GLOSSARY.returnSlip.en.toLowerCase());
  });
});
