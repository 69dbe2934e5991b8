"""Discovery of source files: folders, links, duplicates, and what is skipped."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from graph_builder.errors import SourceError
from graph_builder.readers import read_document
from graph_builder.sources import bundled_corpus, discover

needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


def touch(path: Path, content: bytes | str = "Teksti.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def names(paths: tuple[Path, ...], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.PDF", "A.htm", "z.markdown",
                 "x.xhtml"]:
        touch(tmp_path / name)
    found = discover([tmp_path])
    assert names(found.files, tmp_path) == [
        "A.htm", "a.md", "b.txt", "sub/c.html", "sub/deeper/d.PDF", "x.xhtml", "z.markdown"]
    assert found.warnings == ()


def test_hidden_and_unknown_files_are_skipped(tmp_path: Path) -> None:
    touch(tmp_path / "hyva.txt")
    touch(tmp_path / ".piilo.txt")
    touch(tmp_path / ".git" / "config.txt")
    touch(tmp_path / "kuva.png", b"\x89PNG\r\n\x1a\n")
    touch(tmp_path / "taulukko.xlsx", b"PK\x03\x04")
    touch(tmp_path / "muistio.txt~")
    found = discover([tmp_path])
    assert names(found.files, tmp_path) == ["hyva.txt"]
    assert names(found.skipped, tmp_path) == ["kuva.png", "muistio.txt~", "taulukko.xlsx"]


def test_files_without_suffix_are_read_when_text_or_pdf(tmp_path: Path) -> None:
    touch(tmp_path / "LUEMINUT", "Hankkeen hallinnoija on Seinäjoen kaupunki.")
    touch(tmp_path / "lataus", b"%PDF-1.4\n...")
    touch(tmp_path / "LAPE v. 2018 raportti", "Piste nimessä ei ole pääte.")
    touch(tmp_path / "kuva", b"\x89PNG\r\n\x1a\n\x00\x00")
    touch(tmp_path / "paketti", b"PK\x03\x04\x14\x00")
    touch(tmp_path / "tyhja", b"")
    touch(tmp_path / "roskaa", bytes(range(1, 32)) * 10)
    found = discover([tmp_path])
    assert names(found.files, tmp_path) == ["LAPE v. 2018 raportti", "LUEMINUT", "lataus"]


def test_a_file_named_explicitly_is_always_attempted(tmp_path: Path) -> None:
    odd = touch(tmp_path / ".piilo" / "liite.docx", b"PK\x03\x04\x14\x00")
    found = discover([odd])
    assert found.files == (odd,)
    with pytest.raises(SourceError, match="binary file, not text"):
        read_document(found.files[0])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        discover([tmp_path / "puuttuu"])
    assert str(caught.value) == f"{tmp_path / 'puuttuu'}: no such file or folder"


def test_same_real_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = touch(tmp_path / "docs" / "a.txt")
    found = discover([tmp_path / "docs", path, tmp_path / "docs" / ".." / "docs" / "a.txt"])
    assert found.files == (path,)


def test_same_name_in_different_folders_both_read(tmp_path: Path) -> None:
    first = touch(tmp_path / "pohjanmaa" / "hanke.txt", "Pohjanmaan hanke.")
    second = touch(tmp_path / "lappi" / "hanke.txt", "Lapin hanke.")
    found = discover([tmp_path])
    assert found.files == (second, first)
    documents = [read_document(path) for path in found.files]
    assert [d.name for d in documents] == ["hanke.txt", "hanke.txt"]
    assert len({d.path for d in documents}) == 2
    assert len({d.sha256 for d in documents}) == 2


def test_order_does_not_depend_on_argument_order(tmp_path: Path) -> None:
    a = touch(tmp_path / "a" / "1.txt")
    b = touch(tmp_path / "b" / "2.txt")
    assert discover([tmp_path / "b", tmp_path / "a"]).files == discover([a, b]).files == (a, b)


@needs_symlinks
def test_symlink_loop_is_a_warning_naming_the_link(tmp_path: Path) -> None:
    touch(tmp_path / "kansio" / "a.txt")
    (tmp_path / "kansio" / "ylos").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "kansio" / "itse").symlink_to(tmp_path / "kansio" / "itse")
    found = discover([tmp_path])
    assert names(found.files, tmp_path) == ["kansio/a.txt"]
    assert sorted((w.path, w.reason) for w in found.warnings) == [
        (str(tmp_path / "kansio" / "itse"), "symbolic link loop"),
        (str(tmp_path / "kansio" / "ylos"), "symbolic link loop (not followed)"),
    ]


@needs_symlinks
def test_linked_folder_is_followed_and_files_keep_their_real_path(tmp_path: Path) -> None:
    real = touch(tmp_path / "z-oikea" / "a.txt")
    (tmp_path / "a-linkki").symlink_to(tmp_path / "z-oikea", target_is_directory=True)
    outside = touch(tmp_path.parent / f"{tmp_path.name}-ulkona" / "b.txt")
    (tmp_path / "ulos").symlink_to(outside.parent, target_is_directory=True)
    found = discover([tmp_path])
    assert found.files == (tmp_path / "ulos" / "b.txt", real)
    assert found.warnings == ()


@needs_symlinks
def test_broken_link_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "rikki.txt").symlink_to(tmp_path / "ei-ole.txt")
    found = discover([tmp_path])
    assert found.files == ()
    assert [str(w) for w in found.warnings] == [f"{tmp_path / 'rikki.txt'}: broken symbolic link"]
    with pytest.raises(SourceError, match="broken symbolic link"):
        discover([tmp_path / "rikki.txt"])


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root (or Windows) can list a folder without permission")
def test_unlistable_folder_is_a_warning(tmp_path: Path) -> None:
    touch(tmp_path / "hyva.txt")
    closed = tmp_path / "suljettu"
    touch(closed / "a.txt")
    closed.chmod(0)
    try:
        found = discover([tmp_path])
    finally:
        closed.chmod(0o755)
    assert names(found.files, tmp_path) == ["hyva.txt"]
    assert [w.reason for w in found.warnings] == ["cannot list folder: permission denied"]


def test_unlistable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path / "hyva.txt")
    touch(tmp_path / "suljettu" / "a.txt")
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "suljettu":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("graph_builder.sources.os.scandir", scandir)
    found = discover([tmp_path])
    assert names(found.files, tmp_path) == ["hyva.txt"]
    assert [str(w) for w in found.warnings] == [
        f"{tmp_path / 'suljettu'}: cannot list folder: permission denied"]


def test_file_vanishing_after_discovery(tmp_path: Path) -> None:
    path = touch(tmp_path / "katoaa.txt")
    found = discover([tmp_path])
    path.unlink()
    with pytest.raises(SourceError) as caught:
        read_document(found.files[0])
    assert str(caught.value) == f"{path}: file not found (moved or deleted?)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_pipes_in_folders_are_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "putki")
    os.mkfifo(tmp_path / "putki.txt")
    assert discover([tmp_path]).files == ()


def test_bundled_corpus_lists_documents_only() -> None:
    files = bundled_corpus()
    assert [p.name for p in files] == sorted(p.name for p in files)
    assert len(files) >= 2
    assert all(p.suffix in (".txt", ".md", ".html", ".htm", ".pdf") for p in files)
    assert not {"SOURCES.md", "__init__.py"} & {p.name for p in files}
    assert all(read_document(p).text for p in files)

