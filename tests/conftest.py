from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return ROOT / "samples"


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, samples_dir):
    """One real run of the CLI over the seed page, shared by table tests."""
    from profile_extract.cli import main
    out = tmp_path_factory.mktemp("seed_run")
    assert main(["run", str(samples_dir / "belarus.txt"), "--out", str(out), "--no-progress"]) == 0
    return out
