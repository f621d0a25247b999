/* eslint-disable no-undef */
// Builds the task pane and the ribbon's function file. Modelled on OfficeDev's
// Office-Addin-TaskPane-React template; the dev server uses its own self-signed
// certificate because office-addin-dev-certs cannot install a CA without sudo (see README).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** An .ico holding one PNG image (the ICO format allows PNG data since Windows Vista; every browser reads it). */
function icoFromPng(png, size) {
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0); // reserved
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(size % 256, 6);
  head.writeUInt8(size % 256, 7);
  head.writeUInt8(0, 8); // no palette
  head.writeUInt8(0, 9);
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14);
  head.writeUInt32LE(22, 18); // the image starts after this header
  return Buffer.concat([head, png]);
}
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
      // Browser mode: reading, checking and writing a workbook file, off the pane's thread.
      "file-worker": "./src/taskpane/worker/file.worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (p) =>
        ["analysis-worker", "file-worker", "notice"].includes(p.chunk.name) ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      fallback: { fs: false, path: false, os: false, stream: false, buffer: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // The address bar's icon: the 32 px add-in icon wrapped as an .ico (browsers ask for /favicon.ico).
          { from: "assets/icon-32.png", to: "favicon.ico", transform: (png) => icoFromPng(png, 32) },
          // Loads Office.js before the bundle (ES5, not bundled: Office.js must come from the CDN).
          { from: "src/taskpane/office-boot.js", to: "office-boot.js" },
          // The sample workbook, for "Try the sample programme" in the browser.
          { from: "examples/sample-programme.xlsx", to: "sample-programme.xlsx" },
          ...["manifest.xml", "manifest.json"].map((file) => ({
            from: file,
            to: file,
            transform(content) {
              // Addresses first, then the domain lists (AppDomains, validDomains), which hold the origin alone.
              return dev
                ? content
                : content
                    .toString()
                    .replace(new RegExp(urlDev, "g"), urlProd)
                    .replace(new RegExp(new URL(urlDev).origin, "g"), new URL(urlProd).origin);
            },
          })),
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
