"""End sign-in sessions on every replica: ``python -m server.revoke ...``.

Writes the shared revocation list (``server/revocation.py``) that every replica's gate reads at
the next request or websocket message. Examples::

    python -m server.revoke --subject 1234567890 --issuer https://accounts.google.com
    python -m server.revoke --email ana@example.com     # every session with that address
    python -m server.revoke --everyone                  # everybody signs in again
    python -m server.revoke --list

Each form ends the sessions signed *before now*; signing in again afterwards works (remove the
person from ``[access]`` to keep them out). ``--file`` or ``H200_REVOCATION_FILE`` picks the file;
the default is ``state/revoked-sessions.json`` beside the seeds folder (``H200_SEEDS_DIR``).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from components.access import normalise_email
from server.revocation import RevocationList, default_path


def _when(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _list(revocations: RevocationList) -> str:
    current = revocations.current()
    lines = [f"revocation list: {revocations.path}"]
    if current.everyone_before:
        lines.append(f"  everyone signed in before {_when(current.everyone_before)}")
    lines += [f"  {sub} at {iss}, signed in before {_when(before)}" for iss, sub, before in current.subjects]
    lines += [f"  {email}, signed in before {_when(before)}" for email, before in current.emails]
    lines.append(f"  {len(current.sessions)} single session(s) ended by signing out")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.revoke", description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--subject", help="the provider's subject (sub claim) of one account; needs --issuer")
    what.add_argument("--email", help="every session whose e-mail claim is this address")
    what.add_argument("--everyone", action="store_true", help="every session: everybody signs in again")
    what.add_argument("--list", action="store_true", help="show what the list holds")
    parser.add_argument("--issuer", help="the provider's issuer URL (iss claim), with --subject")
    parser.add_argument("--file", type=Path, help="the revocation file (default: beside the seeds)")
    args = parser.parse_args(argv)
    revocations = RevocationList(args.file or default_path())
    try:
        if args.list:
            print(_list(revocations))
            return 0
        now = time.time()
        if args.subject is not None:
            if not args.issuer:
                parser.error("--subject needs --issuer (an identity is the issuer and the subject together)")
            revocations.end_subject(args.issuer, args.subject, now=now)
            done = f"sessions of {args.subject} at {args.issuer}"
        elif args.email is not None:
            email = normalise_email(args.email)
            if email is None:
                parser.error(f"{args.email!r} is not an e-mail address")
            revocations.end_email(email, now=now)
            done = f"sessions of {email}"
        else:
            revocations.end_everyone(now=now)
            done = "every session"
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Ended {done} signed in before {_when(now)} (file: {revocations.path}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
