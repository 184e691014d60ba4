"""The `kg` command line: parse arguments, call plain functions, render errors as one line.

Every command imports its stage lazily, so `kg --help` and `kg query` never load spaCy or pyvis.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg import __version__
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build an RDF knowledge graph of who does what to whom from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DEFAULT_GRAPH = Path("output/graph.ttl")
DEFAULT_PAGE = Path("output/graph.html")

GraphOption = Annotated[
    Path, typer.Option("-g", "--graph", help="Graph file (any RDF format) or kg store folder.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Build an RDF knowledge graph of who does what to whom from news articles."""


@app.command()
def build(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Files (.txt, .md) and folders to read. Default: seeds/."),
    ] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Graph file to write.")] = DEFAULT_GRAPH,
    fmt: Annotated[
        str | None,
        typer.Option(
            "-f",
            "--format",
            help="turtle, ntriples, nquads, trig or jsonld. Default: from the file extension.",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="An installed spaCy pipeline to add its parser and NER, e.g. en_core_web_sm."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("-j", "--jobs", min=1, help="Extract in this many processes.")
    ] = 1,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Extract every document again, not only new ones.")
    ] = False,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards",
            file_okay=False,
            help="Write one N-Quads file per document into this folder (for `kg load`) instead.",
        ),
    ] = None,
    validate: Annotated[
        bool,
        typer.Option("--validate/--no-validate", help="Check new documents against the shapes."),
    ] = True,
) -> None:
    """Read news articles and write their knowledge graph (incrementally, into a store)."""
    from kg.build import build as run_build

    summary = run_build(
        inputs or [Path("seeds")],
        out,
        fmt=fmt,
        model=model,
        jobs=jobs,
        rebuild=rebuild,
        shards=shards,
        validate=validate,
    )
    for line in summary.lines():
        typer.echo(line)
    if not summary.conforms:
        raise KgError(f"the graph does not conform to the shapes ({summary.violations} violations)")


@app.command()
def load(
    shards: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", file_okay=False, help="Folder written by `kg build --shards`."
        ),
    ],
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Graph file to export; its store is beside it.")
    ] = DEFAULT_GRAPH,
    fmt: Annotated[
        str | None, typer.Option("-f", "--format", help="Export format. Default: from -o.")
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option("--store", file_okay=False, help="Load into this store folder; no export."),
    ] = None,
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", help="Send the shards to this SPARQL Graph Store endpoint."),
    ] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Load every shard again.")] = False,
) -> None:
    """Bulk-load shards into the store beside -o (and export), a store folder, or a server."""
    from kg.shards import load as run_load

    for line in run_load(shards, out, fmt=fmt, store=store, endpoint=endpoint, rebuild=rebuild):
        typer.echo(line)


@app.command()
def query(
    query_file: Annotated[
        Path | None, typer.Argument(metavar="QUERY.rq", help="SPARQL query file.")
    ] = None,
    query_text: Annotated[
        str | None, typer.Option("-q", "--query", help="Run this query text instead of a file.")
    ] = None,
    graph: GraphOption = DEFAULT_GRAPH,
    fmt: Annotated[
        str,
        typer.Option(
            "-f",
            "--format",
            help="table, csv, tsv, json, xml; for CONSTRUCT/DESCRIBE: turtle, ntriples, jsonld.",
        ),
    ] = "table",
    bind: Annotated[
        list[str] | None,
        typer.Option(
            "--bind",
            metavar="NAME=VALUE",
            help="Pre-bind a variable to <iri>, a prefixed name (ent:OpenAI) or a literal.",
        ),
    ] = None,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote", help="Allow SERVICE calls and FROM / FROM NAMED in the query."
        ),
    ] = False,
) -> None:
    """Run a read-only SPARQL query against a graph and print the result."""
    from kg.results import check_format, format_result
    from kg.sparql import parse_binding, query_graph, read_query

    check_format(fmt)
    text, source = read_query(query_file, query_text)
    bindings = dict(parse_binding(b) for b in bind or [])
    result = query_graph(graph, text, source=source, bindings=bindings, allow_remote=allow_remote)
    typer.echo(format_result(result, fmt), nl=False)


@app.command()
def validate(graph: GraphOption = DEFAULT_GRAPH) -> None:
    """Check a graph against ontology/shapes.ttl (SHACL); exit 1 if it does not conform."""
    from kg.errors import GraphError
    from kg.validate import format_report
    from kg.validate import validate as run_validate

    report = run_validate(graph)
    for line in format_report(report):
        typer.echo(line)
    if not report.conforms:
        count = len(report.violations)
        raise GraphError(
            f"does not conform: {count} violation{'' if count == 1 else 's'}", path=graph
        )


@app.command()
def ontology(
    out: Annotated[Path, typer.Option("-o", "--out", help="File to write; format from extension.")],
    fmt: Annotated[
        str | None,
        typer.Option("-f", "--format", help="turtle, ntriples, nquads, trig or jsonld."),
    ] = None,
) -> None:
    """Write the kg vocabulary (ontology/kg.ttl) in any export format."""
    from kg.ontology import write_vocabulary

    typer.echo(f"wrote {write_vocabulary(out, fmt)}")


@app.command()
def push(
    endpoint: Annotated[
        str, typer.Option("--endpoint", help="SPARQL 1.1 Graph Store endpoint URL.")
    ],
    graph: Annotated[
        Path, typer.Option("-g", "--graph-file", help="Graph file or kg store folder to send.")
    ] = DEFAULT_GRAPH,
    target: Annotated[
        str | None,
        typer.Option(
            "--graph",
            metavar="IRI",
            help="Graph IRI to write into ('default' for the default graph); "
            "without it the whole dataset is sent.",
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the graph (PUT) instead of adding (POST).")
    ] = False,
) -> None:
    """Send the graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
    from kg.push import push as run_push

    typer.echo(run_push(graph, endpoint, graph_iri=target, replace=replace).line())


@app.command(name="eval")
def evaluate(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD.jsonl", help="Gold relations, one JSON line each.")
    ],
    model: Annotated[
        str | None, typer.Option(help="An installed spaCy pipeline, as for `kg build`.")
    ] = None,
    by_tag: Annotated[
        bool,
        typer.Option(
            "--by-tag",
            help="Print only recall and false positives per gold tag (construction or trap), "
            "no line ids or texts: safe on a held-out set.",
        ),
    ] = False,
) -> None:
    """Measure extraction against gold: precision, recall, F1 per relation; exit 1 below target."""
    from kg.evaluate import evaluate as run_evaluate
    from kg.evaluate import format_report, format_tags, meets_targets
    from kg.ontology import load_ontology

    report = run_evaluate(gold, load_ontology(), model=model)
    typer.echo(format_tags(report) if by_tag else format_report(report))
    if missed := meets_targets(report):
        raise KgError(f"below target: {'; '.join(missed)}", path=gold)


@app.command()
def viz(
    graph: GraphOption = DEFAULT_GRAPH,
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML page to write.")] = DEFAULT_PAGE,
    title: Annotated[
        str | None, typer.Option("--title", help='Page title. Default: "kg — " + graph file name.')
    ] = None,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the page in the default browser.")
    ] = False,
) -> None:
    """Write an interactive HTML page of the graph: one self-contained file, no network."""
    from kg.render import render

    page = render(graph, out, title=title)
    typer.echo(
        f"wrote {page.path} ({page.entities} entities, {page.relations} relations, "
        f"{page.size // 1024} KiB)"
    )
    if open_page:
        import webbrowser

        webbrowser.open(page.path.resolve().as_uri())


def main() -> None:
    """Console entry point: run the app and turn every expected failure into one line."""
    args = sys.argv[1:] or ["--help"]
    try:
        code = app(args, prog_name="kg", standalone_mode=False)
    except KgError as err:
        _fail(str(err), err.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.TyperException as err:
        _fail(err.format_message(), err.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail("aborted", 130)
    if isinstance(code, int) and code:
        sys.exit(code)  # click returns, rather than raises, typer.Exit(code) here


def _fail(message: str, code: int) -> None:
    typer.echo(f"kg: error: {' '.join(message.split())}", err=True)
    sys.exit(code)
