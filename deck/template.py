"""Read an institution's slide template (.pptx or .potx) into a `Theme` the planner can measure against.

Standard library only (zip and ElementTree): planning, --check and course builds that have
nothing to do must not load python-pptx. What is read: the slide size; the layouts lecturekit
needs, found by name, each placeholder's box (inherited from the master where the layout does
not move it); the type sizes and bullet indents of the master's text styles; the theme fonts,
each measured with its metric twin (Calibri with Carlito, Arial with Liberation Sans...).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from lecturekit.errors import Diagnostic, LessonError
from lecturekit.fonts import ARIAL, twin

from .theme import DEFAULT_THEME, Box, Theme

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
EMU_PER_POINT = 12700
UNKNOWN_FONT_SLACK = 0.10  # extra room when a template's font has no metric twin to measure with
# The layouts lecturekit uses, by the names PowerPoint gives them, and what stands in for each.
ROLES = {
    "title": ("Title Slide",),
    "content": ("Title and Content", "Title, Content", "Content"),
    "section": ("Section Header", "Section Title"),
    "title_only": ("Title Only",),
}
FALLBACKS = {
    "title": ("content", "title_only"),
    "section": ("title_only", "content"),
    "title_only": ("content",),
    "content": (),
}


def read_template(path: Path, accent: str = "") -> tuple[Theme, list[Diagnostic]]:
    """Return the theme of the template at `path`, and warnings about what had to stand in."""
    if not path.is_file():
        raise LessonError(
            path, None, "no such template", "Check the path given to --template or in course.toml."
        )
    try:
        with zipfile.ZipFile(path) as package:
            return _Template(path, package).theme(accent)
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError) as err:
        raise LessonError(
            path,
            None,
            f"not a PowerPoint template lecturekit can read ({err})",
            "Give a .pptx or .potx file saved by PowerPoint, Keynote or LibreOffice.",
        ) from None


class _Template:
    def __init__(self, path: Path, package: zipfile.ZipFile):
        self.path = path
        self.package = package
        self.warnings: list[Diagnostic] = []

    def xml(self, name: str) -> ElementTree.Element:
        return ElementTree.fromstring(self.package.read(name))

    def related(self, part: str, kind: str) -> list[str]:
        """Return the parts `part` relates to whose relationship type ends in `kind`."""
        folder, file = posixpath.split(part)
        rels = f"{folder}/_rels/{file}.rels"
        if rels not in self.package.namelist():
            return []
        found = []
        for rel in self.xml(rels).findall("rel:Relationship", NS):
            if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
                found.append(posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
        return found

    def theme(self, accent: str) -> tuple[Theme, list[Diagnostic]]:
        presentation = self.xml("ppt/presentation.xml")
        size = _one(presentation, "p:sldSz")
        width, height = _whole(size, "cx") / EMU_PER_POINT, _whole(size, "cy") / EMU_PER_POINT
        master_part = self.related("ppt/presentation.xml", "slideMaster")[0]
        master = self.xml(master_part)
        master_boxes = _boxes(master)
        layouts = {}
        roots = {}
        for part in self.related(master_part, "slideLayout"):
            layout = self.xml(part)
            name = _one(layout, "p:cSld").get("name", "")
            layouts[name] = _boxes(layout)
            roots[name] = layout
        names = self.choose_layouts(layouts)

        def box(role: str, *kinds: str) -> Box | None:
            found = layouts[names[role]]
            for kind in kinds:
                if kind in found:
                    return found[kind]
            for kind in kinds:
                if kind in master_boxes:
                    return master_boxes[kind]
            return None

        styles = _one(master, "p:txStyles")
        title_style = styles.find("p:titleStyle/a:lvl1pPr", NS)
        body_levels = [styles.find(f"p:bodyStyle/a:lvl{n}pPr", NS) for n in (1, 2)]
        scheme = self.xml(self.related(master_part, "theme")[0])
        fonts = _one(scheme, ".//a:fontScheme")
        colours = {slot: _colour(scheme, slot) for slot in ("dk1", "lt1", "dk2", "accent1")}
        heading = self.family(_one(fonts, "a:majorFont/a:latin").get("typeface", ""), "headings")
        body_font = self.family(_one(fonts, "a:minorFont/a:latin").get("typeface", ""), "text")
        title_size = _size(title_style, 44.0)
        body_size = _size(body_levels[0], 28.0)
        first_margin = _emu(body_levels[0], "marL", 342900)
        # a second level's margin, if the template gives none: the first's and 27 pt (342900 EMU)
        step = max(
            _emu(body_levels[1], "marL", round(first_margin * EMU_PER_POINT) + 342900) - first_margin, 18.0
        )
        content_title = box("content", "title")
        content_body = box("content", "body")
        if content_title is None or content_body is None:
            raise LessonError(
                self.path,
                None,
                "the template has no layout with a title and a text placeholder",
                "Add a 'Title and Content' layout to it in PowerPoint (View > Slide Master).",
            )
        hero = box("title", "ctrTitle", "title") or content_title
        subtitle = box("title", "subTitle", "body") or Box(hero.x, hero.y + hero.h, hero.w, height * 0.25)
        theme = replace(
            DEFAULT_THEME,
            template=self.path,
            builtin=False,
            layout_names=(names["title"], names["content"], names["section"], names["title_only"]),
            width=width,
            height=height,
            sans=body_font[0],
            heading=heading[0],
            slack=DEFAULT_THEME.slack + max(body_font[1], heading[1]),
            title_bold=_title_style(roots[names["content"]], ("title",), title_style)[0],
            hero_bold=_title_style(roots[names["title"]], ("ctrTitle", "title"), title_style)[0],
            section_bold=_title_style(roots[names["section"]], ("title",), title_style)[0],
            caps=tuple(
                role
                for role, layout, kinds in (
                    ("title", "content", ("title",)),
                    ("hero", "title", ("ctrTitle", "title")),
                    ("section", "section", ("title",)),
                )
                if _title_style(roots[names[layout]], kinds, title_style)[1]
            ),
            title_size=min(max(title_size, DEFAULT_THEME.title_min), 44.0),
            hero_size=min(max(_size(title_style, 44.0), DEFAULT_THEME.title_min), 54.0),
            body_size=min(max(body_size, DEFAULT_THEME.body_min), 28.0),
            quote_size=min(max(body_size + 4, DEFAULT_THEME.body_min), 32.0),
            subtitle_size=min(max(body_size, DEFAULT_THEME.body_min), 28.0),
            title=content_title,
            body=content_body,
            hero_title=hero,
            hero_subtitle=subtitle,
            section=box("section", "title") or content_title,
            footer=box("content", "ftr") or Box(0, 0, 0, 0),
            number=box("content", "sldNum") or Box(0, 0, 0, 0),
            indent=step,
            first_indent=first_margin,
            line_spacing=max(_spacing(title_style), _spacing(body_levels[0])),
            text=colours["dk1"] or DEFAULT_THEME.text,
            background=colours["lt1"] or DEFAULT_THEME.background,
            muted=colours["dk2"] or DEFAULT_THEME.muted,
            accent=colours["accent1"] or DEFAULT_THEME.accent,
        )
        if accent:
            self.warnings.append(
                Diagnostic(self.path, None, "'accent' is ignored with a template: its colours stay")
            )
        return theme, self.warnings

    def choose_layouts(self, layouts: dict) -> dict[str, str]:
        """Return the layout used for each role: by name, else the nearest, with a warning."""
        names: dict[str, str] = {}
        for role in ("content", "title_only", "title", "section"):
            found = next((n for n in ROLES[role] if n in layouts), None)
            if found is None and role == "content":
                found = next(
                    (n for n, boxes in layouts.items() if "title" in boxes and "body" in boxes), None
                )
            if found is None:
                stand_in = next((names[other] for other in FALLBACKS[role] if other in names), None)
                found = stand_in or next(iter(layouts))
                self.warnings.append(
                    Diagnostic(
                        self.path,
                        None,
                        f"the template has no '{ROLES[role][0]}' layout: using '{found}' instead",
                    )
                )
            names[role] = found
        return names

    def family(self, typeface: str, use: str):
        """Return the shipped family that measures `typeface`, and the extra slack it needs."""
        family = twin(typeface)
        if family is not None:
            return family, 0.0
        self.warnings.append(
            Diagnostic(
                self.path,
                None,
                f"the template's {use} font {typeface!r} has no metric-compatible free font: measured as Arial, "
                f"with {UNKNOWN_FONT_SLACK:.0%} more room",
            )
        )
        return ARIAL, UNKNOWN_FONT_SLACK


def _boxes(root) -> dict[str, Box]:
    """Return each placeholder's box by its kind (title, ctrTitle, subTitle, body, ftr, sldNum, ...)."""
    boxes: dict[str, Box] = {}
    for sp in root.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is None:
            continue
        kind = ph.get("type", "body")
        kind = "body" if kind == "obj" else kind
        box = box_of(sp)
        if box is None:
            continue
        if kind == "body" and kind in boxes and int(ph.get("idx", "1")) != 1:
            continue  # the main body placeholder is idx 1
        boxes.setdefault(kind, box)
    return boxes


def box_of(sp) -> Box | None:
    """Return where a shape (`p:sp`) stands, in points, if it says: a placeholder may take its
    place from its layout."""
    off, ext = sp.find("p:spPr/a:xfrm/a:off", NS), sp.find("p:spPr/a:xfrm/a:ext", NS)
    if off is None or ext is None:
        return None
    return Box(*(int(v) / EMU_PER_POINT for v in (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))))


def _size(style, default: float) -> float:
    run = style.find("a:defRPr", NS) if style is not None else None
    return int(run.get("sz")) / 100 if run is not None and run.get("sz") else default


def _title_style(layout, kinds: tuple[str, ...], master_style) -> tuple[bool, bool]:
    """Return (bold, all capitals) of a layout's title: its own text style, else the master's."""
    bold = caps = None
    for sp in layout.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type") in kinds:
            run = sp.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS)
            if run is not None:
                bold = run.get("b")
                caps = run.get("cap")
            break
    master = master_style.find("a:defRPr", NS) if master_style is not None else None
    if bold is None and master is not None:
        bold = master.get("b")
    if caps is None and master is not None:
        caps = master.get("cap")
    return bold in ("1", "true"), caps == "all"


def _whole(element: ElementTree.Element, name: str) -> int:
    """Return the whole number in attribute `name`; raise KeyError (see `_one`) when it is none."""
    value = element.get(name, "")
    if not value.isdigit():
        raise KeyError(f"its {name} is {value!r}, not a whole number")
    return int(value)


def _one(element: ElementTree.Element, path: str) -> ElementTree.Element:
    """Return the element at `path` under `element`; raise KeyError (a template lecturekit cannot
    read, see `read_template`) when the template has none."""
    found = element.find(path, NS)
    if found is None:
        raise KeyError(f"it has no {path.split('/')[-1]}")
    return found


def _emu(style, name: str, default: int) -> float:
    value = style.get(name) if style is not None else None
    return int(value if value is not None else default) / EMU_PER_POINT


def _spacing(style) -> float:
    percent = style.find("a:lnSpc/a:spcPct", NS) if style is not None else None
    return int(percent.get("val")) / 100000 if percent is not None else 1.0


def _colour(scheme, slot: str) -> str:
    """Return a theme colour as RRGGBB ("" if it is not given as one)."""
    element = scheme.find(f".//a:clrScheme/a:{slot}", NS)
    if element is None:
        return ""
    rgb = element.find("a:srgbClr", NS)
    if rgb is not None:
        return rgb.get("val", "").upper()
    system = element.find("a:sysClr", NS)
    return system.get("lastClr", "").upper() if system is not None else ""
