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


SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="session")
def score_set(tmp_path_factory):
    """Run a page set through the library and the shared scorer:
    score_set(SET_DIR) -> (tallies, page_hits, problems) for SET_DIR/pages vs SET_DIR/gold.
    A missing scorer fails the test: it is never skipped silently."""
    import importlib.util

    import pandas as pd

    from profile_extract import extract_page
    from profile_extract.tables.frames import page_rows

    assert SCORER.exists(), f"shared scorer not found at {SCORER}"
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)

    def run(set_dir: Path):
        out = tmp_path_factory.mktemp(f"{set_dir.name}_out")
        rows: dict[str, list] = {}
        for page in sorted((set_dir / "pages").iterdir()):
            for table, recs in page_rows(extract_page(page.read_bytes(), str(page))).items():
                rows.setdefault(table, []).extend(recs)
        for table, recs in rows.items():
            if table != "texts":
                pd.DataFrame(recs).to_csv(out / f"{table}.csv", index=False)
        return scorer.score(out, set_dir / "gold")
    return run
