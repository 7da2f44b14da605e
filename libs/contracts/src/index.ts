export * from './lib/code-lists';
export * from './lib/api-types';
export * from './lib/stats-types';
export * from './lib/display-types';
export * from './lib/live-types';
export * from './lib/glossary';
