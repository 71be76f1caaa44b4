"""The news-comment toxicity model: its features, when its verdict counts, what it separates,
and that tools/train_models.py makes exactly the models that ship."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from services import toxicity_comments
from services.normalize import normalize
from services.toxicity import assess

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


def test_features_leave_out_identity_words_dialect_and_bare_grammar() -> None:
    found = toxicity_comments.features("The Muslims in this town are a disgrace, dat is a fact")
    assert "muslims" not in found and "dat" not in found
    assert "the" not in found and "is a" not in found  # grammar alone says nothing
    assert "disgrace" not in found  # a strong news word, aimed at no one
    assert "town" in found and "a fact" in found


def test_insults_are_also_read_as_their_kind() -> None:
    # what the model learned of "a lying clown" carries over to a buffoon it never saw
    found = toxicity_comments.features("Boris was a philandering buffoon.")
    assert {"buffoon", "philandering buffoon", "@insult", "philandering @insult"} <= found
    assert {"@unkind", "@unkind @insult"} <= toxicity_comments.features("You spineless weasel")
    assert not any("@" in f for f in toxicity_comments.features("The council met on Tuesday."))


def test_features_keep_strong_words_aimed_at_someone() -> None:
    assert {"disgrace", "a disgrace"} <= toxicity_comments.features("You are a disgrace")


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The fog was too thick to see the stage.", False),  # nobody is spoken of
        ("Every last one of the votes was counted by hand.", False),
        ("People like you make this thread worth reading.", False),  # praise
        ("Well said, you nailed it.", False),
        ("You clearly didn't read the article.", True),
        ("The minister should resign.", True),
        ("Total waste of time, Starmer again.", True),  # a name inside a sentence
    ],
)
def test_the_verdict_counts_only_for_comments_about_people(text: str, counts: bool) -> None:
    words = set(toxicity_comments.words_of(text))
    assert toxicity_comments.about_people(text, words) is counts


def test_the_model_separates_a_sneer_from_a_report() -> None:
    sneer = "Go back to your mum's basement, nobody cares what a failed actor like you thinks."
    report = "The council approved the new budget for the libraries on Tuesday."
    assert toxicity_comments.probability(toxicity_comments.words_of(sneer)) >= 0.5
    assert toxicity_comments.probability(toxicity_comments.words_of(report)) < 0.2


def test_its_probability_counts_in_the_toxicity_score() -> None:
    text = "Go back to your mum's basement, nobody cares what a failed actor like you thinks."
    result = assess(text, normalize(text).text)
    assert result.comments >= 0.5 and result.score >= result.comments
    fog = "The fog was too thick to see the stage."
    assert assess(fog, normalize(fog).text).comments == 0.0


@pytest.mark.skipif(not DATA.is_dir(), reason="needs ../shared/data beside the project")
@pytest.mark.timeout(1800)  # both models and the held-out fits behind the operating point
def test_training_reproduces_the_shipped_models(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "train_models.py"),
            "--no-validate",
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for name in ("spam_model.json", "comment_model.json"):
        assert filecmp.cmp(tmp_path / name, ROOT / "services" / "data" / name, shallow=False), name


def test_refitted_models_are_dropped_in_by_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    from services import model_files

    assert model_files.model_file("spam_model.json").parent == ROOT / "services" / "data"
    monkeypatch.setenv(model_files.ENV_VAR, "/srv/models")
    assert model_files.model_file("spam_model.json") == Path("/srv/models/spam_model.json")
