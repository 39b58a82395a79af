"""Indonesian for the decision a regency can defend (issue 11): papers, conflicts after scoring, schedules."""

ID = {
    "not counted: a conflict of interest of this juror with the entry is recorded":
        "tidak dihitung: tercatat konflik kepentingan juri ini dengan proposal tersebut",
}
