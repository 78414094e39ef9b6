/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core (which never
 * downloads a browser of its own), loads the report of a batch over the fixture pairs and checks
 * what a person sees: the bar chart of removals per rule, rows in the table of files, a click on a
 * file's name opening its removals in context (struck through, the reason beside), a click on a
 * column sorting the table, and no request leaving the page. It saves a screenshot and prints its
 * path. Skipped, saying so, where /usr/bin/chromium is missing (`.ci/run` installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, temporaryFolders } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
/** What the page functions read of an element (the project's types leave out the DOM). */
interface DomElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly width: number };
}

if (!available) console.warn(`report-browser.test: skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** Where the screenshots go: kept after the run, for a person to look at. */
const SHOTS = path.join(ROOT, '.bench', 'report-screenshots');

const temporary = temporaryFolders();

describe.skipIf(!available)('the HTML report in chromium', () => {
  let browser: BrowserContext | undefined;
  let report: string;
  let profile: string;

  beforeAll(async () => {
    const folder = temporary();
    report = path.join(folder, 'report.html');
    const result = await runCli(['--report', report, '--check', '--jobs', '2', 'fixtures'], { timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(1);
    profile = mkdtempSync(path.join(os.tmpdir(), 'clean-article-chromium-'));
    // A fresh profile folder (the persistent context's user data dir), removed afterwards.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows the chart and the table, opens a file\'s removals from its link, sorts, and asks the network for nothing', async () => {
    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(report).href;
    await page.goto(url);

    // The chart: one bar per rule that removed something, each with a width.
    const bars = page.locator('#rule-chart g.bar');
    expect(await bars.count()).toBeGreaterThanOrEqual(3);
    const rules = await bars.evaluateAll((groups: readonly unknown[]) => groups.map((group) => (group as DomElement).getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['fragment', 'near-duplicate', 'repeated-title']));
    const widths = await page.locator('#rule-chart rect').evaluateAll((rects: readonly unknown[]) => rects.map((rect) => (rect as DomElement).getBoundingClientRect().width));
    for (const width of widths) expect(width).toBeGreaterThan(1);

    // The table: a row per file kept in detail, the fixture that lost most first.
    const rows = page.locator('#file-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => rows.first().isVisible()).toBe(true);
    const firstName = (await rows.first().locator('td').first().innerText()).trim();
    expect(firstName).toMatch(/^fixtures\/[\w-]+\.raw\.txt/u);

    // A detail is hidden until its link is followed; then it shows removals struck through, with reasons.
    const link = rows.first().locator('a');
    const target = (await link.getAttribute('href'))!;
    const detail = page.locator(target);
    expect(await detail.isVisible()).toBe(false);
    await link.click();
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('h2').innerText()).toBe(firstName.replace(/\s*sample$/u, ''));
    const removed = detail.locator('del.removed').first();
    // The browser's getComputedStyle, named through globalThis: the tests are type-checked without the DOM's types.
    const decoration = await removed.evaluate((element) => (globalThis as unknown as { getComputedStyle(node: unknown): { textDecorationLine: string } }).getComputedStyle(element).textDecorationLine);
    expect(decoration).toContain('line-through');
    expect((await detail.locator('.why').first().innerText()).length).toBeGreaterThan(5);
    mkdirSync(SHOTS, { recursive: true });
    const detailShot = path.join(SHOTS, 'report-detail.png');
    await page.screenshot({ path: detailShot });

    // Sorting: by name, ascending then descending.
    await page.goto(url);
    const names = async (): Promise<string[]> => (await page.locator('#file-table tbody tr td:first-child a').allInnerTexts()).map((name) => name.trim());
    await page.locator('#file-table th', { hasText: 'document' }).click();
    const descending = await names();
    expect(descending).toEqual([...descending].sort().reverse());
    await page.locator('#file-table th', { hasText: 'document' }).click();
    expect(await names()).toEqual([...descending].reverse());

    const overview = path.join(SHOTS, 'report-overview.png');
    await page.screenshot({ path: overview, fullPage: true });
    console.log(`report screenshots: ${overview} ${detailShot} (report ${report})`);
    expect(readFileSync(overview).subarray(1, 4).toString()).toBe('PNG');

    // Self-contained: the page and nothing else was asked for.
    expect(requests.every((request) => request.startsWith('file://'))).toBe(true);
    expect(new Set(requests)).toEqual(new Set([url]));
    await page.close();
  }, 120_000);
});
