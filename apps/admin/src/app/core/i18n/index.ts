export * from './dictionary';
export * from './i18n';
export * from './i18n.pipes';
export * from './language-switch';
export * from './tokyo-date-time.pipe';
export * from './tokyo-time';
export * from './translated-paginator-intl';
export * from './translated-title-strategy';
