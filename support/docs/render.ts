import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import escapeHtml from 'escape-html';
import type { DocsModel } from './model';
import { siteData } from './site-data';
import { staticGlobals, type StaticElement } from './static-dom';

const SITE = path.join(__dirname, 'site');

/** JSON that can sit inside a <script> element: `</script>` and line separators cannot break out. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

interface StaticPages {
  readonly run: StaticElement;
  readonly nav: StaticElement;
  readonly pages: readonly (readonly [string, StaticElement])[];
}

/**
 * Every page as HTML, built by the page script itself (one code for both): the site reads
 * completely without JavaScript, each page a section whose id is its route, so `#/feature/…` links
 * land on it.
 */
function staticPages(script: string, dataJson: string): StaticPages {
  return vm.runInNewContext(`${script}\n;staticBuild();`, staticGlobals(dataJson), {
    filename: 'app.js',
  }) as StaticPages;
}

/**
 * One self-contained page: styles, the page script and its data (the model and the status
 * vocabulary) inline, so it opens from file://.
 */
export function renderSite(model: DocsModel): string {
  const style = fs.readFileSync(path.join(SITE, 'style.css'), 'utf8');
  const script = fs.readFileSync(path.join(SITE, 'app.js'), 'utf8');
  const data = siteData(model);
  const built = staticPages(script, JSON.stringify(data));
  const pages = built.pages
    .map(([route, page]) => `<section class="page" id="${escapeHtml(route)}">${page.toHtml()}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sbe-harness living documentation">
<title>${escapeHtml(model.title)}</title>
<style>${style}</style>
</head>
<body>
<header class="top"><h1 id="title">${escapeHtml(model.title)}</h1><span class="run" id="run">${built.run.innerHtml}</span></header>
<div class="layout">
<nav class="side" aria-label="Specification"><div id="filters"></div><div id="nav">${built.nav.toHtml()}</div></nav>
<main id="main">
${pages}
</main>
</div>
<script id="docs-data" type="application/json">${scriptSafeJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
