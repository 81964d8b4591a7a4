// A walk through the newsmill UI in headless Chromium: home, search (typed into the box),
// an article, an entity linked from it, the quotes explorer, and the article on a phone
// screen. Each step checks the page's content; any console error or CSP violation fails the
// walk. Screenshots go to OUT_DIR.
//
// Usage: node ui.mjs BASE_URL OUT_DIR
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"],
});
const errors = [];
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => { if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => errors.push(`${page.url()}: ${e}`));
page.on("dialog", (d) => { errors.push(`a dialog opened: ${d.message()}`); d.dismiss(); });

function expect(cond, what) {
  if (!cond) throw new Error(`expected ${what} on ${page.url()}`);
}
async function shot(name) {
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
}

try {
  await page.goto(`${base}/`);
  expect((await page.textContent("h1")) === "The corpus", "the home heading");
  expect((await page.textContent("ul.counts")).includes("2 articles"), "the article count");
  expect(await page.locator("figure.chart svg rect").count() >= 2, "the articles-per-day chart");
  // Two days: two narrow bars, the later one in the right half of the axis.
  const lastBar = page.locator("figure.chart svg rect").last();
  const lastX = Number(await lastBar.getAttribute("x"));
  expect(lastX > 360 && Number(await lastBar.getAttribute("width")) <= 24, `a real time axis (x=${lastX})`);
  expect((await page.textContent("figure.chart figcaption")).includes("one bar per"), "the axis unit");
  expect((await page.textContent("main")).includes("Ana Lima"), "the top people");
  expect(await page.locator("section.recent li a").count() >= 2, "the recent articles, newest first");
  await shot("1-home");

  await page.keyboard.press("/");
  expect(await page.evaluate(() => document.activeElement.id) === "quick-search", "'/' to focus search");
  await page.keyboard.type("bridge");
  await Promise.all([page.waitForURL(/\/search\?q=bridge/), page.keyboard.press("Enter")]);
  expect(await page.locator("ol.hits li").count() >= 1, "a search hit");
  expect((await page.textContent("ol.hits mark")).toLowerCase() === "bridge", "a highlighted match");
  const hitDate = page.locator("ol.hits time").first();
  expect(/^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(await hitDate.textContent()), "a date people read (9 November 2018)");
  expect(/^\d{4}-\d{2}-\d{2}/.test(await hitDate.getAttribute("title")), "the ISO date in its tooltip");
  await shot("2-search");

  await Promise.all([page.waitForURL(/\/articles\//), page.click("ol.hits li a.title")]);
  const title = await page.textContent("article.reader h1");
  expect(title.includes("<script>alert('xss')</script>"), "the hostile title shown as text");
  expect(await page.locator("article.reader script, article.reader img").count() === 0, "no injected elements");
  expect(await page.locator("span.quote").count() >= 1, "a highlighted quote");
  expect((await page.textContent("a.who")).includes("Ana Lima"), "the quote's speaker");
  const who = page.locator("article.reader a.who").first();
  expect(!(await who.isVisible()), "no speaker name inline in the sentence until asked for");
  const spoken = page.locator("article.reader span.quote.direct[title]").first();
  expect(await spoken.count() === 1 && (await spoken.getAttribute("title")).startsWith("Said by "), "the speaker in the quote's tooltip");
  await spoken.hover();
  expect(await who.isVisible(), "the speaker shown on hovering the quote");
  expect(await page.locator("p.legend").count() >= 1, "the quote legend");
  await shot("3-article");

  await Promise.all([page.waitForURL(/\/entities\/\d+/), page.click("article.reader a.ent.person")]);
  expect((await page.textContent("h1")).includes("Ana Lima"), "the entity page heading");
  expect((await page.textContent("main")).includes("Mentions over time"), "the timeline");
  expect(await page.locator("ul.quotes li").count() >= 1, "the entity's quotes");
  await shot("4-entity");

  await page.goto(`${base}/quotes?speaker=Lima`);
  expect(await page.locator("ul.quotes.big li").count() >= 1, "the quotes explorer");
  await shot("5-quotes");

  await page.goto(`${base}/search?q=the&limit=1`);
  expect(await page.locator("ol.hits li").count() === 1, "a page of one hit");
  await Promise.all([page.waitForURL(/offset=1/), page.click("nav.pager a[rel=next]")]);
  expect(await page.locator("ol.hits li").count() === 1, "the next page");
  expect(await page.locator("nav.pager a[rel=prev]").count() === 1, "a way back");
  expect(await page.locator("nav.pager a[rel=next]").count() === 0, "no next page after the last hit");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await page.goto(`${base}/articles/evil`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= 400, `no sideways scrolling on a phone (page is ${width}px wide)`);
  await shot("6-article-phone");
} catch (e) {
  errors.push(String(e.message || e));
}
await browser.close();
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
console.log(`browser walk ok; screenshots in ${outDir}`);
