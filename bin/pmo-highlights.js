#!/usr/bin/env node
// The installed command line: runs the TypeScript sources through ts-node (no build step needed).
require("ts-node").register({ transpileOnly: true, project: require("path").join(__dirname, "..", "tsconfig.json") });
require("../src/cli/main.ts").cliMain();
