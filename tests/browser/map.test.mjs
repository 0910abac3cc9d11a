// Browser tests of claimmap's interactive page, in headless Chromium driven by Playwright.
//
// Run by tests/browser.rs, which writes the pages first and passes a JSON file naming them:
//   node tests/browser/map.test.mjs CONFIG.json
// CONFIG: { demo, hostile, embedded, big, corpus, shots }: the demo debate's page, the
// hostile fixture's page, the demo page drawn by the embedded layout (no Graphviz), a
// 2,000-claim page drawn in full, a 3,500-claim page drawn collapsed, and the folder for
// screenshots. Each check prints "ok - ..." or "not ok - ...";
// the exit code is the number of failures. Timings go to stdout as "measure: ...".

import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(config.shots, { recursive: true });

let failures = 0;
function check(name, ok, detail) {
  if (ok) {
    console.log(`ok - ${name}`);
  } else {
    failures += 1;
    console.log(`not ok - ${name}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

/** Opens a page file, recording errors, CSP violations and any request that leaves the file. */
async function open(file, hash = "", viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`);
  });
  const url = pathToFileURL(file).href + hash;
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 60000 });
  const loadMs = Date.now() - started;
  return { context, page, problems, loadMs };
}

const text = (page, sel) => page.locator(sel).first().textContent();

// ---- the demo debate ----
{
  const { context, page, problems, loadMs } = await open(config.demo);
  console.log(`measure: demo page ready in ${loadMs} ms`);
  check("demo page opens in Bengali", (await page.getAttribute("html", "lang")) === "bn");
  const nodes = await page.locator("#map g[data-claim]").count();
  check("every demo claim is a button in the map", nodes === 43, nodes);

  // Click a claim: the panel shows its text in every language, its relations and strength.
  await page.click("#claim-militia-beat-kerensky");
  const panel = await text(page, "#panel-body");
  check("panel shows the Bengali text", panel.includes("কসাক"), panel.slice(0, 200));
  check("panel shows the English text too", panel.includes("Kerensky's attempt failed"), panel.slice(0, 200));
  check("panel names the kind", panel.includes("সমর্থন"), panel.slice(0, 120));
  check("panel shows the strength", /শক্তি 0\.\d\d/.test(panel), panel.slice(0, 200));
  check("panel shows reviews", panel.includes("পর্যালোচনা"), panel);
  check("panel lists open critical questions", panel.includes("খোলা সমালোচনামূলক প্রশ্ন"), panel);
  const selectedHref = await page.evaluate(() => location.href);
  check("the fragment names the claim", selectedHref.endsWith("#militia-beat-kerensky"), selectedHref);
  check(
    "the selected claim is highlighted",
    await page.locator("#claim-militia-beat-kerensky.selected").count() === 1,
  );
  check(
    "its evidence is highlighted as a neighbour",
    await page.locator("#claim-ev-militia.neighbour").count() === 1,
  );
  check(
    "its conclusion is highlighted as a neighbour",
    await page.locator("#claim-force-was-necessary.neighbour").count() === 1,
  );

  // Follow a link in the panel to the evidence: the verbatim quote, source and locator.
  await page.click('#panel-body a[href="#ev-militia"]');
  await page.waitForFunction(() => location.hash === "#ev-militia");
  const evidence = await text(page, "#panel-body");
  const quote = await text(page, "#panel-body blockquote");
  check(
    "evidence shows the verbatim quote",
    quote === "কিন্তু কসাক সৈন্য এবং পূর্বাঞ্চলীয় সৈন্যদের পক্ষে বলশেভিক অনুগত মিলিশিয়ার সঙ্গে এঁটে ওঠা সম্ভব হয়নি।",
    quote,
  );
  check("evidence names its source", evidence.includes("নভেম্বর বিপ্লব ও বলপ্রয়োগ"), evidence);
  check("evidence gives its locator", evidence.includes("block 8"), evidence);
  check("evidence says the quote was verified", evidence.includes("✓"), evidence);

  // The language switch changes every label without a reload.
  await page.evaluate(() => { window.notReloaded = true; });
  await page.click('button.lang[data-lang="en"]');
  check("no reload on language switch", await page.evaluate(() => window.notReloaded === true));
  check("html lang follows the switch", (await page.getAttribute("html", "lang")) === "en");
  check("title switches", (await text(page, "h1")) === "Did the November Revolution need force?");
  const panelEn = await text(page, "#panel-body");
  check("panel switches language", panelEn.includes("Evidence") && panelEn.includes("Source"), panelEn);
  const mapText = await text(page, "#map svg");
  check("map labels switch", mapText.includes("The Cossacks and the eastern"), mapText.slice(0, 300));
  check("search box label switches", (await text(page, '[data-t="search"]')) === "Search claims");
  check(
    "map buttons have English labels for screen readers",
    (await page.getAttribute("#claim-ev-militia", "aria-label")).startsWith("support: The Cossacks"),
    await page.getAttribute("#claim-ev-militia", "aria-label"),
  );
  check("the selection survives the switch", await page.locator("#claim-ev-militia.selected").count() === 1);
  await page.screenshot({ path: join(config.shots, "demo-en.png") });

  // Search highlights matching claims and dims the rest (a selected claim is never dimmed,
  // so close the panel first).
  await page.locator("body").press("Escape");
  await page.fill("#search", "Kornilov");
  const count = await text(page, "#search-count");
  const matches = await page.locator("#map g.node.match").count();
  check("search counts matches", count === `${matches} matches` && matches >= 2, { count, matches });
  check(
    "search dims the other claims",
    await page.locator("#map g[data-claim].dim").count() === 43 - matches,
  );
  await page.press("#search", "Enter");
  check("Enter in search selects a match", await page.locator("#map g.match.selected").count() === 1, page.url());
  await page.fill("#search", "");
  await page.click("#panel-close");
  check("the close button deselects", await page.locator("#map g.selected").count() === 0);
  check("clearing the search undims", await page.locator("#map g[data-claim].dim").count() === 0);

  // Filters by author, tag and kind dim the rest.
  await page.selectOption("#filter-kind", "evidence");
  const dimmedKind = await page.locator("#map g[data-claim].dim").count();
  check("kind filter dims everything but evidence", dimmedKind === 23, dimmedKind);
  await page.selectOption("#filter-kind", "");
  await page.selectOption("#filter-tag", "disputed");
  const keptTag = await page.locator("#map g[data-claim]:not(.dim)").count();
  check("tag filter keeps the disputed claims", keptTag > 0 && keptTag < 43, keptTag);
  await page.selectOption("#filter-tag", "");
  await page.selectOption("#filter-author", "class");
  const keptAuthor = await page.locator("#map g[data-claim]:not(.dim)").count();
  check("author filter keeps the class's claims", keptAuthor > 0 && keptAuthor < 43, keptAuthor);
  await page.selectOption("#filter-author", "");

  // Keyboard: Tab reaches claims, Enter opens one, Escape closes the panel.
  await page.focus("#claim-kornilov-stopped-by-force");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.id);
  check("Tab moves to the next claim", focused.startsWith("claim-") && focused !== "claim-kornilov-stopped-by-force", focused);
  await page.keyboard.press("Enter");
  // The page's own address, not page.url(): Playwright learns of history.replaceState
  // through an event that can arrive after the next line runs.
  let href = await page.evaluate(() => location.href);
  check("Enter opens the focused claim", href.endsWith("#" + focused.slice(6)), href);
  await page.keyboard.press("Escape");
  href = await page.evaluate(() => location.href);
  check("Escape closes the panel", !href.includes("#"), href);
  check(
    "a screen reader hears what was selected",
    (await text(page, "#announce")).startsWith("selected: "),
    await text(page, "#announce"),
  );
  // Arrow keys follow the argument: up to the conclusion, down to the first reason.
  await page.focus("#claim-ev-militia");
  await page.keyboard.press("ArrowUp");
  check("ArrowUp goes to what a claim supports", (await page.evaluate(() => document.activeElement.id)) === "claim-militia-beat-kerensky");
  await page.keyboard.press("ArrowDown");
  check("ArrowDown goes to its first reason", (await page.evaluate(() => document.activeElement.id)) === "claim-ev-militia");
  const ring = await page.evaluate(() => {
    const shape = document.activeElement.querySelector("path, polygon");
    return getComputedStyle(shape).stroke;
  });
  check("the focused claim has a visible focus outline", ring === "rgb(11, 87, 208)", ring);
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    const m = document.getElementById("map").getBoundingClientRect();
    return r.top >= m.top - 1 && r.bottom <= m.bottom + 1 && window.scrollY === 0;
  });
  check("keyboard focus brings the claim into the map's view", inView);
  await page.screenshot({ path: join(config.shots, "focus.png") });

  // Zoom: buttons and keys change the view box; 0 fits again.
  const before = await page.evaluate(() => document.querySelector("#map svg").viewBox.baseVal.width);
  await page.click("#zoom-in");
  const zoomed = await page.evaluate(() => document.querySelector("#map svg").viewBox.baseVal.width);
  check("zoom in narrows the view", zoomed < before, { before, zoomed });
  await page.locator("body").press("0");
  const fitted = await page.evaluate(() => document.querySelector("#map svg").viewBox.baseVal.width);
  check("0 shows the whole map", fitted >= before && fitted > zoomed, { before, zoomed, fitted });

  // Contrast and visible focus.
  const ratio = await page.evaluate(() => {
    const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const cs = getComputedStyle(document.querySelector("#outline a"));
    const fg = lum(rgb(cs.color));
    const bg = lum(rgb(getComputedStyle(document.body).backgroundColor === "rgba(0, 0, 0, 0)" ? "rgb(255,255,255)" : getComputedStyle(document.body).backgroundColor));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
  check("outline text contrast is at least 4.5:1", ratio >= 4.5, ratio);

  // Print: the tools go, the map and the outline stay.
  await page.emulateMedia({ media: "print" });
  check("print hides the tools", !(await page.locator("#tools").isVisible()));
  check("print keeps the map", await page.locator("#map svg").isVisible());
  check("print keeps the outline", await page.locator("#outline li").first().isVisible());
  await page.emulateMedia({ media: "screen" });

  check("the demo page made no network request and logged no error", problems.length === 0, problems);
  await context.close();
}

// ---- a #claim-id link selects that claim on opening ----
{
  const { context, page, problems } = await open(config.demo, "#ev-april-theses");
  const panel = await text(page, "#panel-body");
  check("a #claim-id link opens that claim", panel.includes("I did not arrive in Petrograd until the night of April 3"), panel);
  check("the linked claim is selected in the map", await page.locator("#claim-ev-april-theses.selected").count() === 1);
  await page.screenshot({ path: join(config.shots, "demo-bn-linked.png") });
  check("no errors when opened by link", problems.length === 0, problems);
  await context.close();
}

// ---- hostile texts are shown as text and never run ----
{
  const { context, page, problems } = await open(config.hostile);
  for (const id of ["t", "breakout", "evil-evidence"]) {
    await page.click(`#claim-${id}`);
  }
  await page.fill("#search", "<script>");
  await page.click('button.lang[data-lang="bn"]');
  await page.click('button.lang[data-lang="en"]');
  await page.click("#claim-evil-evidence");
  await page.mouse.move(10, 10);
  const pwned = await page.evaluate(() => window.pwned);
  check("no hostile text ran", pwned === undefined, pwned);
  const panel = await text(page, "#panel-body");
  check("a hostile quote is shown as text", panel.includes("</blockquote><script>window.pwned = 'quote'</script>"), panel);
  check("a javascript: source is not a link", await page.locator('#panel-body a[href^="javascript"]').count() === 0);
  check("no injected elements", await page.locator("img, #panel-body script, #map script, iframe").count() === 0);
  await page.click("#claim-breakout");
  const breakout = await text(page, "#panel-body");
  check("a text closing svg and script is shown verbatim", breakout.includes("</svg><img src=x onerror=\"window.pwned = 'svg'\"></script>"), breakout);
  check("the other language's hostile text is text too", breakout.includes("\"><svg onload=\"window.pwned = 'attr'\">"), breakout);
  await page.click("#claim-t");
  const thesis = await text(page, "#panel-body");
  check("Bengali conjuncts survive", thesis.includes("যুক্তাক্ষর ক্ষ ন্ত্র শ্র্য"), thesis);
  check("the title is text", (await page.title()).includes("</title><script>"), await page.title());
  await page.screenshot({ path: join(config.shots, "hostile.png") });
  const real = problems.filter((p) => !p.includes("Content Security Policy"));
  check("hostile page logged no other error", real.length === 0, real);
  await context.close();
}

// ---- the embedded layout (no Graphviz) is clickable too ----
{
  const { context, page, problems } = await open(config.embedded);
  const nodes = await page.locator("#map g[data-claim]").count();
  check("embedded layout: every claim is a button", nodes === 43, nodes);
  await page.click("#claim-ev-militia");
  const quote = await text(page, "#panel-body blockquote");
  check("embedded layout: a click opens the panel", quote && quote.includes("কসাক"), quote);
  check("embedded layout: no errors", problems.length === 0, problems);
  await context.close();
}

// ---- 2,000 claims stay usable ----
{
  const { context, page, problems, loadMs } = await open(config.big);
  const nodes = await page.locator("#map g[data-claim]").count();
  console.log(`measure: 2,000-claim page ready in ${loadMs} ms (script setup ${Math.round(await page.evaluate(() => window.claimmap.ready))} ms), ${nodes} claims drawn`);
  check("big page draws its claims", nodes >= 1500, nodes);
  // Each action timed in the page, up to the second frame after it (so drawing counts).
  const timed = (action, arg) => page.evaluate(([action, arg]) => new Promise((done) => {
    const t = performance.now();
    if (action === "click") {
      document.querySelectorAll("#map g[data-claim]")[arg].dispatchEvent(new MouseEvent("click", { bubbles: true }));
    } else if (action === "search") {
      const s = document.getElementById("search");
      s.value = arg;
      s.dispatchEvent(new Event("input"));
    } else {
      document.querySelector(arg).click();
    }
    requestAnimationFrame(() => requestAnimationFrame(() => done(Math.round(performance.now() - t))));
  }), [action, arg]);
  const clickMs = await timed("click", nodes - 1);
  check("big page: a click selects the claim", await page.evaluate(() => location.hash.length > 1));
  const searchMs = await timed("search", "1");
  const zoomMs = await timed("button", "#zoom-in");
  const switchMs = await timed("button", 'button.lang[data-lang="bn"]');
  const switchBackMs = await timed("button", 'button.lang[data-lang="en"]');
  console.log(`measure: 2,000 claims: click to panel ${clickMs} ms, search ${searchMs} ms, zoom ${zoomMs} ms, first switch to Bengali ${switchMs} ms, back to English ${switchBackMs} ms`);
  // Timings are reported, not asserted: speed is for benchmarks, not tests.
  check("big page: no errors", problems.length === 0, problems);
  await page.screenshot({ path: join(config.shots, "big.png") });
  await context.close();
}

// ---- a collapsed corpus: the outline is capped, search still reaches every claim ----
{
  const { context, page, problems, loadMs } = await open(config.corpus);
  console.log(`measure: 3,500-claim collapsed page ready in ${loadMs} ms`);
  const drawn = await page.locator("#map g[data-claim]").count();
  const rows = await page.locator("#outline li a").count();
  check("collapsed map draws part of the corpus", drawn > 100 && drawn < 3500, drawn);
  const more = await text(page, "#outline li.meta");
  check("the outline says what it left out", /more claims are not listed/.test(more || ""), { rows, more });
  await page.fill("#search", "c3499");
  await page.press("#search", "Enter");
  const panel = await text(page, "#panel-body");
  check("search reaches a claim the map does not draw", panel.includes("c3499"), panel.slice(0, 200));
  check("corpus page: no errors", problems.length === 0, problems);
  await context.close();
}

await browser.close();
console.log(failures === 0 ? "all browser checks passed" : `${failures} browser checks failed`);
process.exit(failures === 0 ? 0 : 1);
