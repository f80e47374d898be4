"""All SQL lives in ``newstrace/store/`` (issue 19): no other module sends a statement of its own."""
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newstrace"
STATEMENT = re.compile(r"""["'](?:SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX))\b|"""
                       r"""\.execute(?:many)?\(|\.(?:rows|scalar)\(\s*f?["']""")


def offending(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "store" in path.relative_to(root).parts[:1]:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if STATEMENT.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_no_sql_outside_the_store_package():
    assert offending(PACKAGE) == []


def test_the_check_sees_a_statement(tmp_path):
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "view.py").write_text('rows = db.rows("SELECT id FROM articles")\n')
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "query.py").write_text('rows = db.rows("SELECT id FROM articles")\n')
    assert offending(tmp_path) == ['report/view.py:1: rows = db.rows("SELECT id FROM articles")']
