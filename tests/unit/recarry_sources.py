"""The tracker sources the duplicate-check tests name, in one place (the ids of seeds/sources/*.yaml),
and where the real-article fixtures live. Shared by tests/unit/test_draft_recarry*.py so the same
id is not spelled out in every file."""

from __future__ import annotations

from pathlib import Path

from data.draft import story

REAL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real_articles"

BUDGET = "2025-12-31-scmp-bytedance-nvidia-spend-2026"
CLEARED = "2026-05-14-reuters-us-clears-ten-chinese-h200-buyers"
CUSTOMS = "2026-01-14-reuters-china-customs-blocks-h200"
DEEPSEEK = "2026-01-30-reuters-deepseek-conditional-h200-approval"
FIRST_BATCH = "2026-01-28-reuters-china-approves-first-h200-batch"
FT_LIMITS = "2025-12-09-cryptews-ft-china-to-limit-h200-access"
LIMITED_USE = "2026-01-08-bloomberg-china-to-approve-h200-limited-use"
LUTNICK = "2025-11-24-trt-world-lutnick-h200-decision-trump"
NONE_SO_FAR = "2026-02-24-reuters-no-h200-delivered-to-china"
ORDERS = "2025-12-31-newsbytes-reuters-china-h200-orders-2m"
PAUSE = "2026-01-07-the-information-beijing-pauses-h200-orders"
PREPAY = "2026-01-08-reuters-nvidia-demands-upfront-payment"
REVIEW_OPENS = "2025-12-18-scmp-reuters-us-h200-interagency-review"
REVIEW_STALLS = "2026-02-04-ft-us-security-review-stalls-h200"
RULE = "2026-01-15-federal-register-bis-h200-export-rule"
SEED_REPORT = "2026-01-28-seed-report-china-clears-first-h200-imports"
STOCK = "2025-12-22-heise-reuters-h200-first-shipments-from-stock"
TERMS = "2026-02-10-reuters-lutnick-nvidia-licence-terms"
TRUMP_GO_AHEAD = "2025-12-09-anadolu-trump-allows-h200-china"
SCMP_BATCH = "2026-01-28-scmp-china-clears-first-h200-orders"
GATEKEEPER = "2025-12-15-arnold-porter-doj-operation-gatekeeper"


def told(text: str, real_seeds) -> story.TextStory:
    """What the drafter reads from a short test text against the real seeds."""
    return story.read_text(story.story_index(real_seeds), text)
