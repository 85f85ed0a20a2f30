"""The CLI: exit codes, summary, one-line errors, --help."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from profile_extract.cli import main


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "profile_extract.cli", *args],
                          capture_output=True, text=True, timeout=120)


def test_run_prints_summary_and_exits_0(tmp_path, samples_dir, capsys):
    code = main(["run", str(samples_dir / "belarus.txt"), "--out", str(tmp_path / "o"), "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0
    assert "pages    1" in out and "ok 1" in out
    assert "facts 12" in out and "events 6" in out and "contacts 10" in out and "stories 4" in out
    assert "findings" in out and "warning 0" in out and "error 0" in out
    manifest = json.loads((tmp_path / "o" / "run.json").read_text())
    assert manifest["counts"]["facts"] == 12
    assert manifest["pages_by_status"] == {"ok": 1}
    assert manifest["version"] and manifest["started"] <= manifest["finished"]


@pytest.mark.parametrize("argv,message", [
    (["run", "no/such/file.txt", "--out", "{tmp}/o"], "error: no such input: no/such/file.txt"),
    (["run", "{samples}", "--out", "/proc/forbidden/out"], "error: cannot write to output folder"),
    (["run", "{samples}", "--out", "{tmp}/o", "--jobs", "0"], "error: --jobs must be at least 1"),
    (["run", "{samples}", "--out", "{tmp}/o", "--aliases", "nope.toml"], "error: no such aliases file"),
    (["report", "{tmp}/missing"], "error: no such run folder"),
])
def test_user_errors_are_one_line_and_exit_2(tmp_path, samples_dir, capsys, argv, message):
    argv = [a.format(tmp=tmp_path, samples=samples_dir) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_bad_option_is_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--frobnicate"])
    assert exc.value.code == 2


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize("sub", [[], ["run"], ["report"], ["diff"]])
def test_every_command_has_help(sub):
    res = run_cli(*sub, "--help")
    assert res.returncode == 0
    assert "usage:" in res.stdout


def test_failed_page_gives_exit_1_and_the_rest_is_written(tmp_path, samples_dir):
    bad = tmp_path / "in" / "binary.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01\x02\xff" * 4000)
    (tmp_path / "in" / "belarus.txt").write_bytes((samples_dir / "belarus.txt").read_bytes())
    res = run_cli("run", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--no-progress")
    assert res.returncode == 1, res.stderr
    import pandas as pd
    pages = pd.read_parquet(tmp_path / "o" / "pages.parquet")
    assert sorted(pages["status"]) == ["failed", "ok"]
    failed = pages[pages["status"] == "failed"].iloc[0]
    assert failed["error"]
    assert len(pd.read_parquet(tmp_path / "o" / "facts.parquet")) == 12


def test_bad_aliases_file_is_a_usage_error(tmp_path, samples_dir, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[indicator\nthis is not toml", encoding="utf-8")
    code = main(["run", str(samples_dir / "belarus.txt"), "--out", str(tmp_path / "o"),
                 "--aliases", str(bad)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: bad aliases file:") and "bad.toml" in err


def test_aliases_file_adds_an_indicator(tmp_path, capsys):
    import pandas as pd
    page = tmp_path / "p.txt"
    page.write_text("Key facts\n\nPolder share (2020): 26%\nPopulation (2020): 17.4 million\n",
                    encoding="utf-8")
    extra = tmp_path / "mine.toml"
    extra.write_text('[polder_share]\naliases = ["Polder share"]\ndimension = "percent"\n'
                     'example = "Polder share (2020): 26%"\n', encoding="utf-8")
    assert main(["run", str(page), "--out", str(tmp_path / "o"), "--aliases", str(extra),
                 "--no-report"]) == 0
    facts = pd.read_parquet(tmp_path / "o" / "facts.parquet").set_index("label")
    assert facts.loc["Polder share", "indicator"] == "polder_share"
