"""Watch the news: feeds and links -> drafted candidate reports in an inbox beside ``seeds/``.

Nothing here writes ``seeds/``: a person accepts, merges or dismisses each candidate on the
Inbox page. Modules, one job each: ``config`` (feeds.yaml, folders), ``fetch`` (the safe
fetcher), ``feeds`` (RSS/Atom), ``relevance``, ``inbox`` (the folder), ``run`` (one pass);
``python -m data.watch --once`` runs it. Import the modules directly: this package imports
nothing, so ``data.load`` can use ``data.watch.config`` without pulling in httpx or feedparser.
"""
