"""Who a save is recorded under (data.safe_save stamps it into the file and the audit log)."""

from __future__ import annotations

from components import auth
from data.safe_save import LOCAL_EDITOR


def editor_identity() -> str:
    """The signed-in user's e-mail, or "local editor" when sign-in is off (nobody signs in)."""
    return auth.current_user_email() or LOCAL_EDITOR
