"""Imports point down: the layers of the portal, written once, and the imports that still break them.

Bottom first; a module may import its own app and the layers below it, never an app beside it or above:

    site        home and static pages, sitemaps, the site search page, place pages, demo loader, bench, URLs
    accounts    the user, profile, cabinet
    contests  curation
    events  library  lessons
    practices
    core        places, organizations, topics, files, the search engine, facets, bases, e-mail, CSV, PDF

Until ``portal/`` is split into ``core/`` and ``site/`` (issue 14), its shell modules count as "site" and
the rest as "core". KNOWN_UPWARD and KNOWN_CIRCLES list what the code does today that the layers forbid:
they may only shrink. A new upward import or circle fails, and so does an entry that no longer happens,
so the list always says exactly what is left to move.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [{"core"}, {"practices"}, {"events", "library", "lessons"}, {"contests", "curation"}, {"accounts"}, {"site"}]
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}
APPS = ["portal", "practices", "events", "library", "lessons", "contests", "curation", "accounts"]
SITE_MODULES = (
    "portal.urls",
    "portal.site_urls",
    "portal.views",
    "portal.sitemaps",
    "portal.search_views",
    "portal.geography_views",
    "portal.sample_content",
    "portal.sample_learning",
    "portal.sample_records",
    "portal.sample_files",
    "portal.context_processors",
    "portal.settings",
    "portal.wsgi",
    "portal.management.commands.bench",
    "portal.management.commands.load_sample_content",
)

# Imports that point up or sideways today, as (importing module, imported module).
KNOWN_UPWARD = {
    # E-mail to users lives in accounts; the apps below need it (it belongs in core).
    ("contests.decisions", "accounts.emails"),
    ("contests.entries", "accounts.emails"),
    ("contests.jury_views", "accounts.emails"),
    ("events.calendar", "accounts.emails"),
    ("events.registration", "accounts.emails"),
    ("practices.proposals", "accounts.emails"),
    ("events.forms", "accounts.forms"),
    ("practices.urls", "accounts.views"),
    # The search engine and facets in core know the apps, instead of a registry the apps fill in.
    ("portal.apps", "curation.search"),
    ("portal.apps", "events.search"),
    ("portal.apps", "lessons.search"),
    ("portal.apps", "library.search"),
    ("portal.apps", "practices.search"),
    ("portal.facets", "curation.links"),
    ("portal.search.service", "practices.models"),
    ("portal.search.signals", "practices.models"),
    ("portal.search.signals", "practices.search"),
    # Topics (sectors, audiences) live in practices; the reference data in core loads them.
    ("portal.management.commands.load_reference_data", "practices.models"),
    ("practices.views", "events.models"),
}
# Groups of modules that import each other, directly or round about.
KNOWN_CIRCLES = set()


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield _module_name(path), path


MODULES = dict(_modules())


def _resolve(name):
    """The project module an import names (``from x.y import z`` may name module x.y.z or a name in x.y)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module, path):
    """Every project module this one imports, at the top or inside a function (a lazy import is still one)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        found.update(target for target in map(_resolve, names) if target and target != module)
    return found


GRAPH = {module: _imports(module, path) for module, path in MODULES.items()}


def layer(module):
    app = module.split(".")[0]
    if app == "portal":
        return "site" if module.startswith(SITE_MODULES) else "core"
    return app


def _allowed(importer, imported):
    mine, theirs = layer(importer), layer(imported)
    return mine == theirs or LAYER_OF[theirs] < LAYER_OF[mine]


def _circles():
    """Strongly connected groups of two or more modules (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), set()

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.add(frozenset(group))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return groups


def test_every_module_is_read():
    assert {"portal.models", "practices.models", "contests.models", "accounts.views"} <= set(MODULES)
    assert "practices.models.media" in GRAPH["events.models"]


def test_imports_point_down_only():
    upward = {(importer, imported) for importer, targets in GRAPH.items() for imported in targets}
    upward = {pair for pair in upward if not _allowed(*pair)}
    assert sorted(upward - KNOWN_UPWARD) == [], "new imports that point up or sideways"
    assert sorted(KNOWN_UPWARD - upward) == [], "fixed: remove these from KNOWN_UPWARD"


def test_no_import_circles():
    circles = _circles()
    assert sorted(map(sorted, circles - KNOWN_CIRCLES)) == [], "new import circles"
    assert sorted(map(sorted, KNOWN_CIRCLES - circles)) == [], "fixed: remove these from KNOWN_CIRCLES"
