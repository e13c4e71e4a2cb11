"""stub"""

from components import ui

ctx = ui.page_context("add_report")
ui.finish_page(ctx)
