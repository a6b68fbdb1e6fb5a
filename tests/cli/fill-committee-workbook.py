#!/usr/bin/env python3
"""Fills the committee workbook of `tender forms` with the scores of a scores CSV, the way a
committee secretary would type them: one row per inschrijver x criterium x ronde on the lot's
sheet ("Perceel N"), KvK number as text in B, the criterion in D, the round in E, the scores of
lid-1..lid-5 in F..J and the consensus in K (forms/layout/form_layout.h). Used by the CLI case
xlsx_evaluate_reads_scores_from_the_committee_workbook.
    fill-committee-workbook.py BLANK.xlsx SCORES.csv OUT.xlsx
Only the standard library: the cells the form leaves empty (<c r="B7" s="6"/>) get a value.
"""
import csv
import re
import sys
import zipfile
from xml.sax.saxutils import escape

FIRST_ROW = 7          # TND_FORM_FIRST_ROW + 1 (Excel numbering)
MEMBERS = ["lid-1", "lid-2", "lid-3", "lid-4", "lid-5", "consensus"]
SCORE_COLS = "FGHIJK"


def read_scores(path):
    """{lot: [(kvk, criterion, round, {member: score})]} in file order."""
    lots = {}
    index = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    for rec in csv.DictReader(lines, delimiter=";"):
        key = (int(rec["perceel"]), rec["inschrijver"], rec["criterium"], int(rec["ronde"]))
        if key not in index:
            row = (key[1], key[2], key[3], {})
            index[key] = row
            lots.setdefault(key[0], []).append(row)
        index[key][3][rec["beoordelaar"]] = int(rec["score"])
    return lots


def sheet_parts(z):
    """{sheet name: part name} from xl/workbook.xml and its relationships."""
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = dict(re.findall(r'<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    target.update({i: t for t, i in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    out = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"', wb):
        out[name] = "xl/" + target[rid].lstrip("/").removeprefix("xl/")
    return out


def set_cell(xml, ref, value):
    pattern = re.compile(r'<c r="%s"( s="\d+")?/>' % ref)
    if not pattern.search(xml):
        sys.exit("fill-committee-workbook: no empty cell %s in the form" % ref)
    if isinstance(value, int):
        new = r'<c r="%s"\1><v>%d</v></c>' % (ref, value)
    else:
        new = r'<c r="%s"\1 t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(value))
    return pattern.sub(new, xml, count=1)


def main():
    blank, scores_csv, out = sys.argv[1:4]
    lots = read_scores(scores_csv)
    with zipfile.ZipFile(blank) as z:
        parts = sheet_parts(z)
        contents = {i.filename: z.read(i.filename) for i in z.infolist()}
        infos = z.infolist()
    for lot, rows in lots.items():
        part = parts.get("Perceel %d" % lot)
        if part is None:
            sys.exit("fill-committee-workbook: the form has no sheet 'Perceel %d'" % lot)
        xml = contents[part].decode()
        for i, (kvk, criterion, rnd, scores) in enumerate(rows):
            r = FIRST_ROW + i
            xml = set_cell(xml, "B%d" % r, kvk)
            xml = set_cell(xml, "D%d" % r, criterion)
            xml = set_cell(xml, "E%d" % r, rnd)
            for member, score in scores.items():
                xml = set_cell(xml, "%s%d" % (SCORE_COLS[MEMBERS.index(member)], r), score)
        contents[part] = xml.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in infos:
            z.writestr(info.filename, contents[info.filename])


if __name__ == "__main__":
    main()
