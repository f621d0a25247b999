#!/usr/bin/env node
// The installed command line: the compiled JavaScript in build/ (npm install builds it; so does
// npm run build:cli). No TypeScript compiler runs here.
const path = require("path");
const main = path.join(__dirname, "..", "build", "cli", "main.js");
try {
  require.resolve(main);
} catch {
  process.stderr.write(
    "pmo-highlights: the command line is not built yet: run npm run build:cli in " + path.join(__dirname, "..") + "\n",
  );
  process.exit(2);
}
require(main).cliMain();
