"""H200 China Tracker: the router. Page config and navigation only; the pages live in pages/<name>/."""

from components.ui.router import build_navigation

build_navigation().run()
