/* eslint-disable no-undef */
// Builds the task pane and the ribbon's function file. Modelled on OfficeDev's
// Office-Addin-TaskPane-React template; the dev server uses its own self-signed
// certificate because office-addin-dev-certs cannot install a CA without sudo (see README).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.PMO_HIGHLIGHTS_URL || "https://localhost:3000/"; // where the production files are hosted

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
      // The analysis runs in a web worker, loaded by this fixed name.
      "analysis-worker": "./src/taskpane/worker/analysis.worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (p) => (["analysis-worker", "notice"].includes(p.chunk.name) ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      fallback: { fs: false, path: false, os: false, stream: false, buffer: false },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } } } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "notice.html", template: "./src/commands/notice.html", chunks: [], inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // Loads Office.js before the bundle (ES5, not bundled: Office.js must come from the CDN).
          { from: "src/taskpane/office-boot.js", to: "office-boot.js" },
          // The sample workbook, for "Try the sample programme" in the browser.
          { from: "examples/sample-programme.xlsx", to: "sample-programme.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    performance: { maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https" },
      port: 3000,
    },
  };
};
