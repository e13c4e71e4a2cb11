"""Files people take away from the dashboard: tables, chart images, a deck and a PDF.

Pure functions (frames and figures in, bytes out), no streamlit, so the pages, the tests and
the benchmarks call the same code:

- `tables`: `to_csv_bytes`, `to_xlsx_bytes`, with every text cell neutralised against formula
  injection (`neutralise`, `neutralise_frame`) and bounds kept in words;
- `images`: `chart_image`, a chart with its title, as-of date and source line drawn in, rendered
  by kaleido on the system Chromium;
- `deck`: `Slide`, `build_pptx`, `build_pdf` (from `document`) and `render_slide_images`, one
  slide or page per briefing step, both laid out by `layout`.
"""
