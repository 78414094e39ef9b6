/**
 * The HTML report as one self-contained page: styles and the few lines of script inline, the
 * chart drawn as inline SVG, no font, image, script or request from anywhere else (a
 * Content-Security-Policy in the page forbids them), so it opens offline and can be mailed.
 * Sections: totals, removals per rule (a bar chart), share of text removed per document, the
 * documents that lost most (a sortable table; each row links to its removals in context, the
 * removed text struck through with its rule and reason beside it), the texts removed most often
 * across the corpus, failures, timings.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PathError, writeFileSafely } from './files.js';
import { messageOf, VERSION } from './io.js';
import type { DocumentDetail, ReportCollector, ReportData } from './report-data.js';
import { shownName } from './report.js';

/**
 * Writes the report of the run `collector` saw to `file` (atomically, making its folder); a report
 * that cannot be written fails the run, naming its path.
 */
export function writeReport(file: string, collector: ReportCollector): void {
  const page = reportPage(collector.data(), { command: commandLine(process.argv.slice(2)), version: VERSION, date: new Date() });
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSafely(file, Buffer.from(page, 'utf8'));
  } catch (error) {
    throw new PathError(`cannot write the report ${shownName(file)}: ${messageOf(error)}`);
  }
}

/** The arguments of a run as a shell would take them back, for the report's heading. */
function commandLine(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w./:=,@+-]+$/u.test(arg) ? arg : `'${arg.replace(/'/gu, `'\\''`)}'`)).join(' ');
}

/** What the page says about the run besides its data. */
interface PageContext {
  /** The command line, as typed (less the program name). */
  readonly command: string;
  readonly version: string;
  /** When the run ended. */
  readonly date: Date;
}

/** Escapes text for HTML content and attribute values. */
function escape(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);
}

const number = new Intl.NumberFormat('en-US');

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(part === 0 || part >= whole / 10 ? 0 : 1)}%`;
}

/** The page. */
function reportPage(data: ReportData, context: PageContext): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>clean-article report: ${number.format(data.documents)} document${data.documents === 1 ? '' : 's'}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>clean-article report</h1>
<p class="meta"><code>clean-article ${escape(context.command)}</code> · version ${escape(context.version)} · ${escape(context.date.toISOString().replace('T', ' ').replace(/\.\d+Z$/u, ' UTC'))}</p>
<nav><a href="#totals">Totals</a> <a href="#rules">Rules</a> <a href="#files">Files</a> <a href="#frequent">Removed most often</a> <a href="#failures">Failures</a> <a href="#timings">Timings</a></nav>
</header>
<main>
${totals(data)}
${rules(data)}
${histogram(data)}
${files(data)}
${frequent(data)}
${failures(data)}
${timings(data)}
${data.details.map(detail).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function totals(data: ReportData): string {
  const cells: Array<[string, string]> = [
    ['documents', number.format(data.documents)],
    ['changed', `${number.format(data.changed)} (${percent(data.changed, data.documents)})`],
    ['unchanged', number.format(data.unchanged)],
    ['failed', number.format(data.failureCount)],
    ['characters read', number.format(data.characters)],
    ['characters removed', `${number.format(data.removedCharacters)} (${percent(data.removedCharacters, data.characters)})`],
    ['removals', number.format(data.rules.reduce((sum, rule) => sum + rule.removals, 0))],
  ];
  return `<section id="totals"><h2>Totals</h2><dl class="totals">${cells.map(([name, value]) => `<div><dt>${name}</dt><dd>${value}</dd></div>`).join('')}</dl></section>`;
}

/** Removals per rule as a horizontal bar chart (inline SVG), bars scaled to the rule with most. */
function rules(data: ReportData): string {
  if (data.rules.length === 0) return `<section id="rules"><h2>Removals per rule</h2><p class="empty">Nothing was removed.</p></section>`;
  const most = Math.max(...data.rules.map((rule) => rule.removals));
  const row = 28;
  const label = 170;
  const width = 720;
  const bars = data.rules
    .map((rule, i) => {
      const length = Math.max(2, Math.round(((width - label - 190) * rule.removals) / most));
      const y = i * row;
      return `<g class="bar" data-rule="${escape(rule.rule)}"><text x="${label - 8}" y="${y + 18}" text-anchor="end">${escape(rule.rule)}</text><rect x="${label}" y="${y + 5}" width="${length}" height="${row - 10}" rx="3"><title>${escape(rule.rule)}: ${number.format(rule.removals)} removals, ${number.format(rule.characters)} characters</title></rect><text x="${label + length + 6}" y="${y + 18}" class="value">${number.format(rule.removals)} · ${number.format(rule.characters)} chars</text></g>`;
    })
    .join('');
  return `<section id="rules"><h2>Removals per rule</h2><svg id="rule-chart" role="img" aria-label="removals per rule" width="${width}" height="${data.rules.length * row}" viewBox="0 0 ${width} ${data.rules.length * row}">${bars}</svg></section>`;
}

/** How many documents lost what share of their text. */
function histogram(data: ReportData): string {
  const most = Math.max(1, ...data.histogram);
  const bars = data.histogram
    .map((count, i) => `<div class="bin" title="${number.format(count)} documents lost ${i * 10}-${i * 10 + 10}% of their text"><span style="height:${Math.round((100 * count) / most)}%"></span><small>${i * 10}%</small><b>${number.format(count)}</b></div>`)
    .join('');
  return `<section id="shares"><h2>Share of each document removed</h2><div class="histogram">${bars}</div></section>`;
}

function files(data: ReportData): string {
  if (data.details.length === 0) return `<section id="files"><h2>Files that lost the most</h2><p class="empty">No document had anything removed.</p></section>`;
  const sampled = data.details.filter((detail) => detail.sampled).length;
  const rows = data.details
    .map((detail, i) => {
      const share = detail.length === 0 ? 0 : detail.removedCharacters / detail.length;
      return `<tr><td data-value="${escape(detail.name)}"><a href="#doc-${i}">${escape(detail.name)}</a>${detail.sampled ? ' <span class="tag">sample</span>' : ''}</td><td data-value="${detail.removedCharacters}">${number.format(detail.removedCharacters)}</td><td data-value="${share.toFixed(6)}">${percent(detail.removedCharacters, detail.length)}</td><td data-value="${detail.removalCount}">${number.format(detail.removalCount)}</td><td data-value="${detail.length}">${number.format(detail.length)}</td><td data-value="${detail.milliseconds.toFixed(3)}">${detail.milliseconds.toFixed(1)}</td><td>${escape(
        Object.entries(detail.counts)
          .map(([rule, count]) => `${rule} ${count}`)
          .join(', '),
      )}</td></tr>`;
    })
    .join('\n');
  const note = `The ${number.format(data.details.length - sampled)} documents that lost the most characters${sampled > 0 ? `, and ${sampled} others drawn at random (marked <span class="tag">sample</span>)` : ''}, of ${number.format(data.changed)} changed. Click a column to sort; click a name for its removals.`;
  return `<section id="files"><h2>Files that lost the most</h2><p>${note}</p><table id="file-table" class="sortable"><thead><tr><th data-type="text">document</th><th data-type="number">characters removed</th><th data-type="number">share</th><th data-type="number">removals</th><th data-type="number">characters</th><th data-type="number">ms</th><th>per rule</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function frequent(data: ReportData): string {
  if (data.frequent.length === 0) return `<section id="frequent"><h2>Removed most often</h2><p class="empty">No text was removed more than once.</p></section>`;
  const rows = data.frequent
    .map((entry) => `<tr><td>${entry.error > 0 ? '≤ ' : ''}${number.format(entry.count)}</td><td>${escape(entry.rule)}</td><td class="text"><del>${escape(entry.text)}</del></td><td>${escape(entry.example)}</td></tr>`)
    .join('\n');
  const note = data.frequentApproximate ? ' Counted in a table of fixed size: a count marked ≤ is an upper bound.' : '';
  return `<section id="frequent"><h2>Removed most often</h2><p>The texts removed most often across the run (white space collapsed), with the first document each was seen in.${note}</p><table class="sortable"><thead><tr><th data-type="number">times</th><th data-type="text">rule</th><th data-type="text">text</th><th data-type="text">first seen in</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function failures(data: ReportData): string {
  if (data.failureCount === 0) return `<section id="failures"><h2>Failures</h2><p class="empty">None.</p></section>`;
  const more = data.failureCount - data.failures.length;
  return `<section id="failures"><h2>Failures</h2><p>${number.format(data.failureCount)} input${data.failureCount === 1 ? '' : 's'} failed${more > 0 ? ` (the first ${number.format(data.failures.length)} listed)` : ''}.</p><table><thead><tr><th>input</th><th>error</th></tr></thead><tbody>${data.failures.map((failure) => `<tr><td>${escape(failure.name)}</td><td>${escape(failure.message)}</td></tr>`).join('')}</tbody></table></section>`;
}

function timings(data: ReportData): string {
  const { timings } = data;
  const rate = timings.seconds > 0 ? data.characters / 1e6 / timings.seconds : 0;
  const slowest = timings.slowest.map((entry) => `<tr><td>${escape(entry.name)}</td><td>${entry.milliseconds.toFixed(1)}</td></tr>`).join('');
  return `<section id="timings"><h2>Timings</h2><dl class="totals"><div><dt>run</dt><dd>${timings.seconds.toFixed(2)} s</dd></div><div><dt>cleaning, summed over threads</dt><dd>${timings.cleaningSeconds.toFixed(2)} s</dd></div><div><dt>median per document</dt><dd>${timings.medianMilliseconds.toFixed(1)} ms</dd></div><div><dt>throughput</dt><dd>${rate.toFixed(2)} M characters/s</dd></div></dl>${slowest ? `<h3>Slowest documents</h3><table><thead><tr><th>document</th><th>ms</th></tr></thead><tbody>${slowest}</tbody></table>` : ''}</section>`;
}

/** One document's removals in context: kept text plain, removed text struck through, the rule and reason beside it. */
function detail(document: DocumentDetail, index: number): string {
  const more = document.removalCount - document.shown.length;
  const removals = document.shown
    .map(
      (removal) =>
        `${removal.before ? `<span class="kept">${escape(removal.before)}</span>` : ''}<del class="removed" title="${escape(`${removal.rule}: ${removal.reason}`)}">${escape(removal.text)}</del><span class="why"><b>${escape(removal.rule)}</b> ${escape(removal.reason)}${removal.related ? ` (see ${removal.related})` : ''} <small>${removal.line}:${removal.column}</small></span><span class="kept">${escape(removal.after)}</span>`,
    )
    .join('');
  return `<section class="detail" id="doc-${index}"><h2>${escape(document.name)}</h2><p>${number.format(document.removalCount)} removal${document.removalCount === 1 ? '' : 's'}, ${number.format(document.removedCharacters)} of ${number.format(document.length)} characters (${percent(document.removedCharacters, document.length)})${more > 0 ? `; the first ${document.shown.length} shown` : ''}. <a href="#files">Back to the files</a></p><div class="context">${removals}</div></section>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #6e6e73; --line: #d2d2d7; --bar: #3b6fd8; --del: #c4291c; --why: #7a4d00; --why-bg: #fff4d6; }
@media (prefers-color-scheme: dark) { :root { --fg: #f2f2f2; --bg: #1c1c1e; --muted: #a1a1a6; --line: #3a3a3c; --bar: #6d9bf2; --del: #ff7b6e; --why: #ffd27a; --why-bg: #3a2f14; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; }
header { border-bottom: 1px solid var(--line); margin-bottom: 16px; }
h1 { margin: 20px 0 4px; font-size: 24px; } h2 { font-size: 19px; margin: 28px 0 8px; } h3 { font-size: 16px; }
.meta { color: var(--muted); margin: 0 0 8px; } nav a { margin-right: 14px; }
a { color: var(--bar); }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
.totals div { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
dt { color: var(--muted); font-size: 13px; } dd { margin: 0; font-size: 18px; font-weight: 600; }
#rule-chart text { fill: var(--fg); font-size: 13px; } #rule-chart text.value { fill: var(--muted); } #rule-chart rect { fill: var(--bar); }
.histogram { display: flex; gap: 6px; align-items: flex-end; height: 140px; }
.bin { flex: 1; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; height: 100%; }
.bin span { display: block; width: 100%; background: var(--bar); border-radius: 3px 3px 0 0; min-height: 1px; }
.bin small { color: var(--muted); } .bin b { font-size: 12px; font-weight: 500; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th[data-type] { cursor: pointer; user-select: none; } th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
td.text { max-width: 520px; overflow-wrap: anywhere; }
.tag { font-size: 11px; border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; color: var(--muted); }
.empty { color: var(--muted); }
.detail { display: none; border-top: 2px solid var(--bar); }
.detail:target { display: block; }
.context { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.55 ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.kept { color: var(--fg); }
del, .removed { color: var(--del); text-decoration: line-through; }
.why { display: inline-block; margin: 0 6px; padding: 0 6px; border-radius: 4px; font: 12px/1.6 system-ui, sans-serif; color: var(--why); background: var(--why-bg); text-decoration: none; }
`;

/** Sorting: a click on a header sorts its table by that column, again to reverse. */
const SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((header, column) => {
    if (!header.dataset.type) return;
    header.addEventListener('click', () => {
      const descending = header.getAttribute('aria-sort') !== 'descending';
      headers.forEach((other) => other.removeAttribute('aria-sort'));
      header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const value = (row) => { const cell = row.cells[column]; return cell.dataset.value ?? cell.textContent.replace(/[^0-9.]/g, ''); };
      const compare = header.dataset.type === 'number' ? (a, b) => Number(value(a)) - Number(value(b)) : (a, b) => value(a).localeCompare(value(b));
      const body = table.tBodies[0];
      const rows = [...body.rows].sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
      body.append(...rows);
    });
  });
}
`;
