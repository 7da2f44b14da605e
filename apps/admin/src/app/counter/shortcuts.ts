import type { TranslationKey } from '../core/i18n';

/** The board's keyboard shortcuts, documented in one place: the help dialog lists exactly these. */
export const BOARD_SHORTCUTS: readonly { keys: readonly string[]; action: TranslationKey }[] = [
  { keys: ['N'], action: 'shortcuts.new' },
  { keys: ['J', '↓', 'K', '↑'], action: 'shortcuts.move' },
  { keys: ['S', 'Enter'], action: 'shortcuts.start' },
  { keys: ['F'], action: 'shortcuts.finish' },
  { keys: ['L'], action: 'shortcuts.leave' },
  { keys: ['R'], action: 'shortcuts.refresh' },
  { keys: ['?'], action: 'shortcuts.help' },
  { keys: ['1', '2'], action: 'shortcuts.dialogOutcome' },
  { keys: ['Enter'], action: 'shortcuts.dialogSubmit' },
];
