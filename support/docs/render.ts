import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import escapeHtml from 'escape-html';
import type { DocsModel } from './model';
import { siteData } from './site-data';
import { staticGlobals, type StaticElement } from './static-dom';

const SITE = path.join(__dirname, 'site');

/** JSON text that can sit inside a <script> element: `</script>` and line separators cannot break out. */
function scriptSafeJson(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

interface StaticPages {
  readonly run: StaticElement;
  readonly nav: StaticElement;
  /** Each page's section, in the order the script built them. */
  readonly pages: readonly string[];
}

/**
 * Every page as HTML, built by the page script itself (one code for both): the site reads
 * completely without JavaScript, each page a section whose id is its route, so `#/feature/…` links
 * land on it. Each page is written out as soon as it is built: the elements of every page at once
 * (about 100,000 at 5,000 scenarios) all outlived the young generation, and collecting them took a
 * quarter of the build.
 */
function staticPages(script: string, dataJson: string): StaticPages {
  const pages: string[] = [];
  const emit = (route: string, page: StaticElement): void => {
    pages.push(`<section class="page" id="${escapeHtml(route)}">${page.toHtml()}</section>`);
  };
  const built = vm.runInNewContext(`${script}\n;staticBuild(STATIC_EMIT);`, staticGlobals(dataJson, emit), {
    filename: 'app.js',
  }) as Omit<StaticPages, 'pages'>;
  return { ...built, pages };
}

/**
 * One self-contained page: styles, the page script and its data (the model and the status
 * vocabulary) inline, so it opens from file://.
 */
export function renderSite(model: DocsModel): string {
  const style = fs.readFileSync(path.join(SITE, 'style.css'), 'utf8');
  const script = fs.readFileSync(path.join(SITE, 'app.js'), 'utf8');
  const dataJson = JSON.stringify(siteData(model));
  const built = staticPages(script, dataJson);
  const pages = built.pages.join('\n');
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
<script id="docs-data" type="application/json">${scriptSafeJson(dataJson)}</script>
<script>${script}</script>
</body>
</html>
`;
}
