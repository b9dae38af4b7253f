/** The CSS the HTML reports share: page, headings, tables, figures. */
// @ts-nocheck

export const REPORT_STYLE = `  body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px auto; max-width: 1180px; color: #1d2433; padding: 0 16px; }
  h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 32px; border-bottom: 1px solid #dde2ea; padding-bottom: 4px; } h3 { font-size: 15px; margin-top: 24px; }
  .meta { color: #5b6475; } .note { color: #5b6475; font-size: 12px; }
  table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 4px 12px; text-align: right; border-bottom: 1px solid #eef1f5; }
  th:first-child, td:first-child { text-align: left; } th { background: #f5f7fa; }
  figure { margin: 0; background: #fbfcfd; border: 1px solid #e4e8ee; border-radius: 6px; padding: 6px; }
  figcaption { font-weight: 600; font-size: 13px; margin: 2px 4px; }
  svg { width: 100%; height: auto; display: block; }`;
