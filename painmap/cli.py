"""The command line: ``python -m painmap <command>`` (see ``--help``).

Exit codes: 0 done, 1 the atlas is broken (``validate``), 2 a bad argument.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from painmap.atlas import ROOT, read_atlas
from painmap.clinical import CASES_FILE
from painmap.contract import NOT_ON_LIST, VIEW_IDS
from painmap.describe import describe
from painmap.errors import AtlasError, os_reason
from painmap.knowledge import cited_sources
from painmap.plain import terminal
from painmap.progress.commands import add_parser as add_log_parser
from painmap.triage import check_first
from painmap.vocabulary import PLANTAR, Side
from painmap.wording import LIST_TITLES, NOT_ON_LIST_WORDS, counted, noun, percent, set_aside_line


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
        print(f"painmap: {terminal(message)}", file=sys.stderr)
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
    if args.root and not Path(args.root).is_dir():
        print(
            f"painmap: --root must name a folder; {terminal(args.root)} is not one", file=sys.stderr
        )
        return 1
    try:
        atlas = read_atlas(args.root or ROOT)
    except AtlasError as err:
        for problem in err.problems:
            print(problem)
        print(f"{counted(len(err.problems), 'problem')} found", file=sys.stderr)
        return 1
    k, layer = atlas.knowledge, atlas.muscle_layer()
    print(
        f"atlas {atlas.version}: {len(VIEW_IDS)} views, {len(k.patterns)} patterns, "
        f"{len(atlas.zones)} zones, {len(layer.muscles)} muscle outlines, "
        f"{len(layer.tendons)} tendons, {len(k.sources)} sources, {len(k.symptoms)} symptoms: "
        "sound"
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
        print(
            f"painmap: unknown pattern {args.id!r}; see `python -m painmap patterns`",
            file=sys.stderr,
        )
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


def _result_rows(analysis, top):
    rows = analysis.results
    if top:
        rows = rows.groupby("list", sort=False).head(top)
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "name": r.name,
            "score": r.score,
            "list": r.list,
            "rank": r.rank,
            "probability": r.probability,
            "likelihood": r.likelihood,
            "tied": bool(r.tied),
            "first": bool(r.first),
            "reasons": r.reasons,
            "factors": r.factors,
            "prior": r.prior,
        }
        for r in rows.itertuples()
    ]


def _press(text: str) -> tuple[str, bool]:
    pid, _, answer = text.partition("=")
    if answer not in ("yes", "no"):
        raise argparse.ArgumentTypeError(f"{text!r}: give ID=yes or ID=no")
    return pid, answer == "yes"


def cmd_match(args) -> int:
    from painmap.matching import analyse
    from painmap.next_question import best_question
    from painmap.notation import parse_area, parse_mark

    atlas = _load()
    try:
        marks = [parse_mark(m, atlas, args.side) for m in args.mark]
        marks += [parse_area(a) for a in args.area]
        analysis = analyse(
            atlas,
            marks,
            args.symptom,
            side=args.side,
            absent=args.no_symptom,
            pressed=dict(args.press),
        )
    except ValueError as err:
        print(f"painmap: {terminal(str(err))}", file=sys.stderr)
        return 2
    symptoms = atlas.knowledge.symptoms
    first = check_first(atlas, analysis.red_flags)
    question = best_question(atlas, analysis)
    if args.json:
        document = {
            "check_first": first,
            "results": _result_rows(analysis, args.top),
            "red_flags": analysis.red_flags,
            "unmatched_marks": analysis.unmatched_marks,
            "unmatched_areas": analysis.unmatched_areas,
            "warnings": [symptoms[f].message for f in analysis.red_flags],
            "not_on_list": analysis.not_on_list,
            "set_aside": analysis.ruled_out,
            "first": analysis.first,
            "totals": analysis.totals,
            "next_question": question
            and {
                "ask": question.question,
                "options": list(question.options),
                "why": question.why,
                "bits": question.gain,
            },
        }
        json.dump(document, sys.stdout, ensure_ascii=False)
        print()
        return 0
    for flag in analysis.red_flags:
        print(f"WARNING: {symptoms[flag].message}\n")
    if first:
        print(first + "\n")
    for n in analysis.unmatched_marks:
        print(f"Mark {n} is off the body: it matches nothing.")
    for n in analysis.unmatched_areas:
        print(f"Area {n} is off the body: it matches nothing.")
    rows = _result_rows(analysis, args.top)
    for name, title in LIST_TITLES.items():
        print(f"{title}:")
        if analysis.first.get(name) == NOT_ON_LIST:
            print(f"   {NOT_ON_LIST_WORDS}: first, for safety")
        for row in (r for r in rows if r["list"] == name):
            tie = ", equally likely as its neighbour" if row["tied"] else ""
            safety = ", first for safety until ruled out" if row["first"] else ""
            print(
                f"{row['rank']:3}. {row['name']}: {row['likelihood']} "
                f"({percent(row['probability'])}{tie}{safety})"
            )
            for reason in row["reasons"]:
                print(f"      - {reason}")
        print(f"     {NOT_ON_LIST_WORDS}: {percent(analysis.not_on_list[name])}\n")
    aside = set_aside_line(atlas, analysis.ruled_out)
    if aside:
        print(aside + "\n")
    if question:
        print(f"A question that would help: {question.question} {question.why}\n")
    print("PainMap informs and explains; it does not diagnose.")
    return 0


def cmd_export(args) -> int:
    from painmap.export import ENDINGS, export, format_of
    from painmap.matching import check_symptoms
    from painmap.notation import parse_area, parse_mark
    from painmap.session import Session

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
    if Path(args.out).is_dir():
        print(
            f"painmap: --out names a folder ({terminal(args.out)}); give a file name",
            file=sys.stderr,
        )
        return 2
    atlas = _load()
    try:
        items = [parse_mark(m, atlas, args.side) for m in args.mark]
        items += [parse_area(a) for a in args.area]
        unknown = [p for p in args.highlight if p not in atlas.patterns]
        if unknown:
            raise ValueError(f"unknown pattern {noun(len(unknown), 'id')}: {', '.join(unknown)}")
        session = Session(
            side=args.side,
            view=args.view if args.view != "all" else PLANTAR,
            items=tuple(items),
            symptoms=tuple(check_symptoms(atlas, args.symptom)),
            note=args.note or "",
        )
    except ValueError as err:
        print(f"painmap: {terminal(str(err))}", file=sys.stderr)
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
    try:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_bytes(data)
    except OSError as err:
        with contextlib.suppress(OSError):  # no half-written file left behind
            Path(args.out).unlink(missing_ok=True)
        print(f"painmap: cannot write {terminal(args.out)}: {os_reason(err)}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


def cmd_bench(args) -> int:
    from painmap.bench import run, run_exports, run_fhir

    repeats = {"repeats": args.repeats} if args.repeats else {}
    if args.clinical:
        from painmap.clinical import evaluate, load_cases, report

        print(report(evaluate(_load(), load_cases(args.cases))))
    elif args.exports:
        run_exports(_load(), **repeats)
    elif args.fhir:
        run_fhir(_load(), **repeats)
    else:
        run(_load(), clicks=args.clicks)
    return 0


def cmd_sheet(args) -> int:
    from painmap import sheet

    atlas = _load()
    if args.patterns:
        fig = sheet.pattern_sheet(atlas)
    elif args.muscles:
        fig = sheet.muscle_sheet(atlas)
    else:
        fig = sheet.contact_sheet(atlas)
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
    p.add_argument("--side", choices=(Side.RIGHT, Side.LEFT), default=Side.RIGHT)
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
    p.add_argument("--side", choices=(Side.RIGHT, Side.LEFT), default=Side.RIGHT)
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
        help="symptom ids answered yes (see data/symptoms.yaml)",
    )
    p.add_argument(
        "--no-symptom",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="symptom ids asked and answered no",
    )
    p.add_argument(
        "--press",
        action="append",
        type=_press,
        default=[],
        metavar="ID=yes|no",
        help="whether pressing a muscle's trigger-point site reproduced the pain (repeatable)",
    )
    p.add_argument("--top", type=_positive, metavar="N", help="show the N best of each list")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_match)

    p = sub.add_parser(
        "export", help="write an annotated PNG, SVG, PDF, HTML, a session JSON or a FHIR file"
    )
    p.add_argument("--out", required=True, help="the file; its ending chooses the format")
    p.add_argument("--view", choices=(*VIEW_IDS, "all"), default="all")
    p.add_argument("--side", choices=(Side.RIGHT, Side.LEFT), default=Side.RIGHT)
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
    p.add_argument(
        "--clinical",
        action="store_true",
        help="run the clinical cases instead: top-1, top-3, reciprocal rank, ties, calibration",
    )
    p.add_argument("--cases", default=CASES_FILE, help="a clinical cases file (YAML)")
    p.add_argument("--fhir", action="store_true", help="time the FHIR file, written and read")
    p.add_argument(
        "--repeats",
        type=_positive,
        help="how many times each export or FHIR file is timed (fewer: quicker, rougher)",
    )
    p.set_defaults(run=cmd_bench)

    p = sub.add_parser("sheet", help="write a sheet of every view (both sides, and the muscles)")
    p.add_argument("--out", default="docs/atlas.png")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--patterns", action="store_true", help="every pattern on its views instead")
    which.add_argument(
        "--muscles", action="store_true", help="every muscle with its knots and pain instead"
    )
    p.set_defaults(run=cmd_sheet)

    add_log_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and exit 2, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("painmap: stopped", file=sys.stderr)
        return 2
    except Exception as err:
        print(f"painmap: {args.command} failed: {failure(err)}", file=sys.stderr)
        return 1 if args.command == "validate" else 2


def failure(err: Exception) -> str:
    """What went wrong, in plain words: a browser, a file or a database, not Python's names."""
    import subprocess

    if isinstance(err, FileNotFoundError) and err.errno is None:  # ours: no browser found
        return terminal(str(err))
    if isinstance(err, (subprocess.CalledProcessError, subprocess.TimeoutExpired)):
        return "Chromium could not print the handout (is it installed and working?)"
    if isinstance(err, OSError):
        where = f" ({terminal(err.filename)})" if getattr(err, "filename", None) else ""
        return f"a file could not be used{where}: {os_reason(err)}"
    if "kaleido" in type(err).__module__ or "choreographer" in type(err).__module__:
        return "Chromium could not draw the image (is it installed and working?)"
    return "an unexpected fault; run it again, and report it if it stays"
