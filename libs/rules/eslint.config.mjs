import { builtinModules } from 'node:module';
import baseConfig from '../../eslint.config.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      // The rules run in the browser as well as in the API: no framework, no ORM, no Node built-ins.
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'libs/rules also runs in the browser.' })),
          patterns: [
            {
              group: ['@nestjs/*', '@angular/*', 'typeorm', 'typeorm/*'],
              message: 'libs/rules is pure functions over plain data: no framework, no ORM.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
];
