/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Tests are transpiled without type checking (isolatedModules), which makes the suite several
  // times faster; the types are checked once by `npm run typecheck`, which .ci/run counts.
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/support/stubs/office-addin-manifest.js",
    "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js",
  },
  testTimeout: 60000,
  // Both cores (jest's default leaves one idle): the slow files wait on child processes and a browser.
  maxWorkers: 2,
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // React and Fluent UI warn about act() in async state updates; they are not failures.
  setupFiles: ["<rootDir>/test/support/dom.ts"],
};
