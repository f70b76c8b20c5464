"""The command line: ``python -m painmap <command>`` (see ``--help``).

Exit codes: 0 done, 1 the atlas is broken (``validate``), 2 a bad argument.
"""

from __future__ import annotations

import argparse
import json
import sys

from painmap.atlas import ROOT, read_atlas
from painmap.contract import VIEW_IDS
from painmap.errors import AtlasError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, exit 2, as the contract says
        print(f"painmap: {message}", file=sys.stderr)
        raise SystemExit(2)


def _load():
    from painmap.atlas import load_atlas

    try:
        return load_atlas()
    except AtlasError as err:
        print("painmap: the atlas is broken; run `python -m painmap validate`", file=sys.stderr)
        for problem in err.problems[:5]:
            print(f"  {problem}", file=sys.stderr)
        raise SystemExit(1) from None


def cmd_validate(args) -> int:
    try:
        atlas = read_atlas(args.root or ROOT)
    except AtlasError as err:
        for problem in err.problems:
            print(problem)
        print(f"{len(err.problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"atlas {atlas.version}: {len(VIEW_IDS)} views sound")
    return 0


def cmd_landmarks(args) -> int:
    frame = _load().landmarks(args.view, side=args.side)
    if args.json:
        json.dump(frame.to_dict(orient="records"), sys.stdout)
        print()
    else:
        print(frame.to_string(index=False))
    return 0


def cmd_sheet(args) -> int:
    from painmap.sheet import write_contact_sheet

    path = write_contact_sheet(_load(), args.out)
    print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m painmap", description="PainMap: foot and calf pain map.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="check maps/ and data/; exit 1 naming each fault")
    p.add_argument("--root", help="a project folder other than this one")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("landmarks", help="list the landmarks of the atlas")
    p.add_argument("--view", choices=VIEW_IDS)
    p.add_argument("--side", choices=("right", "left"), default="right")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_landmarks)

    p = sub.add_parser("sheet", help="write a contact sheet of every view, both sides (PNG)")
    p.add_argument("--out", default="docs/atlas.png")
    p.set_defaults(run=cmd_sheet)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)
