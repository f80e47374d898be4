"""Reading CheckThat! (development data; skipped when ../shared is absent)."""
from newstrace.claims.data import read_split


def test_quirks_handled(shared_data):
    folder = shared_data / "checkworthy"
    train, dev, devtest = (read_split(folder, s) for s in ("train", "dev", "dev-test"))
    assert (len(train), len(dev), len(devtest)) == (22501, 1032, 318)
    assert (sum(e.label for e in dev), sum(e.label for e in devtest)) == (238, 108)
    assert len({e.id for e in train}) == 22501  # the merged line is split in two
    assert {"24098", "29286"} <= {e.id for e in train}
    assert not any('""' in e.text for e in dev)  # CSV quoting undone: no doubled quotes left
