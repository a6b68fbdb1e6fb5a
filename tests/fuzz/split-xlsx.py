#!/usr/bin/env python3
"""Turns an .xlsx into a seed for fuzz_xlsx_parts: its parts, in the harness's order, joined
by "\n--part--\n". Used by collect-corpus.sh; keep the list in step with fuzz_xlsx_parts.c.
    split-xlsx.py IN.xlsx OUT
"""
import sys
import zipfile

PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml",
    "xl/styles.xml",
]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(src) as z:
        names = set(z.namelist())
        chunks = [z.read(p) if p in names else b"" for p in PARTS]
    with open(dst, "wb") as out:
        out.write(b"\n--part--\n".join(chunks))


if __name__ == "__main__":
    main()
