"""The cyclic collector is paused for a bulk build and left as it was found, even when the build fails."""

from __future__ import annotations

import gc

import pytest

from scanner.gc_pause import gc_paused


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_when_the_build_fails() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("bad list")
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
