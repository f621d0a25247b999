// Lint: typescript-eslint's recommended rules over the whole tree, React's hook rules in the pane,
// and prettier's config last so formatting is prettier's alone (`npm run format:check`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-output/", "bin/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Control characters are matched on purpose: hostile-text escaping and XML's character rules.
      "no-control-regex": "off",
      "prefer-const": "error",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // Functions a reader holds in one screen (CONTRIBUTING.md): none over 80 lines in the product.
    files: ["src/**"],
    rules: { "max-lines-per-function": ["error", { max: 80 }] },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  prettier,
);
