export * from './lib/code-lists';
export * from './lib/api-types';
