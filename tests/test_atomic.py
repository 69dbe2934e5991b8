"""Atomic output: a failed or killed write never damages the previous file."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from graph_builder.errors import OutputError
from lapekg.atomic import atomic_open, atomic_write_bytes, atomic_write_text

OLD = b"@prefix lkg: <https://w3id.org/lapekg/ontology#> .\n# previous build\n"


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_bytes_and_text(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    atomic_write_bytes(target, OLD)
    assert target.read_bytes() == OLD
    atomic_write_text(target, "rivi\nSeinäjoki\r\n")
    assert target.read_bytes() == "rivi\nSeinäjoki\r\n".encode()
    assert temporaries(tmp_path) == []


def test_text_mode_writes_newlines_as_given(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    with atomic_open(target, "w") as handle:
        handle.write("<p>ä</p>\n")
    assert target.read_bytes() == "<p>ä</p>\n".encode()


def test_exception_inside_leaves_old_bytes_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD)
    with pytest.raises(RuntimeError, match="build failed"):
        with atomic_open(target) as handle:
            handle.write(b"partial output " * 1000)
            raise RuntimeError("build failed")
    assert target.read_bytes() == OLD
    assert temporaries(tmp_path) == []


def test_keyboard_interrupt_also_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(target) as handle:
            handle.write(b"x")
            raise KeyboardInterrupt
    assert target.read_bytes() == OLD
    assert temporaries(tmp_path) == []


def test_failed_write_does_not_create_a_missing_target(tmp_path: Path) -> None:
    target = tmp_path / "new.ttl"
    with pytest.raises(ValueError):
        with atomic_open(target) as handle:
            handle.write(b"x")
            raise ValueError("no")
    assert not target.exists()


def test_temporary_is_beside_the_target_and_hidden(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    with atomic_open(target) as handle:
        names = temporaries(tmp_path)
        handle.write(b"data")
    assert len(names) == 1
    assert names[0].startswith(".graph.ttl.") and names[0].endswith(".tmp")
    assert temporaries(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_permissions_of_an_existing_target_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "private.ttl"
    target.write_bytes(OLD)
    target.chmod(0o600)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o664)
    atomic_write_bytes(target, b"newer")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_new_file_gets_0644_less_umask(tmp_path: Path) -> None:
    old_umask = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "a.ttl", b"a")
        os.umask(0o022)
        atomic_write_bytes(tmp_path / "b.ttl", b"b")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "a.ttl").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "b.ttl").stat().st_mode) == 0o644


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
def test_symlinked_target_replaces_the_linked_file(tmp_path: Path) -> None:
    real = tmp_path / "real.ttl"
    real.write_bytes(OLD)
    link = tmp_path / "latest.ttl"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "ei-ole" / "graph.ttl"
    with pytest.raises(OutputError) as caught:
        atomic_write_bytes(target, b"x")
    assert str(caught.value).startswith(f"{target}: cannot write: ")


def test_target_that_is_a_folder_is_an_output_error(tmp_path: Path) -> None:
    folder = tmp_path / "graph.ttl"
    folder.mkdir()
    with pytest.raises(OutputError):
        atomic_write_bytes(folder, b"x")
    assert folder.is_dir()
    assert temporaries(tmp_path) == []


def test_bad_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mode"):
        with atomic_open(tmp_path / "a", "ab"):
            pass


_SLOW_WRITER = textwrap.dedent("""
    import sys, time
    from lapekg.atomic import atomic_open
    with atomic_open(sys.argv[1]) as handle:
        for n in range(10_000):
            handle.write(b"new triple %d .\\n" % n * 200)
            handle.flush()
            if n == 5:
                print("writing", flush=True)
            time.sleep(0.01)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_write_leaves_previous_file_byte_identical(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD)
    child = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"  # blocks until the child is mid-write
        written = [tmp_path / name for name in temporaries(tmp_path)]
        assert len(written) == 1 and written[0].stat().st_size > 0
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert target.read_bytes() == OLD
    assert len(temporaries(tmp_path)) <= 1
    # The stray temporary does not get in the way of the next build.
    atomic_write_bytes(target, b"next build\n")
    assert target.read_bytes() == b"next build\n"
    assert len(temporaries(tmp_path)) <= 1
