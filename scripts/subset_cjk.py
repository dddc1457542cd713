#!/usr/bin/env python3
"""Subset a CJK face to a single-face font file: one face of a Noto CJK .ttc collection to
OpenType CFF, or a TrueType face (LXGW WenKai) to TrueType, with the same character set.

Used by scripts/make-fonts.sh; runs inside the private venv with the pinned fonttools.

    subset_cjk.py subset --ttc NotoSerifCJK-Regular.ttc --index 2 --out X.otf \
                         [--unihan Unihan_OtherMappings.txt(.bz2)] [--timestamp EPOCH]
    subset_cjk.py subset --font LXGWWenKai-Regular.ttf --out Y.ttf [--unihan ...] \
                         [--timestamp EPOCH] [--family NAME --family-zh NAME --ps-name NAME \
                          --description TEXT --forbid-name RFN ...]
    subset_cjk.py verify [--outlines cff|glyf] [--require TABLE:FEATURE ...] [--no-zhs-locl]
                         [--forbid-name RFN ...] FILE [FILE ...]
    subset_cjk.py license --copyright /usr/share/doc/fonts-noto-cjk/copyright --font X.otf \
                          [--stanza NAME --title TEXT --package NAME --note TEXT ...]

Renaming (--family ...): a subset is a Modified Version under the OFL, and a Modified Version
may not use the font's Reserved Font Names; --family/--family-zh/--ps-name give the subset a
name of its own and --forbid-name makes that an error if a reserved name is still there.

Character set (see fonts/README.md):
  * GB 2312: every 2-byte code (0xA1A1..0xFEFE) that Python's gb2312 codec decodes
    (6,763 hanzi + 682 symbols);
  * the 8,105 characters of the 通用规范汉字表 (kTGH field of Unihan_OtherMappings.txt),
    if --unihan is given;
  * Basic Latin, Latin-1 Supplement, General Punctuation, CJK Symbols and Punctuation,
    Halfwidth and Fullwidth Forms, plus a few extra symbols used in Chinese news.

Layout: every feature is kept ('*'), but language systems other than the default one and
Simplified Chinese ('ZHS ') are dropped first, so the Japanese / Korean / Traditional `locl`
variants (and the glyphs only they reach) are not pulled into the subset.
"""

import argparse
import bz2
import calendar
import sys
import textwrap

from fontTools import subset
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.ttLib import TTFont

# 2022-01-27 00:00:00 UTC, the upstream release date of Debian's fonts-noto-cjk
# 1:20220127+repack1-1; written to head.created and head.modified.
DEFAULT_EPOCH = calendar.timegm((2022, 1, 27, 0, 0, 0))

KEEP_LANGSYS = "ZHS"

RANGES = [
    (0x0020, 0x007E),  # Basic Latin (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0x2460, 0x2473),  # ① .. ⑳
    (0x2474, 0x249B),  # ⑴ .. ⒇, ⒈ .. ⒛
    (0x2160, 0x216B),  # Ⅰ .. Ⅻ
    (0x2170, 0x2179),  # ⅰ .. ⅹ
    (0x2190, 0x2199),  # ← ↑ → ↓ ↔ ↕ ↖ ↗ ↘ ↙
    (0x3220, 0x3229),  # ㈠ .. ㈩
]
EXTRA = [
    0x2E3A,  # ⸺ two-em dash
    0x2E3B,  # ⸻ three-em dash
    0x22EF,  # ⋯ midline horizontal ellipsis
    0x2116,  # № numero sign
    0x2103,  # ℃
    0x2109,  # ℉
    0x2030,  # ‰
    0x00B7,  # · middle dot
    0x2014,  # — em dash
    0x2015,  # ― horizontal bar (what the gb2312 codec maps 0xA1AA to)
    0x30FB,  # ・ katakana middle dot (gb2312 codec 0xA1A4)
    0x00D7,  # ×
    0x00F7,  # ÷
    0x2122,  # ™
    0x25A1,  # □
    0x25CB,  # ○
    0x25CF,  # ●
    0x25B3,  # △
    0x25B2,  # ▲
    0x2605,  # ★
    0x2606,  # ☆
    0x3007,  # 〇
    0xFFFD,  # replacement character
]

# Name IDs that make up the font's name as presented to users (OFL condition 3): family,
# subfamily, unique ID, full name, PostScript name, typographic family/subfamily, compatible
# full name, PostScript CID name, WWS family/subfamily, variations PostScript prefix.
PRIMARY_NAME_IDS = (1, 2, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25)

# Language IDs of Chinese name records: Macintosh 19 (Traditional) and 33 (Simplified);
# Windows zh-TW, zh-CN, zh-HK, zh-SG, zh-MO.
CHINESE_LANGS = {1: {19, 33}, 3: {0x0404, 0x0804, 0x0C04, 0x1004, 0x1404}}

# What verify() requires in every CJK file (unless --require says otherwise).
REQUIRED_PUNCT = "，。、：；？！“”‘’《》（）——……·"
REQUIRED_FEATURES = {
    "GSUB": ["vert", "locl"],
    "GPOS": ["halt", "palt", "vhal", "vpal", "kern", "vert"],
}


def gb2312_chars():
    out = set()
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.add(ord(s))
    return out


def gb2312_hanzi():
    return {c for c in gb2312_chars() if 0x4E00 <= c <= 0x9FFF}


def tgh_chars(path):
    opener = bz2.open if path.endswith(".bz2") else open
    out = set()
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, _value = line.rstrip("\n").split("\t", 2)
            if field == "kTGH":
                out.add(int(cp[2:], 16))
    return out


def wanted_unicodes(unihan=None):
    cps = gb2312_chars()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(EXTRA)
    tgh = set()
    if unihan:
        tgh = tgh_chars(unihan)
        cps |= tgh
    return cps, tgh


def drop_other_langsys(font, keep=KEEP_LANGSYS):
    """Drop every LangSys except `keep` (the DefaultLangSys of each script is kept)."""
    dropped = []
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        table = font[tag].table
        if not table.ScriptList:
            continue
        for rec in table.ScriptList.ScriptRecord:
            script = rec.Script
            keep_recs = [r for r in script.LangSysRecord if r.LangSysTag.strip() == keep]
            dropped += [
                f"{tag}/{rec.ScriptTag}/{r.LangSysTag.strip()}"
                for r in script.LangSysRecord
                if r.LangSysTag.strip() != keep
            ]
            script.LangSysRecord = keep_recs
            script.LangSysCount = len(keep_recs)
    return dropped


def feature_tags(font, tag):
    if tag not in font or not font[tag].table.FeatureList:
        return set()
    return {r.FeatureTag for r in font[tag].table.FeatureList.FeatureRecord}


def langsys_summary(font, tag):
    out = []
    table = font[tag].table
    for rec in table.ScriptList.ScriptRecord:
        langs = ["dflt"] if rec.Script.DefaultLangSys else []
        langs += [r.LangSysTag.strip() for r in rec.Script.LangSysRecord]
        out.append(f"{rec.ScriptTag.strip()}[{','.join(langs)}]")
    return " ".join(out)


def rename(font, family, family_zh, ps_name, description):
    """Give the font a family name of its own (see the module docstring)."""
    name = font["name"]
    old_family = name.getDebugName(16) or name.getDebugName(1)
    old_ps = name.getDebugName(6)
    for rec in name.names:
        if rec.nameID not in PRIMARY_NAME_IDS or rec.nameID in (2, 17):
            continue
        text = rec.toUnicode()
        chinese = rec.langID in CHINESE_LANGS.get(rec.platformID, ())
        if chinese and family_zh and rec.nameID in (1, 4, 16, 18, 21):
            new = family_zh
        elif rec.nameID in (6, 20):
            new = text.replace(old_ps, ps_name)
        else:
            new = text.replace(old_family, family)
        rec.string = new
    if description:
        # Description (ID 10), English, Windows platform only (the Macintosh records are
        # Mac Roman).
        name.setName(description, 10, 3, 1, 0x0409)
    if "CFF " in font:
        font["CFF "].cff.fontNames = [ps_name]


def reserved_names_left(font, forbidden):
    """Name records of the font's primary name that still contain a reserved name."""
    out = []
    for rec in font["name"].names:
        if rec.nameID in PRIMARY_NAME_IDS:
            text = rec.toUnicode()
            if any(f.casefold() in text.casefold() for f in forbidden):
                out.append(f"ID {rec.nameID} ({rec.platformID}/{rec.langID:#x}): {text}")
    return out


def cmd_subset(args):
    cps, tgh = wanted_unicodes(args.unihan)
    # fontNumber is only meaningful for a collection (.ttc); -1 opens a plain font file.
    index = -1 if args.index is None else args.index
    font = TTFont(args.font, fontNumber=index, recalcTimestamp=False, lazy=False)
    src_glyphs = font["maxp"].numGlyphs
    family = font["name"].getDebugName(4)
    dropped = drop_other_langsys(font)

    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.layout_scripts = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_glyph = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.hinting = True
    opts.recalc_timestamp = False
    opts.recalc_bounds = False
    opts.recalc_average_width = False
    opts.canonical_order = True
    opts.drop_tables = [t for t in opts.drop_tables if t not in ("BASE", "VORG")]
    opts.ignore_missing_unicodes = True

    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(cps))
    sub.subset(font)

    ts = timestampSinceEpoch(int(args.timestamp))  # seconds since 1904-01-01
    font["head"].created = ts
    font["head"].modified = ts

    # The CFF table of the collection is shared by all faces and is named after the
    # Japanese face ("NotoSerifCJKjp-Regular"); give the single-face file the PostScript
    # name of the face it now is (name ID 6, e.g. "NotoSerifCJKsc-Regular").
    if "CFF " in font:
        cff = font["CFF "].cff
        psname = font["name"].getDebugName(6)
        if psname and len(cff.fontNames) == 1:
            cff.fontNames = [psname]

    if args.family:
        if not args.ps_name:
            print("--family needs --ps-name", file=sys.stderr)
            return 2
        rename(font, args.family, args.family_zh, args.ps_name, args.description)
    left = reserved_names_left(font, args.forbid_name)
    if left:
        print(f"{args.out}: reserved font name still in the name table: " + "; ".join(left),
              file=sys.stderr)
        return 1

    cmap = font.getBestCmap()
    missing = sorted(c for c in cps if c not in cmap)
    missing_tgh = sorted(c for c in tgh if c not in cmap)
    font.save(args.out, reorderTables=True)

    face = f" (face {args.index})" if args.index is not None else ""
    renamed = f" renamed '{font['name'].getDebugName(4)}'" if args.family else ""
    print(f"{args.out}: {family}{face}{renamed}, glyphs {src_glyphs} -> "
          f"{font['maxp'].numGlyphs}; {len(cps) - len(missing)} of {len(cps)} requested "
          f"code points mapped (cmap has {len(cmap)})")
    print(f"  dropped {len(dropped)} language systems (kept default + {KEEP_LANGSYS})")
    if tgh:
        print(f"  通用规范汉字表: {len(tgh)} chars, {len(tgh) - len(missing_tgh)} covered"
              + (f", missing {' '.join(chr(c) for c in missing_tgh)}" if missing_tgh else ""))
    # Requested code points the face simply does not have (the ranges are generous:
    # format controls, rare punctuation, U+FFFD ...).
    print(f"  requested but absent from the source face: {len(missing)}: "
          + " ".join(f"{c:04X}" for c in missing))
    return 0


def cmd_verify(args):
    hanzi = gb2312_hanzi()
    all_gb = gb2312_chars()
    tgh = tgh_chars(args.unihan) if args.unihan else set()
    required = REQUIRED_FEATURES
    if args.require:
        required = {"GSUB": [], "GPOS": []}
        for r in args.require:
            table, feature = r.split(":", 1)
            required.setdefault(table, []).append(feature)
    ok = True
    for path in args.files:
        font = TTFont(path, lazy=False)
        cmap = font.getBestCmap()
        errs = []
        if args.outlines == "cff" and "CFF " not in font:
            errs.append("not a CFF font")
        if args.outlines == "glyf" and "glyf" not in font:
            errs.append("not a TrueType (glyf) font")
        miss_h = sorted(c for c in hanzi if c not in cmap)
        if miss_h:
            errs.append(f"{len(miss_h)} GB2312 hanzi missing: {''.join(map(chr, miss_h[:20]))}")
        miss_gb = sorted(c for c in all_gb if c not in cmap)
        if miss_gb:
            errs.append(f"{len(miss_gb)} GB2312 chars missing: {''.join(map(chr, miss_gb[:20]))}")
        miss_p = sorted({c for c in REQUIRED_PUNCT if ord(c) not in cmap})
        if miss_p:
            errs.append(f"punctuation missing: {''.join(miss_p)}")
        miss_t = sorted(c for c in tgh if c not in cmap)
        if miss_t:
            errs.append(f"{len(miss_t)} 通用规范汉字表 chars missing: {''.join(map(chr, miss_t))}")
        feats = {}
        for tag, need in required.items():
            have = feature_tags(font, tag)
            feats[tag] = sorted(have)
            lack = [f for f in need if f not in have]
            if lack:
                errs.append(f"{tag} lacks {lack}")
        # The Simplified Chinese locl must survive; no JAN/KOR/ZHH/ZHT language systems.
        gsub = font["GSUB"].table
        zhs = [
            r for s in gsub.ScriptList.ScriptRecord if s.ScriptTag == "hani"
            for r in s.Script.LangSysRecord if r.LangSysTag == "ZHS "
        ]
        if args.zhs_locl and (not zhs or not any(
            gsub.FeatureList.FeatureRecord[i].FeatureTag == "locl" for i in zhs[0].LangSys.FeatureIndex
        )):
            errs.append("hani/ZHS locl missing")
        for tag in ("GSUB", "GPOS"):
            if tag not in font:
                continue
            for s in font[tag].table.ScriptList.ScriptRecord:
                for r in s.Script.LangSysRecord:
                    if r.LangSysTag.strip() != KEEP_LANGSYS:
                        errs.append(f"{tag} still has {s.ScriptTag}/{r.LangSysTag}")
        names = {n.nameID for n in font["name"].names}
        for nid in (0, 1, 2, 13, 14):
            if nid not in names:
                errs.append(f"name ID {nid} missing")
        for left in reserved_names_left(font, args.forbid_name):
            errs.append(f"reserved font name in {left}")
        status = "OK" if not errs else "FAIL"
        print(f"{path}: {status}  glyphs={font['maxp'].numGlyphs} cmap={len(cmap)} "
              f"name='{font['name'].getDebugName(4)}' tables={' '.join(sorted(font.keys()))}")
        print(f"  GSUB features: {' '.join(feats['GSUB'])}")
        print(f"  GPOS features: {' '.join(feats['GPOS'])}")
        for tag in ("GSUB", "GPOS"):
            if tag in font:
                print(f"  {tag} langsys: {langsys_summary(font, tag)}")
        for e in errs:
            print(f"  ERROR: {e}")
        ok = ok and not errs
    return 0 if ok else 1


def cmd_license(args):
    """Print the OFL stanza of a Debian copyright file, un-indented, with the font's notices."""
    font = TTFont(args.font, lazy=True)
    name = font["name"]
    lines = []
    with open(args.copyright, encoding="utf-8") as f:
        text = f.read().split("\n")
    # The fields of the "Files: *" paragraph; a value may go on over indented lines.
    files_star = {}
    in_files_star = False
    field = None
    for line in text:
        if line.startswith("Files:"):
            in_files_star = line.split(":", 1)[1].strip() == "*"
            field = None
            continue
        if not in_files_star:
            continue
        if not line.strip():
            in_files_star = False
        elif line[0] in " \t" and field:
            files_star[field].append(line.strip())
        elif ":" in line:
            field, value = line.split(":", 1)
            files_star[field] = [value.strip()] if value.strip() else []
    debian_copyright = files_star.get("Copyright", [])
    comment = " ".join(files_star.get("Comment", []))
    # The licence text is the stand-alone paragraph that starts with "License: <stanza>"
    # (the "Files: *" paragraph also has such a line, without a body).
    for para in "\n".join(text).split("\n\n"):
        plines = para.split("\n")
        if plines[0].strip() == f"License: {args.stanza}" and len(plines) > 1:
            lines = ["" if l[1:] == "." else l[1:] for l in plines[1:]]
            break
    if not lines:
        print(f"no 'License: {args.stanza}' stanza in {args.copyright}", file=sys.stderr)
        return 1
    while lines and not lines[-1].strip():
        lines.pop()
    header = [
        f"{args.title} -- licence",
        "",
        f"Copyright notice in the fonts (name ID 0): {name.getDebugName(0)}",
        f"Trademark (name ID 7): {name.getDebugName(7)}",
        "Copyright in Debian's copyright file (Files: *): " + "; ".join(debian_copyright),
    ]
    if comment:
        header.append(f"Comment in Debian's copyright file (Files: *): {comment}")
    header += [
        f"License description (name ID 13): {name.getDebugName(13)}",
        f"License URL (name ID 14): {name.getDebugName(14)}",
        "",
    ]
    for note in args.note:
        header += [textwrap.fill(note, width=79, break_on_hyphens=False), ""]
    header += [
        f"The text below is the \"License: {args.stanza}\" stanza of",
        f"/usr/share/doc/{args.package}/copyright in Debian's {args.package} package.",
        "",
    ]
    sys.stdout.write("\n".join(header + lines) + "\n")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp = p.add_subparsers(dest="cmd", required=True)
    s = sp.add_parser("subset")
    s.add_argument("--font", "--ttc", dest="font", required=True,
                   help="source font: a .ttc collection (with --index) or a single-face file")
    s.add_argument("--index", type=int, help="face index in a .ttc collection")
    s.add_argument("--out", required=True)
    s.add_argument("--unihan")
    s.add_argument("--timestamp", type=int, default=DEFAULT_EPOCH,
                   help="Unix time written to head.created/modified")
    s.add_argument("--family", help="new family name (name IDs 1, 3, 4, 16, 18, 21)")
    s.add_argument("--family-zh", help="new family name for the Chinese name records")
    s.add_argument("--ps-name", help="new PostScript name (name IDs 6, 20)")
    s.add_argument("--description", help="name ID 10 (Windows, English)")
    s.add_argument("--forbid-name", action="append", default=[],
                   help="a Reserved Font Name that must not remain in the font's name")
    v = sp.add_parser("verify")
    v.add_argument("--unihan")
    v.add_argument("--outlines", choices=["cff", "glyf"], default="cff")
    v.add_argument("--require", action="append", default=[], metavar="TABLE:FEATURE",
                   help="required layout feature (replaces the default list when given)")
    v.add_argument("--no-zhs-locl", dest="zhs_locl", action="store_false",
                   help="do not require a hani/ZHS locl feature")
    v.add_argument("--forbid-name", action="append", default=[])
    v.add_argument("files", nargs="+")
    lc = sp.add_parser("license")
    lc.add_argument("--copyright", required=True)
    lc.add_argument("--font", required=True)
    lc.add_argument("--stanza", default="SIL-1.1")
    lc.add_argument("--title", default="Noto Serif CJK / Noto Sans CJK (fonts-noto-cjk)")
    lc.add_argument("--package", default="fonts-noto-cjk")
    lc.add_argument("--note", action="append", default=[],
                    help="a paragraph printed before the licence text")
    args = p.parse_args()
    return {"subset": cmd_subset, "verify": cmd_verify, "license": cmd_license}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
