// Test order for a run: the files that take longest start first, so that on two workers neither
// waits alone at the end. Jest orders by the last run's durations when it has them (its cache);
// a fresh clone (CI) has none and would order by file size, which puts these late.
const Sequencer = require("@jest/test-sequencer").default;

const SLOW_FIRST = [
  "e2e/pane.e2e.test.ts",
  "reliability/bounded-big.test.ts",
  "reliability/bounded.test.ts",
  "hosts/office/ownership.test.ts",
  "hosts/office/write.test.ts",
  "hosts/xlsx/libreoffice.test.ts",
  "e2e/collation.e2e.test.ts",
];

const rank = (path) => {
  const i = SLOW_FIRST.findIndex((p) => path.endsWith(p));
  return i < 0 ? SLOW_FIRST.length : i;
};

class SlowFirst extends Sequencer {
  sort(tests) {
    const byJest = super.sort(tests);
    return [...byJest].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SlowFirst;
