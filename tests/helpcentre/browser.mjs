// SPDX-License-Identifier: MIT
// Opens the built help centre from disk in Chromium and checks it against the
// library: every language's index, the language switcher, the box with the
// fourteen codes of the article smtpcodes grew from and three real replies, and
// no request leaving the disk. Expected answers come from the library as
// applications link it (expected_answers.c).
//
//   node browser.mjs CHROMIUM WORK_DIR SITE_DIR EXPECTED_ANSWERS CORPUS_TSV LANG...
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [chromium, work, site, oracle, corpus, ...languages] = process.argv.slice(2);
const articleCodes = ["421", "450", "451", "452", "500", "501", "503", "550", "551", "552",
  "553", "554", "5.1.1", "5.7.26"];

let failures = 0;
function check(condition, what) {
  if (!condition) {
    failures++;
    console.error(`FAIL: ${what}`);
  }
}

// Three real replies of the corpus: a reply code with its enhanced code, a
// Diagnostic-Code field of a bounce, and a reply code alone.
function corpusReplies() {
  const rows = readFileSync(corpus, "utf8").split("\n").slice(1).filter(Boolean)
    .map((line) => line.split("\t"));
  const pick = (test) => rows.find(test)[1];
  return [
    pick((r) => r[7] === "code_line" && r[2] && r[3] && r[1].length > 30),
    pick((r) => r[7] === "dsn_diagnostic_code" && r[2] && r[3]),
    pick((r) => r[7] === "code_line" && r[2] && !r[3]),
  ];
}

function expected(lang, inputs) {
  const out = execFileSync(oracle, [lang, ...inputs], { encoding: "utf8" });
  return out.trim().split("\n").map((line) => JSON.parse(line));
}

const tag = (lang) => lang.replace("_", "-");
const pageUrl = (lang, page) => pathToFileURL(join(site, lang, page)).href;

async function open(page, lang, name) {
  await page.goto(pageUrl(lang, name), { waitUntil: "load" });
}

async function checkIndex(page, lang) {
  await open(page, lang, "index.html");
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelector("h1")?.textContent ?? "",
    main: !!document.querySelector("main"),
    alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')]
      .map((l) => l.hreflang),
    codes: document.querySelectorAll("ul.codes li").length,
  }));
  check(facts.lang === tag(lang), `${lang}: <html lang> is "${facts.lang}"`);
  check(facts.h1.length > 0 && facts.main, `${lang}: the index has a heading and a main landmark`);
  for (const other of languages)
    check(facts.alternates.includes(tag(other)), `${lang}: an hreflang alternate for ${other}`);
  check(facts.codes > 100, `${lang}: the index lists every code (${facts.codes})`);
  await page.waitForFunction(() => document.documentElement.dataset.helpcentre, { timeout: 20000 });
  const state = await page.evaluate(() => document.documentElement.dataset.helpcentre);
  check(state === "ready", `${lang}: the box started (${state})`);
  // The keyboard: the first Tab reaches the skip link, which leads to the content.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
  check(focused === "#content", `${lang}: the first Tab reaches the skip link (${focused})`);
}

async function explain(page, text) {
  await page.$eval("#paste", (box, value) => { box.value = value; }, text);
  await page.click("#explain-form button[type=submit]");
  return page.evaluate(() => {
    const answer = document.getElementById("answer");
    const text = (selector) => answer.querySelector(selector)?.textContent ?? null;
    const part = (kind, field) => text(`section[data-kind="${kind}"] [data-field="${field}"]`);
    return {
      found: answer.dataset.state === "found",
      headline: text('[data-field="headline"]'),
      reason: answer.querySelector("section.cause")?.dataset.reason ?? null,
      reason_explanation: text('[data-field="reason_explanation"]'),
      action_by: text('[data-field="action_by"]'),
      retry: text('[data-field="retry"]'),
      reply_summary: part("reply", "summary"),
      reply_explanation: part("reply", "explanation"),
      enhanced_summary: part("enhanced", "summary"),
      enhanced_explanation: part("enhanced", "explanation"),
      server_text: text('[data-field="server_text"]'),
      inconsistent: !!answer.querySelector("p.inconsistent"),
    };
  });
}

async function checkBox(page, lang, inputs) {
  const answers = expected(lang, inputs);
  for (let i = 0; i < inputs.length; i++) {
    const want = answers[i];
    const got = await explain(page, inputs[i]);
    const what = `${lang}: "${inputs[i].slice(0, 60)}"`;
    check(want.found && got.found, `${what}: a code was found (box ${got.found})`);
    for (const key of ["headline", "reason", "reason_explanation", "action_by", "retry",
      "reply_summary", "reply_explanation", "enhanced_summary", "enhanced_explanation",
      "server_text", "inconsistent"]) {
      const expectedValue = want[key] ?? null;
      check(got[key] === expectedValue,
        `${what}: ${key} is ${JSON.stringify(got[key])}, the library says ${JSON.stringify(expectedValue)}`);
    }
    if (want.reason) {
      const causes = join(site, lang, "causes.html");
      check(existsSync(causes) && readFileSync(causes, "utf8").includes(`id="reason-${want.reason}"`),
        `${what}: the page of causes explains ${want.reason}`);
    }
  }
  const none = await explain(page, "nothing to see here");
  check(!none.found, `${lang}: a text without a code is said to have none`);
}

async function checkSwitcher(page) {
  for (const [from, to, name] of [["en", "de", "index.html"], ["en", "fr", "550.html"],
    ["ja", "en", "X.1.1.html"]]) {
    if (!languages.includes(from) || !languages.includes(to)) continue;
    await open(page, from, name);
    await Promise.all([page.waitForNavigation(),
      page.click(`nav.languages a[hreflang="${tag(to)}"]`)]);
    const now = await page.evaluate(() => [document.documentElement.lang, location.href]);
    check(now[0] === tag(to) && now[1] === pageUrl(to, name),
      `switching from ${from} to ${to} on ${name} leads to ${now[1]} (lang ${now[0]})`);
  }
}

// Without JavaScript the page is the list of codes, says why the box is missing,
// and shows no box that cannot work; on paper, neither box nor navigation.
async function checkWithoutScriptsAndInPrint(browser, screenshots) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 1100, deviceScaleFactor: 1 });
  await page.setJavaScriptEnabled(false);
  await open(page, "en", "index.html");
  const shown = (selector) => page.$eval(selector, (e) => !!(e.offsetWidth || e.offsetHeight));
  check(!(await shown("#explain")), "without JavaScript, the box is hidden");
  check(await shown("ul.codes"), "without JavaScript, the codes are listed");
  const note = await page.$eval("noscript", (e) => e.textContent);
  check(note.length > 0, "without JavaScript, the page says why there is no box");
  await page.setJavaScriptEnabled(true);
  await open(page, "en", "550.html");
  await page.emulateMediaType("print");
  check(!(await shown("nav.languages")), "in print, the language switcher is left out");
  check(await shown("h1"), "in print, the code's page is there");
  await page.screenshot({ path: join(screenshots, "print-550.png") });
  await page.close();
}

const profile = mkdtempSync(join(tmpdir(), "smtpcodes-chromium-"));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir: profile,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 1100, deviceScaleFactor: 1 });
  page.on("request", (request) => {
    const url = request.url();
    check(url.startsWith("file:") || url.startsWith("data:"), `a request left the disk: ${url}`);
  });
  page.on("pageerror", (error) => check(false, `a script failed: ${error.message}`));
  const screenshots = join(work, "screenshots");
  mkdirSync(screenshots, { recursive: true });
  // And a reply whose two codes disagree.
  const inputs = [...articleCodes, ...corpusReplies(), "550 4.2.2 Mailbox full"];
  for (const lang of languages) {
    await checkIndex(page, lang);
    await checkBox(page, lang, inputs);
    await explain(page, inputs[articleCodes.length]);
    await page.$eval("#explain", (box) => box.scrollIntoView());
    await page.screenshot({ path: join(screenshots, `${lang}.png`) });
  }
  await checkSwitcher(page);
  await checkWithoutScriptsAndInPrint(browser, screenshots);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures ? `${failures} failures` :
  `every check passed in ${languages.length} languages; screenshots in ${join(work, "screenshots")}`);
process.exit(failures ? 1 : 0);
