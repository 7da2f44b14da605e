import { builtinModules } from 'node:module';
import baseConfig from '../../eslint.config.mjs';

// Contracts are types and code lists shared by the API and the browser: no Node built-ins, no framework.
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'libs/contracts holds types and constants only.' })),
          patterns: [
            {
              group: ['@nestjs/*', '@angular/*', 'typeorm', 'typeorm/*'],
              message: 'libs/contracts holds types and constants only.',
            },
          ],
        },
      ],
    },
  },
];
