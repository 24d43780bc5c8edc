// After `vite build`: gzips every compressible file in dist/ (credo serve sends the .gz to browsers
// that accept it) and measures the JavaScript a browser downloads on a first visit of the login page
// and of the customer list, in the default language (简体中文). Fails the build over the budget.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUDGET_KB = 500;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipSizes = new Map();
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '.vite') walk(path);
      continue;
    }
    if (!/\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/.test(name)) continue;
    const zipped = gzipSync(readFileSync(path), { level: 9 });
    gzipSizes.set(path.slice(dist.length), zipped.length);
    if (zipped.length < statSync(path).size && statSync(path).size > 512) writeFileSync(`${path}.gz`, zipped);
  }
}
walk(dist);

/** Every chunk a manifest entry loads before it runs: itself and its static imports, transitively. */
function closure(key, out = new Set()) {
  const chunk = manifest[key];
  if (!chunk || out.has(chunk.file)) return out;
  out.add(chunk.file);
  for (const k of chunk.imports ?? []) closure(k, out);
  return out;
}
function find(fragment) {
  const key = Object.keys(manifest).find((k) => k.includes(fragment));
  if (!key) throw new Error(`no chunk for ${fragment} in the build manifest`);
  return key;
}

// What every first visit loads: the entry, the default language's texts and Ant Design's and dayjs's
// locale for it; then the route's own page.
const startup = ['index.html', find('locales/zh-CN/translation.json'), find('antd/es/locale/zh_CN'), find('dayjs/esm/locale/zh-cn')];
const routes = {
  login: find('features/auth/LoginPage'),
  customer_list: find('features/customers/pages/CustomerListPage'),
};

const report = { budget_kb: BUDGET_KB, routes: {} };
let over = false;
for (const [route, key] of Object.entries(routes)) {
  const files = new Set();
  for (const k of [...startup, key]) closure(k, files);
  const js = [...files].filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((sum, f) => sum + (gzipSizes.get(f) ?? 0), 0);
  const kb = Math.round((bytes / 1024) * 10) / 10;
  report.routes[route] = { gzip_kb: kb, files: js.length };
  if (kb > BUDGET_KB) over = true;
  console.log(`initial JavaScript for ${route}: ${kb} KB gzip in ${js.length} files (budget ${BUDGET_KB} KB)`);
}
writeFileSync(join(dist, 'size-report.json'), JSON.stringify(report, null, 2) + '\n');
if (over) {
  console.error(`over the budget of ${BUDGET_KB} KB of gzipped JavaScript for an initial page load`);
  process.exit(1);
}
