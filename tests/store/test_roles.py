"""Actor rows across documents: roles carry the span of dates that attest them; a person's current office wins."""
from __future__ import annotations

import datetime as dt

from realpolitik.store.rows import ActorRow, dated_roles


def test_roles_fold_into_one_entry_per_role_with_date_span():
    roles = ["President (2015-04-13)", "President", "President (2013-06-15)", "Foreign Minister (2014-01-02)"]
    assert dated_roles(roles) == ["President (2013-06-15 – 2015-04-13)", "Foreign Minister (2014-01-02)"]


def test_undated_role_stays_bare():
    assert dated_roles(["spokesman"]) == ["spokesman"]


def _row(day, sector, former, role):
    d = dt.date.fromisoformat(day)
    return ActorRow("person:hassan-rouhani", "Hassan Rouhani", f"IRN{sector}", "IRN", sector, "person",
                    former=former, roles=[f"{role} ({day})"], first_seen=d, last_seen=d)


def test_later_current_office_sets_the_persons_sector():
    row = _row("2013-06-15", "ELI", True, "former chief nuclear negotiator")
    assert row.merge(_row("2016-03-16", "GOV", False, "President"))
    assert (row.sector, row.code, row.former) == ("GOV", "IRNGOV", False)
    assert "President (2016-03-16)" in row.roles and row.first_seen == dt.date(2013, 6, 15)


def test_older_document_does_not_override_current_office():
    row = _row("2016-03-16", "GOV", False, "President")
    row.merge(_row("2013-06-15", "ELI", True, "former chief nuclear negotiator"))
    assert (row.sector, row.former) == ("GOV", False)
