// Gives every project a cached `typecheck` target: the compiler over its app or lib tsconfig and its spec tsconfig.
// Inferred here rather than written into each project.json, so a new project is type-checked without being listed.
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

// A project's own configs; a project with none of them (e2e) is checked through its tsconfig.json.
const perProjectConfigs = ['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json'];

/** @type {import('nx/src/project-graph/plugins/public-api').CreateNodes} */
const createNodesV2 = [
  '**/project.json',
  (projectFiles, _options, context) =>
    projectFiles.flatMap((projectFile) => {
      const root = dirname(projectFile);
      const present = perProjectConfigs.filter((config) => existsSync(join(context.workspaceRoot, root, config)));
      const configs = present.length > 0 ? present : ['tsconfig.json'];
      if (!existsSync(join(context.workspaceRoot, root, configs[0]))) return [];
      const target = {
        executor: 'nx:run-commands',
        cache: true,
        // The project's files and tsconfigs, the base tsconfig, and the sources of the libraries it imports.
        inputs: ['default', '^production'],
        options: {
          cwd: '{workspaceRoot}',
          parallel: false,
          commands: configs.map((config) => `tsc --noEmit -p ${join(root, config)}`),
        },
        metadata: { description: 'Type-check the sources and the tests with the TypeScript compiler.' },
      };
      return [[projectFile, { projects: { [root]: { targets: { typecheck: target } } } }]];
    }),
];

module.exports = { createNodesV2 };
