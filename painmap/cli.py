"""The command line: ``python -m painmap <command>`` (see ``--help``).

Exit codes: 0 done, 1 the atlas is broken (``validate``), 2 a bad argument.
"""

from __future__ import annotations

import argparse
import json
import sys

from painmap.atlas import ROOT, read_atlas
from painmap.contract import VIEW_IDS
from painmap.describe import describe
from painmap.errors import AtlasError
from painmap.knowledge import cited_sources
from painmap.progress.commands import add_parser as add_log_parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


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
    k = atlas.knowledge
    print(
        f"atlas {atlas.version}: {len(VIEW_IDS)} views, {len(k.patterns)} patterns, "
        f"{len(atlas.zones)} zones, {len(k.sources)} sources, {len(k.symptoms)} symptoms: sound"
    )
    return 0


def cmd_landmarks(args) -> int:
    frame = _load().landmarks(args.view, side=args.side)
    if args.json:
        json.dump(frame.to_dict(orient="records"), sys.stdout)
        print()
    else:
        print(frame.to_string(index=False))
    return 0


def cmd_patterns(args) -> int:
    frame = _load().knowledge.patterns_frame()
    if args.json:
        json.dump(frame[["id", "kind", "name"]].to_dict(orient="records"), sys.stdout)
        print()
    else:
        print(frame[["id", "kind", "name"]].to_string(index=False))
    return 0


def cmd_show(args) -> int:
    atlas = _load()
    if args.id not in atlas.patterns:
        print(f"painmap: unknown pattern {args.id!r}; see `python -m painmap patterns`",
              file=sys.stderr)  # fmt: skip
        return 2
    if not args.json:
        print(describe(atlas, args.id))
        return 0
    pattern = atlas.patterns[args.id]
    zones = atlas.zones[atlas.zones.pattern_id == args.id]
    document = pattern.model_dump(mode="json", exclude={"zones"})
    document["zones"] = [
        {"view": z.view, "role": z.role, "area_mm2": round(z.area, 1)} for z in zones.itertuples()
    ]
    cited = sorted({s for _, s in cited_sources(pattern)})
    document["source_details"] = [atlas.knowledge.sources[s].model_dump(mode="json") for s in cited]
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def _result_rows(results, top):
    rows = results.head(top) if top else results
    return [
        {"id": r.id, "kind": r.kind, "name": r.name, "score": r.score, "reasons": r.reasons}
        for r in rows.itertuples()
    ]


def cmd_match(args) -> int:
    from painmap.matching import analyse
    from painmap.notation import parse_area, parse_mark

    atlas = _load()
    try:
        marks = [parse_mark(m, atlas, args.side) for m in args.mark]
        marks += [parse_area(a) for a in args.area]
        analysis = analyse(atlas, marks, args.symptom, side=args.side)
    except ValueError as err:
        print(f"painmap: {err}", file=sys.stderr)
        return 2
    symptoms = atlas.knowledge.symptoms
    if args.json:
        document = {
            "results": _result_rows(analysis.results, args.top),
            "red_flags": analysis.red_flags,
            "unmatched_marks": analysis.unmatched_marks,
            "unmatched_areas": analysis.unmatched_areas,
            "warnings": [symptoms[f].message for f in analysis.red_flags],
        }
        json.dump(document, sys.stdout, ensure_ascii=False)
        print()
        return 0
    for flag in analysis.red_flags:
        print(f"WARNING: {symptoms[flag].message}\n")
    for n in analysis.unmatched_marks:
        print(f"Mark {n} is off the body: it matches nothing.")
    for n in analysis.unmatched_areas:
        print(f"Area {n} is off the body: it matches nothing.")
    for rank, row in enumerate(_result_rows(analysis.results, args.top), start=1):
        print(
            f"{rank:2}. {row['name']} ({row['kind'].replace('_', ' ')})  score {row['score']:.2f}"
        )
        for reason in row["reasons"]:
            print(f"      - {reason}")
    print("\nPainMap informs and explains; it does not diagnose.")
    return 0


def cmd_export(args) -> int:
    from pathlib import Path

    from painmap.export import ENDINGS, export, format_of
    from painmap.matching import check_symptoms
    from painmap.notation import parse_area, parse_mark
    from painmap.session_file import Session

    fmt = format_of(args.out)
    if args.handout and fmt not in ("pdf", "fhir"):
        print(
            f"painmap: a handout is a PDF, or goes inside a FHIR file; end the file name with "
            f".pdf or .fhir.json, not {args.out!r}",
            file=sys.stderr,
        )
        return 2
    if fmt is None:
        endings = ", ".join("." + e for e in ENDINGS.values())
        print(
            f"painmap: cannot tell the format from {args.out!r}; end the file name with {endings}",
            file=sys.stderr,
        )
        return 2
    atlas = _load()
    try:
        items = [parse_mark(m, atlas, args.side) for m in args.mark]
        items += [parse_area(a) for a in args.area]
        unknown = [p for p in args.highlight if p not in atlas.patterns]
        if unknown:
            raise ValueError(f"unknown pattern id(s): {', '.join(unknown)}")
        session = Session(
            side=args.side, view=args.view if args.view != "all" else "plantar",
            items=tuple(items), symptoms=tuple(check_symptoms(atlas, args.symptom)),
            note=args.note or "",
        )  # fmt: skip
    except ValueError as err:
        print(f"painmap: {err}", file=sys.stderr)
        return 2
    handout = None
    if args.handout:
        from painmap.handout import handout_pdf

        handout = handout_pdf(atlas, session)
    if fmt == "pdf" and handout is not None:
        data = handout
    else:
        shown = args.highlight or None
        data = export(atlas, session, fmt, view=args.view, highlight=shown, handout=handout)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


def cmd_bench(args) -> int:
    from painmap.bench import run, run_exports, run_fhir

    if args.exports:
        run_exports(_load())
    elif args.fhir:
        run_fhir(_load())
    else:
        run(_load(), clicks=args.clicks)
    return 0


def cmd_sheet(args) -> int:
    from painmap import sheet

    atlas = _load()
    fig = sheet.pattern_sheet(atlas) if args.patterns else sheet.contact_sheet(atlas)
    print(f"wrote {sheet.write_sheet(fig, args.out)}")
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

    p = sub.add_parser("patterns", help="list every pattern: id, kind, name")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_patterns)

    p = sub.add_parser("show", help="everything known of one pattern, with its sources")
    p.add_argument("id", help="a pattern id (see `patterns`)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("match", help="rank the patterns that fit marks, areas and symptoms")
    p.add_argument("--side", choices=("right", "left"), default="right")
    p.add_argument(
        "--mark",
        action="append",
        default=[],
        metavar="VIEW:X,Y|VIEW:LANDMARK",
        help="a pain mark (repeatable); add @N for its intensity 0-10",
    )
    p.add_argument(
        "--area",
        action="append",
        default=[],
        metavar='"VIEW:X1,Y1 X2,Y2 ..."',
        help="a painful area, a polygon of at least 3 points (repeatable)",
    )
    p.add_argument(
        "--symptom",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="symptom ids (see data/symptoms.yaml)",
    )
    p.add_argument("--top", type=_positive, metavar="N", help="show the N best only")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_match)

    p = sub.add_parser(
        "export", help="write an annotated PNG, SVG, PDF, HTML, a session JSON or a FHIR file"
    )
    p.add_argument("--out", required=True, help="the file; its ending chooses the format")
    p.add_argument("--view", choices=(*VIEW_IDS, "all"), default="all")
    p.add_argument("--side", choices=("right", "left"), default="right")
    p.add_argument("--mark", action="append", default=[], metavar="VIEW:X,Y|VIEW:LANDMARK")
    p.add_argument("--area", action="append", default=[], metavar='"VIEW:X1,Y1 X2,Y2 ..."')
    p.add_argument("--symptom", nargs="+", action="extend", default=[], metavar="ID")
    p.add_argument(
        "--highlight",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="pattern ids to draw (default: the three best matches)",
    )
    p.add_argument("--note", help="a note for the session, printed on the export")
    p.add_argument(
        "--handout",
        action="store_true",
        help="a 1 to 2 page PDF handout for a client instead (in a .fhir.json: inside it)",
    )
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("bench", help="time matching: figures printed, nothing asserted")
    p.add_argument("--clicks", type=_positive, default=1000, help="random clicks to time")
    p.add_argument("--exports", action="store_true", help="time PNG and PDF exports instead")
    p.add_argument("--fhir", action="store_true", help="time the FHIR file, written and read")
    p.set_defaults(run=cmd_bench)

    p = sub.add_parser("sheet", help="write a sheet of every view, both sides, as a PNG")
    p.add_argument("--out", default="docs/atlas.png")
    p.add_argument("--patterns", action="store_true", help="every pattern on its views instead")
    p.set_defaults(run=cmd_sheet)

    add_log_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        sys.stderr.close()
        return 0
