"""Grading properties: bounded, deterministic, independent of answer order."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cursos.services.quizzes import grade


@st.composite
def snapshots(draw):
    questions = []
    for n in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from(["single", "multiple", "true_false"]))
        size = 2 if kind == "true_false" else draw(st.integers(2, 5))
        if kind == "multiple":
            correct = draw(st.sets(st.integers(0, size - 1), min_size=1, max_size=size))
        else:
            correct = {draw(st.integers(0, size - 1))}
        questions.append(
            {
                "key": f"q{n}",
                "type": kind,
                "points": str(draw(st.sampled_from(["0.5", "1", "2", "3.5"]))),
                "scoring": draw(st.sampled_from(["todo", "parcial"])),
                "choices": [
                    {"key": f"q{n}c{i}", "correct": i in correct} for i in range(size)
                ],
            }
        )
    return questions


@st.composite
def snapshot_and_answers(draw):
    snapshot = draw(snapshots())
    answers = {}
    for question in snapshot:
        keys = [c["key"] for c in question["choices"]]
        if question["type"] == "multiple":
            chosen = draw(st.lists(st.sampled_from(keys), unique=True))
        else:
            chosen = draw(st.lists(st.sampled_from(keys), max_size=1))
        if chosen:
            answers[question["key"]] = chosen
    return snapshot, answers


@given(snapshot_and_answers())
def test_score_is_within_zero_and_max(data):
    snapshot, answers = data
    result = grade(snapshot, answers)
    assert Decimal(0) <= result.score <= result.max_score
    assert Decimal(0) <= result.percent <= Decimal(100)


@given(snapshot_and_answers())
def test_grading_is_deterministic(data):
    snapshot, answers = data
    assert grade(snapshot, answers) == grade(snapshot, answers)


@given(snapshot_and_answers(), st.randoms())
def test_grading_does_not_depend_on_answer_order(data, rnd):
    snapshot, answers = data
    shuffled_items = list(answers.items())
    rnd.shuffle(shuffled_items)
    shuffled = {key: rnd.sample(chosen, len(chosen)) for key, chosen in shuffled_items}
    assert grade(snapshot, answers).score == grade(snapshot, shuffled).score


@given(snapshots())
def test_all_right_is_100_and_none_is_0(snapshot):
    right = {
        q["key"]: [c["key"] for c in q["choices"] if c["correct"]] for q in snapshot
    }
    assert grade(snapshot, right).percent == Decimal(100)
    assert grade(snapshot, {}).percent == Decimal(0)


def test_partial_credit_adds_rights_and_subtracts_wrongs():
    snapshot = [
        {
            "key": "q",
            "type": "multiple",
            "points": "2",
            "scoring": "parcial",
            "choices": [
                {"key": "a", "correct": True},
                {"key": "b", "correct": True},
                {"key": "c", "correct": False},
            ],
        }
    ]
    assert grade(snapshot, {"q": ["a"]}).score == Decimal("1.00")
    assert grade(snapshot, {"q": ["a", "c"]}).score == Decimal("0.00")
    assert grade(snapshot, {"q": ["a", "b", "c"]}).score == Decimal("1.00")
    snapshot[0]["scoring"] = "todo"
    assert grade(snapshot, {"q": ["a"]}).score == Decimal("0.00")
    assert grade(snapshot, {"q": ["a", "b"]}).score == Decimal("2.00")
