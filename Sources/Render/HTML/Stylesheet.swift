/// The site's one stylesheet: light and dark themes, a reading column with a contents sidebar,
/// phones, and print. No web fonts, no JavaScript (but the search page's own script): pages work offline.
enum Stylesheet {
    /// The file name under `assets/`.
    static let fileName = "kernelbook.css"

    /// The CSS text.
    static let css = #"""
    :root {
      color-scheme: light dark;
      --bg: #fdfcfa; --fg: #1d2329; --muted: #5d6873; --faint: #8a949e;
      --rule: #e3e0da; --panel: #f4f2ee; --code-bg: #f6f4f0; --accent: #2f6fb3; --accent-soft: #e4eef8;
      --pass: #1d7f46; --pass-bg: #e6f4ec; --fail: #b3261e; --fail-bg: #fbe9e7; --warn: #8a5a00; --warn-bg: #fdf3dc;
      --kw: #a0307a; --ty: #2a6c8e; --fn: #5a4ab0; --num: #b25b00; --str: #2e7d32; --com: #7b8690; --dir: #b3261e;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif;
      --mono: ui-monospace, "SF Mono", "Cascadia Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #15181c; --fg: #e3e6ea; --muted: #a1abb5; --faint: #76818c;
        --rule: #2b3138; --panel: #1c2026; --code-bg: #1b1f25; --accent: #79b0ec; --accent-soft: #1d2a3a;
        --pass: #62c28a; --pass-bg: #15291e; --fail: #f08a80; --fail-bg: #3a1c1a; --warn: #e8b75a; --warn-bg: #33290f;
        --kw: #e58fc7; --ty: #7cc4e6; --fn: #b3a6f5; --num: #f0a860; --str: #8fd18f; --com: #808b96; --dir: #f08a80;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; scroll-padding-top: 1rem; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 17px/1.65 var(--sans); }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    .site-header { border-bottom: 1px solid var(--rule); padding: 0.7rem 1.25rem; display: flex; gap: 1rem;
      align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
    .site-header .brand { font-weight: 700; letter-spacing: 0.01em; color: var(--fg); text-decoration: none; }
    .site-header .brand span { color: var(--accent); }
    .status { font-size: 0.85rem; color: var(--muted); }
    .status .ok { color: var(--pass); } .status .bad { color: var(--fail); font-weight: 600; }
    .layout { display: grid; grid-template-columns: minmax(12rem, 16rem) minmax(0, 46rem); gap: 3rem;
      justify-content: center; padding: 2rem 1.25rem 4rem; }
    .toc { position: sticky; top: 1.5rem; align-self: start; max-height: calc(100vh - 3rem); overflow: auto;
      font-size: 0.88rem; line-height: 1.45; }
    .toc h2 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--faint); margin: 0 0 0.6rem; }
    .toc ol { list-style: none; margin: 0; padding: 0; }
    .toc li { margin: 0.3rem 0; }
    .toc li.level-3 { padding-left: 0.9rem; } .toc li.level-4, .toc li.level-5, .toc li.level-6 { padding-left: 1.8rem; }
    .toc a { color: var(--muted); text-decoration: none; } .toc a:hover { color: var(--accent); }
    main { min-width: 0; }
    article h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 1.2rem; letter-spacing: -0.01em; }
    article h2 { font-size: 1.45rem; margin: 2.6rem 0 0.8rem; padding-top: 0.4rem; border-top: 1px solid var(--rule); }
    article h3 { font-size: 1.15rem; margin: 2rem 0 0.6rem; }
    .anchor { margin-left: 0.4rem; color: var(--faint); text-decoration: none; opacity: 0; font-weight: 400; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
    p, li { overflow-wrap: break-word; }
    blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 3px solid var(--accent); background: var(--accent-soft);
      border-radius: 0 6px 6px 0; }
    code { font-family: var(--mono); font-size: 0.86em; background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { font-family: var(--mono); font-size: 0.84rem; line-height: 1.5; background: var(--code-bg); padding: 0.8rem 1rem;
      border-radius: 8px; overflow-x: auto; tab-size: 4; }
    pre code { background: none; padding: 0; font-size: inherit; }
    img { max-width: 100%; }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    th { font-weight: 600; color: var(--muted); border-bottom-width: 2px; }
    td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
    td.c, th.c { text-align: center; }
    .md-table { overflow-x: auto; margin: 1rem 0; }
    .caption { font-size: 0.85rem; color: var(--muted); margin: 0.4rem 0 0; }
    .value { font-family: var(--mono); font-size: 0.9em; font-weight: 600; color: var(--accent); }
    .inline-claim { white-space: nowrap; border-radius: 4px; padding: 0.05em 0.3em; }
    .inline-claim.pass { background: var(--pass-bg); } .inline-claim.fail { background: var(--fail-bg); }
    .inline-claim code { background: none; padding: 0; }
    .mark { font-weight: 700; } .pass .mark { color: var(--pass); } .fail .mark { color: var(--fail); }
    .cell { margin: 1.4rem 0; border: 1px solid var(--rule); border-radius: 10px; background: var(--panel); overflow: hidden; }
    .cell-source { display: grid; grid-template-columns: 2.6rem minmax(0, 1fr); }
    .cell-source .count, .cell-outputs .count { font-family: var(--mono); font-size: 0.72rem; color: var(--faint);
      padding: 0.95rem 0 0 0.55rem; user-select: none; }
    .cell-source pre { margin: 0; border-radius: 0; background: var(--code-bg); padding-left: 0.6rem; }
    .cell-outputs { border-top: 1px solid var(--rule); padding: 0.5rem 0.9rem 0.6rem 3.2rem; background: var(--bg); }
    .cell.no-source .cell-outputs { border-top: 0; }
    .cell-outputs > * { margin: 0.45rem 0; }
    .cell-outputs pre { background: none; padding: 0.2rem 0; margin: 0.3rem 0; border-radius: 0; }
    .out-value { color: var(--fg); }
    .cell .badge { display: inline-block; font-size: 0.72rem; font-family: var(--sans); letter-spacing: 0.03em;
      color: var(--muted); border: 1px solid var(--rule); border-radius: 999px; padding: 0 0.5rem; margin: 0.5rem 0.9rem; }
    .cell.not-run .cell-source pre { opacity: 0.75; }
    .claim { font-size: 0.9rem; }
    .claim code { background: none; padding: 0; }
    .claim .repeats { color: var(--muted); font-family: var(--mono); font-size: 0.8rem; }
    .claim ul { margin: 0.2rem 0 0.3rem 1.4rem; padding: 0; list-style: none; font-family: var(--mono); font-size: 0.8rem; color: var(--muted); }
    .claim.fail { background: var(--fail-bg); border-radius: 6px; padding: 0.3rem 0.6rem; }
    .diag { font-family: var(--mono); font-size: 0.8rem; border-radius: 6px; padding: 0.4rem 0.6rem; white-space: pre-wrap; }
    .diag.error { background: var(--fail-bg); color: var(--fail); }
    .diag.warning { background: var(--warn-bg); color: var(--warn); }
    .diag .where { color: var(--muted); }
    .out-table { overflow-x: auto; }
    .out-table table { font-size: 0.78rem; }
    .out-table td, .out-table th { white-space: nowrap; padding: 0.25rem 0.45rem; }
    .out-table th { white-space: normal; vertical-align: bottom; }
    .out-table td:first-child { white-space: normal; min-width: 9rem; }
    .out-table caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
    .out-table tfoot td { border-bottom: 0; color: var(--muted); font-size: 0.85rem; padding-top: 0.5rem; }
    figure { margin: 0.6rem 0; }
    .out-figure { display: inline-block; vertical-align: top; margin-right: 1.6rem; max-width: 100%; }
    figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem; }
    .panels { display: flex; flex-wrap: wrap; gap: 0.6rem 0.5rem; align-items: flex-end; }
    .panel { margin: 0; text-align: center; }
    .panel img { display: block; image-rendering: pixelated; border: 1px solid var(--rule); }
    .panel figcaption { font-family: var(--mono); font-size: 0.7rem; margin-top: 0.15rem; }
    .scale { display: flex; align-items: center; gap: 0.4rem; font-family: var(--mono); font-size: 0.72rem; color: var(--muted); margin-top: 0.5rem; }
    .scale img { height: 0.7rem; width: 10rem; image-rendering: pixelated; border: 1px solid var(--rule); }
    .out-diagram { overflow-x: auto; padding: 0.3rem 0; }
    .diagram { display: block; font-family: var(--mono); }
    .diagram text { text-anchor: middle; fill: var(--muted); font-size: 10.5px; }
    .diagram text.label { fill: var(--fg); font-family: var(--sans); font-size: 11px; font-weight: 600; }
    .diagram text.params { fill: var(--faint); font-size: 9.5px; }
    .diagram .front { fill: var(--accent-soft); stroke: var(--accent); stroke-width: 1; }
    .diagram .top { fill: var(--panel); stroke: var(--accent); stroke-width: 1; }
    .diagram .side { fill: var(--rule); stroke: var(--accent); stroke-width: 1; }
    .diagram .vector .front { fill: var(--pass-bg); stroke: var(--pass); }
    .out-chart { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0.3rem 0; }
    .chart { display: block; max-width: 100%; height: auto; font-family: var(--mono); }
    .chart text { fill: var(--muted); font-size: 9.5px; }
    .chart text.title { fill: var(--fg); font-family: var(--sans); font-size: 11px; font-weight: 600; }
    .chart text.tick.y { text-anchor: end; }
    .chart text.tick.x, .chart text.xlabel { text-anchor: middle; }
    .chart .grid { stroke: var(--rule); stroke-width: 0.8; }
    .chart .axis { stroke: var(--faint); stroke-width: 1; }
    .chart .line { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
    .chart .s0 { stroke: var(--accent); fill: var(--accent); }
    .chart .s1 { stroke: var(--fail); fill: var(--fail); stroke-dasharray: 5 3; }
    .chart .s2 { stroke: var(--pass); fill: var(--pass); }
    .chart .s3 { stroke: var(--muted); fill: var(--muted); stroke-dasharray: 2 2; }
    .chart .line.s0, .chart .line.s1, .chart .line.s2, .chart .line.s3 { fill: none; }
    .chart .dot { stroke: none; }
    .diagram .arrow { stroke: var(--faint); stroke-width: 1.2; }
    .diagram .arrowhead { fill: var(--faint); }
    .tok-keyword { color: var(--kw); } .tok-type { color: var(--ty); } .tok-function { color: var(--fn); }
    .tok-number { color: var(--num); } .tok-string { color: var(--str); } .tok-comment, .tok-option { color: var(--com); font-style: italic; }
    .tok-directive { color: var(--dir); font-weight: 600; }
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
    .pager a { display: block; text-decoration: none; max-width: 48%; }
    .pager small { display: block; color: var(--faint); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; }
    .pager .next { text-align: right; margin-left: auto; }
    .lessons { list-style: none; padding: 0; margin: 1.5rem 0; counter-reset: lesson; }
    .lessons li { border: 1px solid var(--rule); border-radius: 10px; padding: 1rem 1.2rem; margin: 0.9rem 0; background: var(--panel); }
    .lessons h2 { margin: 0 0 0.3rem; font-size: 1.2rem; border: 0; padding: 0; }
    .lessons h2 a { text-decoration: none; }
    .lessons p { margin: 0.2rem 0 0.5rem; color: var(--muted); }
    .lessons .facts { font-size: 0.82rem; color: var(--faint); }
    .layout.single { grid-template-columns: minmax(0, 46rem); }
    .site-links { display: flex; gap: 1rem; margin-left: auto; font-size: 0.85rem; }
    .site-links a { text-decoration: none; }
    .search-form input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.55rem 0.8rem; color: var(--fg);
      background: var(--bg); border: 1px solid var(--rule); border-radius: 8px; }
    .search-form input:focus { outline: 2px solid var(--accent-soft); border-color: var(--accent); }
    .search-status { color: var(--muted); font-size: 0.9rem; }
    .results { list-style: none; padding: 0; margin: 1rem 0; }
    .results li { display: grid; grid-template-columns: 5rem minmax(0, 1fr); align-items: baseline; padding: 0.55rem 0;
      border-bottom: 1px solid var(--rule); }
    .results a { text-decoration: none; overflow-wrap: anywhere; }
    .results .kind { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--faint); }
    .results .claim-text { font-family: var(--mono); font-size: 0.86em; }
    .results .in-lesson { grid-column: 2; color: var(--muted); font-size: 0.82rem; }
    @media (max-width: 900px) {
      body { font-size: 16px; }
      .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 1rem 1rem 3rem; }
      .toc { position: static; max-height: none; border: 1px solid var(--rule); border-radius: 8px; padding: 0.7rem 0.9rem; }
      .cell-source { grid-template-columns: minmax(0, 1fr); }
      .cell-source .count { display: none; }
      .cell-outputs { padding-left: 0.5rem; padding-right: 0.5rem; }
      .out-table table { font-size: 0.62rem; }
      .out-table td, .out-table th { white-space: normal; padding: 0.2rem 0.15rem; }
      .out-table td:first-child { overflow-wrap: anywhere; min-width: 0; }
      .out-table caption { font-size: 0.75rem; }
      article h1 { font-size: 1.7rem; }
    }
    @media print {
      body { background: #fff; color: #000; font-size: 11pt; }
      .site-header, .toc, .pager, .anchor, .site-links { display: none; }
      .layout { display: block; padding: 0; }
      .cell, pre, table, figure { break-inside: avoid; }
      .cell { border-color: #bbb; }
      pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
      .out-table { overflow: visible; }
      .out-table td, .out-table th { white-space: normal; }
      a { color: inherit; }
    }
    """#
}
