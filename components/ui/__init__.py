"""Streamlit renderers shared by every page, split by job (context, cache, links, sources,
charts, downloads, briefing, page). Pages use ``from components import ui`` and these names."""

from components.ui.cache import frame, load_data, memo, per_object, seeds_dir
from components.ui.charts import end_slide, is_dark, render_chart, render_kpi
from components.ui.context import PageContext, is_presenting
from components.ui.downloads import render_downloads
from components.ui.page import finish_page, page_context
from components.ui.sources import link_column, md, render_source_footer
from components.ui.tables import (
    DATE_FORMAT,
    readable_newest_first,
    render_paged_table,
    rows_where,
    show_table,
    with_standalone_text,
)
from components.ui.views import page_view, render_cards, render_view_chart, table_frames, view_params

__all__ = [
    "DATE_FORMAT",
    "PageContext",
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
    "page_view",
    "per_object",
    "readable_newest_first",
    "render_cards",
    "render_chart",
    "render_downloads",
    "render_kpi",
    "render_paged_table",
    "render_source_footer",
    "render_view_chart",
    "rows_where",
    "seeds_dir",
    "show_table",
    "table_frames",
    "view_params",
    "with_standalone_text",
]
