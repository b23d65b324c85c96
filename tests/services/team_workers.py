"""A worker process for the no-lost-update tests (tests/services/test_no_lost_update.py).

    python team_workers.py URL SAMPLE_DIR ASSESSMENT_ID QUESTION_ID SAVES OUT.json

Saves the number answer ``QUESTION_ID`` SAVES times, each time reading the answer with its
version and writing value + 1 against that version, as the GUI does. A refused save (someone
else saved in between) is counted and the officer's "read again, save again" is repeated. The
counts go to OUT.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    url, sample_dir, assessment_id, question_id, saves, out = argv
    from trustframe.errors import StaleWriteError
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    workspace = Workspace.open(url, create=False)
    services = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(Path(sample_dir),)), user="worker")
    aid, done, conflicts, reported_both = int(assessment_id), 0, 0, 0
    started = time.monotonic()
    try:
        while done < int(saves):
            answer = services.assessments.answers(aid).get(question_id)
            value = int(answer.value or 0) if answer is not None else 0
            version = answer.version if answer is not None else 0
            try:
                services.assessments.set_answer(aid, question_id, value + 1, expected_version=version)
                done += 1
            except StaleWriteError as conflict:
                conflicts += 1
                # The refusal carries both values: ours and the one saved meanwhile.
                if conflict.yours == value + 1 and conflict.theirs is not None and conflict.version > version:
                    reported_both += 1
    finally:
        services.close()
    Path(out).write_text(json.dumps({"saves": done, "conflicts": conflicts, "reported_both": reported_both,
                                     "seconds": round(time.monotonic() - started, 1)}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
