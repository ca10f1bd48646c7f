"""The bad-input corpus: every way an input can be wrong, written on demand into a folder.

Large inputs (100 MB, a 10 MB line) and things git cannot hold (a directory named *.txt, a
file without read permission, a symlink loop, a FIFO) are made at test time into tmp_path, so
nothing big is committed. The small byte-for-byte inputs are committed beside this script as
well (`python tests/data/bad/make_bad.py tests/data/bad`), so a person can open them; a test
checks they still match what this script writes.

Each case is (file name, how to make it). What each must give is the test's table, not here.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import stat
import sys
from pathlib import Path

GOOD = ("Police arrest two men over the Lyon bombing plot\n\n"
        "French police arrested two men in Lyon on 3 March 2022, officials said.\n")
ACCENTED = ("Réunion des ministres à Genève sur la sécurité\n\n"
            "Ministers met in Genève on 28 June 2021 and said the café attack was foiled.\n")
MB = 1024 * 1024


def _png() -> bytes:
    # A real 1x1 PNG: signature, IHDR, IDAT, IEND.
    return bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def _elf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200)


def _random(seed: int, size: int, no_nul: bool = False) -> bytes:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(size))
    return data.replace(b"\x00", b"\x01") if no_nul else data


SMALL: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace_only.txt": b"  \n\t\n   \r\n\n",
    "nbsp_only.txt": "\u00a0 \u00a0\n\u2009\n".encode(),
    "bom_only.txt": codecs.BOM_UTF8,
    "png_image.txt": _png(),
    "elf_binary.txt": _elf(),
    "pdf_document.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "gzip_archive.txt": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + _random(7, 64),
    "random_bytes.txt": _random(1, 4096),
    "random_bytes_no_nul.txt": _random(2, 4096, no_nul=True),
    "latin1.txt": ACCENTED.encode("latin-1"),
    "windows1252.txt": ("Minister warns of \u201cnew threats\u201d \u2013 and more\n\n"
                        "The minister said on 4 May 2020 that the \u201cattack\u201d was foiled "
                        "\u2026\n").encode("cp1252"),
    "utf16_bom.txt": ACCENTED.encode("utf-16"),
    "utf16le_no_bom.txt": ACCENTED.encode("utf-16-le"),
    "utf16be_no_bom.txt": ACCENTED.encode("utf-16-be"),
    "utf32_bom.txt": ACCENTED.encode("utf-32"),
    "invalid_utf8_middle.txt": ACCENTED.encode()[:40] + b"\xff\xfe" + ACCENTED.encode()[40:],
    "nul_bytes_middle.txt": GOOD.encode()[:30] + b"\x00\x00" + GOOD.encode()[30:],
    "nul_padding_after_text.txt": GOOD.encode() * 200 + bytes(512),
    "terminal_escapes.txt": ("Police arrest a man in Paris\n\n\x1b[2J\x1b]0;pwned\x07French police "
                             "arrested a man on 2 May 2023.\x1b[31m\n").encode(),
    "cr_only_line_endings.txt": GOOD.replace("\n", "\r").encode(),
    "no_date_anywhere.txt": ("Gunmen attack a village near the border\n\n"
                             "Gunmen attacked a village near the border, officials said. "
                             "Police arrested three suspects.\n").encode(),
    "impossible_dates.txt": ("Officials report on an attack in 2021\n\n"
                             "An attack took place on 31 February 2021, officials said. "
                             "Police arrested a man on 30/02/2021. A meeting was held on "
                             "0000-01-01 and on 1 January 0.\n"
                             "Published 31 February 2021\n").encode(),
    "year_zero_dateline.txt": ("0000-00-00T00:00:00+00:00\nA summit of ministers in Rome\n\n"
                               "Ministers met in Rome to discuss security.\n").encode(),
    "title_only.txt": b"Just a headline with no body\n",
    # Other readers (HTML, dumps, feeds, archives): whole files that hold no article...
    "no_body.html": b"<html><head><title>Only a title here</title></head></html>",
    "truncated.html": b"<html><body><p>",
    "empty.html": b"",
    "no_entries.rss": b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>',
    "broken.zip": b"PK\x03\x04garbage",
    # ...and dumps or feeds whose records are bad (each bad record is one line of its own).
    "half_bad.jsonl": b'{"text": "Police arrested two men in Lyon on 3 March 2022."}\n{not json\n',
    "unterminated.jsonl": b'{"text": "',
    "truncated.rss": b'<?xml version="1.0"?><rss><channel><item><title>A',
    # Gzip of one file (not a tar): read as the file it holds, or refused in one line.
    "story.txt.gz": gzip.compress(GOOD.replace("Lyon", "Lille").encode(), mtime=0),
    "dump.jsonl.gz": gzip.compress(b'{"title": "Arrests in Dijon", "text": "Police arrested two '
                                   b'men in Dijon on 3 March 2022."}\n', mtime=0),
    "cut_short.txt.gz": gzip.compress(GOOD.encode() * 20, mtime=0)[:60],
    "not_a_tar.tar.gz": gzip.compress(GOOD.encode(), mtime=0),
    "semicolons.csv": b'title;text;date\r\nArrests in Rouen;"Police, the prefect said, arrested '
                      b'two men in Rouen on 3 March 2022.";2022-03-03\r\n',
    "no_header.csv": b'"Police arrest two men in Lyon\n\nFrench police arrested two men on 3 March '
                     b'2022.",2022-03-03\n',
    # JSON documents (json.dump of a list, pretty-printed or not) rather than JSON Lines
    "pretty_array.json": json.dumps([{"title": "Arrests in Nantes", "text": "Police arrested two "
                                      "men in Nantes on 3 March 2022."}], indent=2).encode(),
    "one_line_array.json": json.dumps([{"title": "Arrests in Tours", "text": "Police arrested two "
                                        "men in Tours on 3 March 2022."}]).encode(),
    "array_with_junk.json": json.dumps([{"text": "Police arrested two men in Reims on 3 March "
                                         "2022."}, 5, None], indent=1).encode(),
    # Binary files named as dumps (one line, not a line for each "line" of junk), and dumps in
    # the UTF-16 that Windows tools write
    "png_image.jsonl": _png(),
    "random_bytes.csv": _random(1, 4096),
    "utf16_dump.csv": ('title,text\r\nRéunion à Genève,"Ministers met in Genève on 28 June 2021 '
                       'and said the café attack was foiled."\r\n').encode("utf-16"),
    "utf16le_dump.jsonl": (json.dumps({"title": "Réunion à Genève", "text": "Ministers met in "
                                       "Genève on 28 June 2021."}, ensure_ascii=False)
                           + "\n").encode("utf-16-le"),
    "atom_id_only.atom": b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F'
                         b'</title><entry><title>Only a title</title><id>tag:wire.example,2024:1'
                         b'</id><updated>2024-03-05T00:00:00Z</updated></entry></feed>',
    "page_named.rss": b"<!DOCTYPE html><html><head><title>Feed moved</title></head><body><p>This "
                      b"feed has moved.</p></body></html>",
    "lone_surrogate.jsonl": b'{"title": "Arrests in Lyon \\udc00", "text": "Police arrested two '
                            b'men in Lyon on 3 March 2022 \\ud800 over a plot."}\n',
    "numeric_dates.jsonl": b'{"text": "Police arrested a man in Nice on 3 May 2022.", '
                           b'"published": 20220503}\n'
                           b'{"text": "Police arrested a man in Metz on 4 May 2022.", '
                           b'"published": 0}\n'
                           b'{"text": "Police arrested a man in Pau on 5 May 2022.", '
                           b'"published": 1651708800}\n',
}


def write_small(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in SMALL.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in SMALL]


def write_big(folder: Path) -> None:
    """The 100 MB file (sparse: refused by its size, so its bytes are never read), the 10 MB
    line, and a text of ordinary lines too long to be an article."""
    with open(folder / "hundred_megabytes.txt", "wb") as f:
        f.truncate(100 * MB)
    line = b"Ministers met officials in Rome to discuss threats.\n"  # 52 bytes
    (folder / "book_length.txt").write_bytes(line * 12_000)  # 624,000 bytes in ordinary lines
    record = {"text": (line * 12_000).decode()}
    (folder / "book_length_record.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(
        {"text": "Police arrested two men in Paris on 4 March 2022."}) + "\n")
    (folder / "deep_nesting.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(
        {"text": "Police arrested two men in Brest on 6 March 2022."}) + "\n")
    with open(folder / "one_10mb_line.txt", "wb") as f:
        f.write(b"threat " * (10_000_000 // 7) + b"end\n")  # 10,000,000 characters, one line


def write_special(folder: Path) -> dict[str, bool]:
    """Things git cannot hold; returns which could be made here (a FIFO needs a POSIX system)."""
    made = {}
    (folder / "a_directory.txt").mkdir(exist_ok=True)
    (folder / "a_directory.txt" / "inside.txt").write_text(GOOD.replace("Lyon", "Nice"))
    locked = folder / "no_read_permission.txt"
    locked.write_text(GOOD.replace("Lyon", "Metz"))
    locked.chmod(0)
    made["no_read_permission.txt"] = not os.access(locked, os.R_OK)  # root reads anything
    for a, b in (("loop_a.txt", "loop_b.txt"), ("loop_b.txt", "loop_a.txt")):
        if not (folder / a).is_symlink():
            (folder / a).symlink_to(b)
    made["loop_a.txt"] = True
    if not (folder / "dangling_link.txt").is_symlink():
        (folder / "dangling_link.txt").symlink_to("nowhere.txt")
    made["dangling_link.txt"] = True
    (folder / "empty_folder").mkdir(exist_ok=True)
    made["empty_folder"] = True
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "a_fifo.txt")
        made["a_fifo.txt"] = stat.S_ISFIFO(os.stat(folder / "a_fifo.txt").st_mode)
    return made


def write_all(folder: Path) -> dict[str, bool]:
    write_small(folder)
    write_big(folder)
    return write_special(folder)


if __name__ == "__main__":
    write_small(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent))
