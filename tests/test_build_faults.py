"""Hostile sources and faults, end to end through ``lapekg build``.

A folder of bad files plus one good document: every bad file is named in a
warning, nothing prints a traceback, the good document's facts are kept and
the exit code says the build was partial. A build killed with SIGKILL never
changes the previous output.
"""

import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Hankkeen nimi: Perhe keskiöön\nHankkeen hallinnoija: Tampereen kaupunki\n"


def lapekg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lapekg", *args], capture_output=True,
                          text=True, cwd=ROOT, **kw)


def hostile_folder(root: Path) -> dict[str, Path]:
    """Bad sources of every kind the users' folders hold, and one good page."""
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "good": root / "good.txt",
        "png": root / "kuva.txt",
        "zip": root / "arkisto",
        "broken_pdf": root / "rikki.pdf",
        "garbage": root / "roska.txt",
    }
    files["good"].write_text(GOOD, encoding="utf-8")
    files["png"].write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    files["zip"].write_bytes(b"PK\x03\x04" + os.urandom(200))
    files["broken_pdf"].write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF")
    files["garbage"].write_bytes(bytes(range(1, 32)) * 40)
    (root / "tyhjä.txt").write_text("", encoding="utf-8")
    (root / "välilyönnit.txt").write_text("  \n\t \n", encoding="utf-8")
    cp1252 = "Hankkeen hallinnoija on Seinäjoen kaupunki.".encode("cp1252")
    (root / "cp1252.txt").write_bytes(cp1252)
    (root / "utf16.txt").write_text("Hankkeen hallinnoija on Oulun kaupunki.", encoding="utf-16")
    (root / "xss.html").write_text(
        "<html><body><script>alert(1)</script><p onclick=\"x()\">Kokkolan kaupunki"
        " <a href=\"javascript:alert(2)\">linkki</a> <img src=x onerror=alert(3)></p>"
        "</body></html>", encoding="utf-8")
    (root / "deep.html").write_text("<div>" * 20000 + "Syvä teksti." + "</div>" * 20000,
                                    encoding="utf-8")
    loop = root / "silmukka"
    loop.mkdir()
    (loop / "itse").symlink_to(loop, target_is_directory=True)
    for name in ("a", "b"):
        (root / name).mkdir()
        (root / name / "sama.txt").write_text(f"Kansio {name}: Porin kaupunki.", encoding="utf-8")
    return files


def test_hostile_folder_builds_and_names_every_bad_file(tmp_path: Path) -> None:
    files = hostile_folder(tmp_path / "in")
    out = tmp_path / "out.ttl"
    run = lapekg("build", str(tmp_path / "in"), "--out", str(out))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    for key in ("png", "zip", "broken_pdf", "garbage"):
        assert files[key].name in run.stderr, key
    assert "silmukka" in run.stderr
    graph = Graph().parse(out, format="turtle")
    labels = {str(o) for o in graph.objects(None, None) if hasattr(o, "language")}
    assert "Perhe keskiöön" in labels          # the good document's facts are kept
    assert "Seinäjoki" in labels and "Oulu" in labels   # cp1252 and UTF-16 were read
    text = out.read_text(encoding="utf-8")
    assert "alert(" not in text and "javascript:" not in text
    assert text.count("sama.txt") >= 2          # two files of one name, both read


def test_strict_stops_at_the_first_bad_file(tmp_path: Path) -> None:
    hostile_folder(tmp_path / "in")
    out = tmp_path / "out.ttl"
    run = lapekg("build", str(tmp_path / "in"), "--strict", "--out", str(out))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert not out.exists()


def test_failed_build_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("previous\n", encoding="utf-8")
    run = lapekg("build", str(tmp_path / "missing-folder"), "--strict", "--out", str(out))
    assert run.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous\n"


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5])
def test_sigkill_never_changes_the_previous_output(tmp_path: Path, delay: float) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(60):
        (corpus / f"doc{n:03}.txt").write_text(GOOD.replace("Perhe keskiöön", f"Hanke {n} !")
                                               * 20, encoding="utf-8")
    out = tmp_path / "out.ttl"
    out.write_bytes(b"previous output\n")
    before = zlib.crc32(out.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "lapekg", "build", str(corpus), "--quiet",
                             "--out", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    data = out.read_bytes()
    # Either the previous output, byte for byte, or the new one whole: the kill may land
    # after the rename and before the process exits, so the exit code cannot tell which.
    if zlib.crc32(data) != before:
        whole = tmp_path / "whole.ttl"
        subprocess.run([sys.executable, "-m", "lapekg", "build", str(corpus), "--quiet",
                        "--no-cache", "--out", str(whole)], cwd=ROOT, check=True)
        assert data == whole.read_bytes()


def test_a_long_single_line_builds(tmp_path: Path) -> None:
    """A page with no line breaks (half a megabyte here) is read in bounded sentences."""
    words = ("Hankkeen hallinnoija on Seinäjoen kaupunki ja valtionavustus on 1 000 euroa "
             "vuonna 2017 ").split()
    line = " ".join(words[n % len(words)] for n in range(60_000))
    source = tmp_path / "pitkä.txt"
    source.write_text(line, encoding="utf-8")
    out = tmp_path / "out.nt"
    run = lapekg("build", str(source), "--no-cache", "--out", str(out))
    assert run.returncode == 0, run.stderr
    graph = Graph().parse(out, format="nt")
    quotes = [str(o) for o in graph.objects(None, None) if len(str(o)) > 1000]
    assert quotes and max(len(q) for q in quotes) <= 1500


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_end_when_a_killed_build_ends(tmp_path: Path) -> None:
    """A build killed with SIGKILL leaves no worker processes behind."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(200):
        (corpus / f"doc{n:03}.txt").write_text(GOOD.replace("Perhe keskiöön", f"Hanke {n} !")
                                               * 20, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lapekg", "build", str(corpus), "--quiet",
                             "--jobs", "2", "--no-cache", "--out", str(tmp_path / "out.ttl")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    for _ in range(200):   # wait until the workers are running
        children = _children(proc.pid)
        if len(children) >= 2:
            break
        time.sleep(0.05)
    assert children, "the build started no workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for _ in range(100):   # the kernel signals them at once; allow a busy machine time
        if not any(Path(f"/proc/{pid}").exists() and _alive(pid) for pid in children):
            break
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "workers outlived the build"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
