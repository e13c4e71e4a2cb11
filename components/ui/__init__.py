"""Streamlit renderers shared by every page, split by job (context, cache, links, sources,
charts, downloads, briefing, page). Pages use ``from components import ui`` and these names."""

from components.ui.cache import frame, load_data, memo, seeds_dir
from components.ui.charts import end_slide, is_dark, render_chart, render_kpi
from components.ui.context import PageContext, is_presenting
from components.ui.downloads import render_downloads
from components.ui.link_checks import check_link_number, check_link_options
from components.ui.page import finish_page, page_context
from components.ui.sources import link_column, md, render_source_footer
from components.ui.tables import DATE_FORMAT, render_paged_table, show_table, with_standalone_text

__all__ = [
    "DATE_FORMAT",
    "PageContext",
    "check_link_number",
    "check_link_options",
    "end_slide",
    "finish_page",
    "frame",
    "is_dark",
    "is_presenting",
    "link_column",
    "load_data",
    "md",
    "memo",
    "page_context",
    "render_chart",
    "render_downloads",
    "render_kpi",
    "render_paged_table",
    "render_source_footer",
    "seeds_dir",
    "show_table",
    "with_standalone_text",
]
