#!/usr/bin/env python3
"""
The shape of a workbook tender wrote, for the floor (bench/floor.c) to write the same cells.

    python3 bench/workbook_shape.py AWARD.xlsx > shape.txt

Prints one line per worksheet, in the workbook's order, "sheet STRINGS NUMBERS" (how many text
cells and how many number cells it holds), then "shared UNIQUE BYTES": how many distinct texts
the shared-strings table holds and their length together, in bytes. Refuses a cell of any other
kind (formula, boolean, inline string), which the floor could not write alike. Only the standard
library.
"""
import re
import sys
import zipfile

CELL = re.compile(rb"<c [^>]*?(?:/>|>.*?</c>)", re.S)
SHEET = re.compile(r"xl/worksheets/sheet(\d+)\.xml")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: workbook_shape.py AWARD.xlsx")
    with zipfile.ZipFile(sys.argv[1]) as z:
        sheets = sorted((int(m.group(1)), n) for n in z.namelist() if (m := SHEET.fullmatch(n)))
        for _, name in sheets:
            strings = numbers = 0
            for cell in CELL.findall(z.read(name)):
                head = cell[: cell.index(b">")]
                if b"<f>" in cell or (b" t=" in head and b't="s"' not in head):
                    sys.exit(f"{name}: a cell the floor cannot write alike: {cell[:80]!r}")
                if b't="s"' in head:
                    strings += 1
                elif b"<v>" in cell:
                    numbers += 1
            print("sheet", strings, numbers)
        texts = re.findall(rb"<si>(.*?)</si>", z.read("xl/sharedStrings.xml"), re.S)
        plain = [re.sub(rb"<[^>]+>", b"", t) for t in texts]
        print("shared", len(plain), sum(len(t) for t in plain))


if __name__ == "__main__":
    main()
