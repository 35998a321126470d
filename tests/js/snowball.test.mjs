// The browser stemmer must reproduce the Snowball project's own test vocabularies word for word,
// because query words stemmed in the browser have to meet document words stemmed by Python.
//
// Run: node --test tests/js/
// Vocabularies: <repo>/../shared/peer-tests/snowball/{english,russian}, or $ATLAS_PEER_TESTS.
// Arabic has no published vocabulary there: tests/test_snowball_js_matches_python.py compares it
// with Python on a generated one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

import AtlasSnowball from "../../web/snowball.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const peerTestsDir = process.env.ATLAS_PEER_TESTS || path.resolve(repoRoot, "..", "shared", "peer-tests");
const SHOWN_MISMATCHES = 20;

const VOCABULARIES = [
    { language: "en", folder: "english", expectedWords: 42649 },
    { language: "ru", folder: "russian", expectedWords: 49785 },
];

function readLines(file) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    if (lines.at(-1) === "") {
        lines.pop();  // the trailing newline ends the last line, it does not start a new one
    }
    return lines;
}

for (const { language, folder, expectedWords } of VOCABULARIES) {
    test(`${language}: stems every word of the Snowball ${folder} vocabulary exactly`, (t) => {
        const vocabularyDir = path.join(peerTestsDir, "snowball", folder);
        // A missing folder must fail, not skip: a silently skipped test proves nothing.
        assert.ok(fs.existsSync(vocabularyDir),
            `Snowball test vocabulary not found at ${vocabularyDir} (set ATLAS_PEER_TESTS to the peer-tests folder)`);
        const words = readLines(path.join(vocabularyDir, "voc.txt"));
        const expectedStems = readLines(path.join(vocabularyDir, "output.txt"));
        assert.equal(words.length, expectedStems.length, "voc.txt and output.txt differ in length");
        assert.equal(words.length, expectedWords, "unexpected vocabulary size");

        const started = performance.now();
        const mismatches = [];
        words.forEach((word, index) => {
            const stem = AtlasSnowball.stem(language, word);
            if (stem !== expectedStems[index]) {
                mismatches.push(`line ${index + 1}: ${JSON.stringify(word)} -> ${JSON.stringify(stem)}, `
                    + `expected ${JSON.stringify(expectedStems[index])}`);
            }
        });
        const elapsedMs = performance.now() - started;
        t.diagnostic(`${words.length} words stemmed in ${elapsedMs.toFixed(0)} ms, ${mismatches.length} mismatches`);

        assert.equal(mismatches.length, 0,
            `${mismatches.length} of ${words.length} ${folder} words stemmed wrongly; first ones:\n`
            + mismatches.slice(0, SHOWN_MISMATCHES).join("\n"));
    });
}

test("languages lists exactly the supported codes", () => {
    // English first (Latin words everywhere), then every declared snowball:<algorithm> language.
    assert.deepEqual([...AtlasSnowball.languages], ["en", "ar", "ru"]);
    assert.ok(Object.isFrozen(AtlasSnowball.languages));
});

test("an unsupported language is an error, not a silent pass-through", () => {
    assert.throws(() => AtlasSnowball.stem("de", "häuser"), /unsupported language/);
    assert.throws(() => AtlasSnowball.stem("toString", "word"), /unsupported language/);
});

test("characters outside the BMP count as one character, as in Python", () => {
    // Python sees "😀ies" as four characters, so only one precedes "ies" and the stem keeps "ie";
    // counting UTF-16 units would see two and cut to "😀i".
    assert.equal(AtlasSnowball.stem("en", "😀ies"), "😀ie");
    assert.equal(AtlasSnowball.stem("en", "𝒂𝒃ing"), "𝒂𝒃ing");
});

test("as a classic browser script it defines the global AtlasSnowball", () => {
    const source = fs.readFileSync(path.join(repoRoot, "web", "snowball.js"), "utf8");
    const browserLikeGlobal = {};
    vm.runInNewContext(source, browserLikeGlobal);
    assert.equal(browserLikeGlobal.AtlasSnowball.stem("en", "generously"), "generous");
    assert.equal(browserLikeGlobal.AtlasSnowball.stem("ru", "стемминга"), "стемминг");
    assert.equal(browserLikeGlobal.AtlasSnowball.stem("ar", "البيانات"), "بيان");
});
