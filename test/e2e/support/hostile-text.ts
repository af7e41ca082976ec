/**
 * Hostile text, generated from families of known attacks rather than listed by hand: markup and script
 * injection in every wrapping, URLs with scripts, SVG, CSS expressions, bidi overrides, zero-width
 * characters, very long strings and lone surrogates. Every payload that could run would set
 * `window.__hostileCanary`.
 */
const canary = 'window.__hostileCanary=1';

const wrappers = ['{}', '"{}"', "'{}'", '">{}', "'>{}", '</textarea>{}', '</title>{}', '-->{}', ']]>{}', '`{}`', '<b>{}</b>', 'Census {} 2025', '<!--{}-->', '&lt;{}&gt;', '%3C{}%3E', '\\{}', '{}\u0000', '<noscript>{}</noscript>', '<p title="{}">', '\\"{}'];

const families: Readonly<Record<string, readonly string[]>> = {
  script: [`<script>${canary}</script>`, `<ScRiPt>${canary}</sCrIpT>`, `<script src="data:text/javascript,${canary}"></script>`, `<script>/*</script><script>*/${canary}</script>`],
  handler: [`<img src=x onerror="${canary}">`, `<body onload=${canary}>`, `<div onmouseover="${canary}">hover</div>`, `<input autofocus onfocus=${canary}>`, `<details open ontoggle=${canary}>`],
  url: [`javascript:${canary}`, `JaVaScRiPt:${canary}`, `<a href="javascript:${canary}">link</a>`, `<iframe src="javascript:${canary}"></iframe>`, `data:text/html,<script>${canary}</script>`],
  svg: [`<svg onload=${canary}>`, `<svg><script>${canary}</script></svg>`, `<svg><animate onbegin=${canary} attributeName=x dur=1s>`, `<math><mtext><table><mglyph><style><img src=x onerror=${canary}>`],
  css: [`<div style="width:expression(${canary})">`, `<style>@import 'javascript:${canary}';</style>`, `<div style="background:url(javascript:${canary})">`, `<link rel=stylesheet href="data:text/css,*{}">`],
  template: [`{{constructor.constructor('${canary}')()}}`, `\${${canary}}`, `<%= ${canary} %>`, `{{__proto__}}`],
};

const bidi = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u200f'];
const zeroWidth = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

export function hostileCorpus(): string[] {
  const corpus: string[] = [];
  for (const payloads of Object.values(families)) {
    for (const payload of payloads) for (const wrapper of wrappers) corpus.push(wrapper.replace('{}', payload));
  }
  for (const mark of bidi) corpus.push(`Source ${mark}gnp.exe${mark} 2025`, `${mark}مدينة ${mark}city`, `abc${mark}<b>def</b>`);
  for (const mark of zeroWidth) corpus.push(`Stat${mark}istics${mark} office`, `<scr${mark}ipt>${canary}</scr${mark}ipt>`, `java${mark}script:${canary}`);
  corpus.push('\ud800 lone high', 'lone low \udc00', 'reversed \udc00\ud800 pair');
  corpus.push('x'.repeat(100_000), `<b>${'A'.repeat(99_990)}</b>`, 'Ω'.repeat(100_000));
  return corpus;
}
