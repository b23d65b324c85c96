"""Report use cases: gather an assessment's data through the other services and hand it to the
exchange layer, which builds the report content and renders PDF or Excel.

Organisation branding comes from two workspace settings:

* ``organisation_name``: text on the cover and in the footer.
* ``organisation_logo``: the path of a PNG or JPEG file (a string, because settings are stored
  as JSON), or raw image bytes when set programmatically. It is read here and embedded as a
  ``data:`` URI, so the renderer never opens a path; SVG logos are refused (they can carry
  scripts and external references).

Files are written atomically (a temporary file in the same folder, then renamed), so a failed
render never leaves half a report where the old one was.
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.domain.assessment import Answer, Assessment
from trustframe.domain.questionnaire import Questionnaire
from trustframe.domain.scoring_codec import result_to_dict
from trustframe.domain.scoring_model import ScoreResult
from trustframe.errors import TrustFrameError
from trustframe.files import apply_umask
from trustframe.reports import excel, model, pdf
from trustframe.reports.safety import ReportSafetyError, logo_data_uri

if TYPE_CHECKING:
    from trustframe.exchange.reports_language import ReportTranslator
    from trustframe.services.context import Services

log = logging.getLogger(__name__)

#: Report kinds and the formats each supports.
KINDS: dict[str, tuple[str, ...]] = {
    "assessment": ("pdf", "xlsx"),
    "brief": ("pdf",),
    "comparison": ("pdf",),
    "portfolio": ("pdf", "xlsx"),
}

Progress = Callable[[int, str], None]


class ReportError(TrustFrameError):
    """A report cannot be produced (bad request or settings); the message says what to do."""


@dataclass(frozen=True)
class ReportResult:
    """What was written."""

    path: Path
    kind: str
    format: str
    pages: int = 0          # PDF pages (0 for Excel)
    refused_urls: tuple[str, ...] = ()


def _no_progress(percent: int, message: str) -> None:
    """Default progress callback."""


class ReportService:
    """Assessment, comparison and portfolio reports as PDF or Excel."""

    def __init__(self, services: Services) -> None:
        self._s = services

    # -- gathering -----------------------------------------------------------------------------

    def branding(self) -> model.Branding:
        """Organisation name and validated logo from the workspace settings."""
        name = str(self._s.setting("organisation_name", "") or "").strip()
        logo = self._s.setting("organisation_logo", None)
        data: bytes | None = None
        if isinstance(logo, (bytes, bytearray)):
            data = bytes(logo)
        elif isinstance(logo, str) and logo.strip():
            path = Path(logo).expanduser()
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ReportError(f"The organisation logo {path} cannot be read ({exc.strerror}). "
                                  "Choose another file in Settings or clear the logo.") from exc
        try:
            uri = logo_data_uri(data)
        except ReportSafetyError as exc:
            raise ReportError(f"{exc} Choose a PNG or JPEG file in Settings or clear the logo.") from exc
        return model.Branding(name, uri)

    def _score(self, assessment_id: int, as_of: date | None) -> ScoreResult:
        return self._s.scoring.score(assessment_id, as_of=as_of)

    def report_author(self, author: str | None = None, assessment: Assessment | None = None) -> str:
        """Whose name a report carries (PDF author, footer, "Prepared by"): the name given (the GUI
        passes the assessor's name from Preferences, the CLI ``--author``), else ``TRUSTFRAME_USER``
        when set, else the assessment's assessor; never the operating-system login ("" when none)."""
        for name in (author, os.environ.get("TRUSTFRAME_USER"), getattr(assessment, "assessor", "")):
            if name and str(name).strip():
                return str(name).strip()
        return ""

    def assessment_input(self, assessment_id: int, as_of: date | None = None,
                         score: ScoreResult | None = None, language: str = "en", *,
                         author: str | None = None) -> model.AssessmentReportInput:
        """Everything the assessment report needs, read through the services."""
        s = self._s
        assessment = s.assessments.get(assessment_id)
        vendor = s.vendors.get_vendor(assessment.vendor_id)
        product = s.vendors.get_product(assessment.product_id)
        answers = s.assessments.answers(assessment_id)
        score = score or self._score(assessment_id, as_of)
        applicable = [q.id for q in s.assessments.applicable_questions(assessment, answers)]
        # The vendor's evidence that concerns this product: vendor-wide items and this product's.
        evidence = [e for e in s.evidence.list_evidence(vendor.id) if e.product_id in (None, product.id)]
        return model.AssessmentReportInput(
            assessment=assessment, vendor=vendor, product=product,
            questionnaire=_in_language(s.assessments.questionnaire(assessment), language), score=score, answers=answers,
            applicable_question_ids=applicable, evidence=evidence,
            evidence_links=s.evidence.for_assessment(assessment_id), history=s.history(assessment_id),
            generated_on=as_of or date.today(), generated_by=self.report_author(author, assessment),
            branding=self.branding(),
            decision_basis=s.scoring.decision_basis(assessment_id) if assessment.decision else None,
            tier_reasons=self._tier_reasons(assessment), previous=self.previous_assessment(assessment, as_of),
            buyer=self.buyer_readiness(assessment_id, as_of),
            overlays=self.overlay_blocks(assessment, answers, score, as_of, language))

    def overlay_blocks(self, assessment: Assessment, answers: Mapping[str, Answer], score: ScoreResult,
                       as_of: date | None,
                       language: str = "en") -> tuple[model.OverlayBlock, ...]:
        """The sub-score blocks of the regulatory overlays the assessment applies."""
        overlays = self._s.assessments.applied_overlays(assessment)
        if not overlays:
            return ()
        assert assessment.id is not None  # reports are made of stored assessments
        scores = self._s.scoring.overlay_scores(assessment.id, as_of, result=score)
        questionnaire = _in_language(self._s.assessments.questionnaire(assessment), language)
        return model.overlay_blocks(scores, overlays, questionnaire, answers)

    def buyer_readiness(self, assessment_id: int, as_of: date | None = None) -> model.BuyerReadinessBlock | None:
        """The buyer-readiness block of the report; None when the buyer module is not available."""
        try:
            r = self._s.buyer.score(assessment_id, as_of)
        except TrustFrameError:
            return None  # no (valid) buyer module in this installation: the report goes without it
        return model.buyer_readiness_block(r.module_key, r.score, r.completeness, r.answered, r.applicable,
                                           r.by_section, r.flags, self._s.buyer.module(assessment_id),
                                           self._s.buyer.questions(assessment_id), self._s.buyer.answers(assessment_id))

    def _tier_reasons(self, assessment: Assessment) -> tuple[str, ...]:
        """Why the purchase has its tier: the buyer's override and reason, else the profile's reasons."""
        if assessment.tier_override is not None:
            reason = assessment.tier_override_reason.strip()
            return (f"Tier set by the buyer{': ' + reason if reason else ' (no reason recorded)'}",)
        if not assessment.profile_answers:
            return ()
        try:
            return tuple(self._s.scoring.tier_for(assessment.profile_answers).reasons)
        except TrustFrameError:
            return ()  # a profile this version cannot read: the tier is still printed, without reasons

    def previous_assessment(self, assessment: Assessment,
                            as_of: date | None = None) -> model.PreviousAssessment | None:
        """The previous decided assessment of the same product: the one this reassesses when it is
        decided, else the latest decided one created before it. Its score is the one stored when it
        was decided (what the decision was based on), else as scored now."""
        s = self._s
        candidates = [a for a in s.assessments.list_assessments(product_id=assessment.product_id)
                      if a.id != assessment.id and a.decision is not None and (a.id or 0) < (assessment.id or 0)]
        if not candidates:
            return None
        by_id = {a.id: a for a in candidates}
        previous = by_id.get(assessment.previous_assessment_id) or max(candidates, key=lambda a: a.id or 0)
        assert previous.id is not None  # the candidates are stored assessments (an id above 0)
        score = s.scoring.decision_basis(previous.id)
        snapshot = score is not None
        if score is None:
            score = self._score(previous.id, as_of)
        return model.PreviousAssessment(previous, s.assessments.questionnaire(previous), score,
                                        s.assessments.answers(previous.id), snapshot)

    def assessment_report(self, assessment_id: int, as_of: date | None = None,
                          score: ScoreResult | None = None, *, include_appendix: bool = True,
                          language: str = "en", author: str | None = None) -> model.AssessmentReport:
        """The assessment report's content (pure data). ``include_appendix=False`` leaves Appendix A
        (every answer) out of the PDF; the Excel report always lists every answer."""
        report = model.build_assessment_report(
            self.assessment_input(assessment_id, as_of, score, language, author=author))
        return report if include_appendix else dataclasses.replace(report, include_appendix=False)

    def comparison_report(self, assessment_ids: Sequence[int], as_of: date | None = None,
                          language: str = "en", *, author: str | None = None) -> model.ComparisonReport:
        """Candidates for the same purchase side by side."""
        ids = list(dict.fromkeys(assessment_ids))
        if len(ids) < 2:
            raise ReportError("A comparison needs at least two different assessments.")
        entries = []
        # score_many gives one result per id, in order.
        for assessment_id, score in zip(ids, self._s.scoring.score_many(ids, as_of=as_of), strict=True):
            assessment = self._s.assessments.get(assessment_id)
            answers = self._s.assessments.answers(assessment_id)
            asked = [q.id for q in self._s.assessments.applicable_questions(assessment, answers)]
            entries.append(model.ComparisonEntry(
                assessment, _in_language(self._s.assessments.questionnaire(assessment), language), score,
                answers, asked))
        return model.build_comparison_report(entries, as_of or date.today(), self.report_author(author),
                                             self.branding())

    def portfolio_report(self, as_of: date | None = None, *, author: str | None = None) -> model.PortfolioReport:
        """Every vendor and product: ratings, tiers, open critical flags, overdue reviews, evidence."""
        today = as_of or date.today()
        rows = self._s.scoring.register_rows(as_of=as_of)
        flags: list[model.PortfolioFlag] = []
        for row in rows:
            if row.assessment_id is None or not row.critical_flags:
                continue
            score = self._score(row.assessment_id, as_of)
            for f in score.critical_flags:
                flags.append(model.PortfolioFlag(row.vendor_name, row.product_name, row.assessment_id, f.title,
                                                 f.question_id, f.mitigation))
        vendors = {v.id: v.name for v in self._s.vendors.list_vendors()}
        evidence = [(vendors.get(e.vendor_id, "?"), e) for e in self._s.evidence.list_evidence()]
        return model.build_portfolio_report(rows, flags, evidence, today, self.report_author(author), self.branding())

    # -- rendering -----------------------------------------------------------------------------

    def machine_readable(self, assessment_id: int, report: model.AssessmentReport,
                         as_of: date | None = None) -> list[pdf.EmbeddedFile]:
        """What a PDF/A-3b assessment report embeds as associated files: the results as JSON and the
        Excel report, so the archived PDF carries its data in machine-readable form."""
        score = self._score(assessment_id, as_of)
        workbook = io.BytesIO()
        full = report if report.include_appendix else dataclasses.replace(report, include_appendix=True)
        excel.write_assessment_workbook(full, workbook)
        stem = f"assessment-{assessment_id}"
        return [pdf.EmbeddedFile(f"{stem}-results.json", _results_json(assessment_id, report, score),
                                 "Scores, rating, flags and drivers as JSON"),
                pdf.EmbeddedFile(f"{stem}.xlsx", workbook.getvalue(), "The assessment report as an Excel workbook")]

    def _translator(self, language: str, kind: str, ids: Sequence[int]) -> ReportTranslator | None:
        return _report_translator(self._s, language, kind, ids)

    def assessment_documents(self, assessment_id: int, as_of: date | None = None, *,
                             include_appendix: bool = True) -> list[str]:
        """The assessment report as the HTML documents WeasyPrint lays out: the report, then (unless
        left out) Appendix A, which is a document of its own, joined after the report in the PDF."""
        report = self.assessment_report(assessment_id, as_of, include_appendix=include_appendix)
        return [pdf.render_html(name, report=report) for name in pdf.assessment_templates(report)]

    def write(self, kind: str, fmt: str, target: Path | str, assessment_ids: Iterable[int] = (), *,
              pdf_variant: str | None = None, as_of: date | None = None,
              progress: Progress | None = None, include_appendix: bool = True,
              language: str = "en", author: str | None = None) -> ReportResult:
        """Produce a report of ``kind`` (assessment, comparison, portfolio) as ``fmt`` (pdf, xlsx).

        ``include_appendix`` applies to the assessment PDF only: False leaves out Appendix A (every
        answer), which is most of the layout time; the Excel report always lists every answer.
        ``language`` is the report's language (``de``): words, dates and numbers, and the PDF's /Lang."""
        progress = progress or _no_progress
        if kind not in KINDS:
            raise ReportError(f"Unknown report kind {kind!r}; choose one of {', '.join(KINDS)}.")
        if fmt not in KINDS[kind]:
            raise ReportError(f"The {kind} report is available as {' or '.join(KINDS[kind]).upper()}, "
                              f"not {fmt.upper()}.")
        if pdf_variant is not None and pdf_variant not in pdf.PDF_VARIANTS:
            raise ReportError(f"Unknown PDF variant {pdf_variant!r}; choose one of {', '.join(pdf.PDF_VARIANTS)}.")
        ids = list(assessment_ids)
        target = Path(target)
        translator = self._translator(language, kind, ids)  # refuses an unknown language before any work
        progress(5, "Gathering data")
        if kind == "assessment":
            if len(ids) != 1:
                raise ReportError("An assessment report is for exactly one assessment.")
            report: Any = self.assessment_report(ids[0], as_of, include_appendix=include_appendix or fmt != "pdf",
                                                 language=language, author=author)
            template: str | tuple[str, ...] = pdf.assessment_templates(report)
        elif kind == "brief":
            if len(ids) != 1:
                raise ReportError("A decision brief is for exactly one assessment.")
            report = self.assessment_report(ids[0], as_of, include_appendix=False, language=language, author=author)
            template = "brief.html"
        elif kind == "comparison":
            report = self.comparison_report(ids, as_of, language, author=author)
            template = "comparison.html"
        else:
            report = self.portfolio_report(as_of, author=author)
            template = "portfolio.html"
        progress(35, "Laying out the report" if fmt == "pdf" else "Writing the workbook")
        stats = pdf.RenderStats()
        attachments: list[pdf.EmbeddedFile] = []
        if fmt == "pdf" and pdf_variant == "pdf/a-3b" and kind in ("assessment", "brief"):
            attachments = self.machine_readable(ids[0], report, as_of)
        with _atomic_target(target) as temp:
            if fmt == "pdf" and translator is not None:
                _render_translated(translator, template, {"report": report}, report.meta, temp,
                                   pdf_variant=pdf_variant, stats=stats, attachments=attachments)
            elif fmt == "pdf":
                pdf.render_pdf(template, {"report": report}, report.meta, temp, pdf_variant=pdf_variant, stats=stats,
                               attachments=attachments)
            elif kind == "assessment":
                excel.write_assessment_workbook(report, temp)
            else:
                excel.write_portfolio_workbook(report, temp)
            if fmt != "pdf" and translator is not None:
                translator.workbook(temp)
        if stats.refused:
            # Nothing we generate asks for these; a refusal means something tried to inject a URL.
            log.warning("Report %s: refused to fetch %d URL(s): %s", target, len(stats.refused), stats.refused[:5])
        progress(100, "Done")
        return ReportResult(target, kind, fmt, stats.pages, tuple(stats.refused))


def _render_translated(translator: ReportTranslator, templates: str | Sequence[str], context: dict[str, Any],
                       meta: model.ReportMeta, target: Path, *, pdf_variant: str | None, stats: pdf.RenderStats,
                       attachments: Sequence[pdf.EmbeddedFile] = ()) -> None:
    """Like ``pdf.render_pdf``, with every document put through ``translator`` before layout.
    (Here, in the service layer, so that the exchange package never imports report rendering.)"""
    names = [templates] if isinstance(templates, str) else list(templates)
    documents = [translator.html(pdf.render_html(name, **context)) for name in names]
    pdf.html_to_pdf(documents, target, pdf_variant=pdf_variant, fetcher=pdf.new_fetcher(meta), stats=stats,
                    attachments=attachments)


def _results_json(assessment_id: int, report: model.AssessmentReport, score: ScoreResult) -> bytes:
    """The assessment's results as JSON (the same score record ``assessment score --json`` gives)."""
    payload = {
        "format": "trustframe-assessment-results", "version": 1, "assessment_id": assessment_id,
        "vendor": report.vendor_name, "product": report.product_name, "status": report.status,
        "decision": report.decision_label or None, "generated_on": report.meta.generated_on.isoformat(),
        "score": result_to_dict(score),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _in_language(questionnaire: Questionnaire, language: str) -> Questionnaire:
    """The questionnaire's words in ``language`` where its overlay has them (English otherwise)."""
    if language == "en":
        return questionnaire
    from trustframe.domain.translation import translate
    from trustframe.exchange.questionnaire_translations import overlay_for

    overlay = overlay_for(questionnaire, language)
    return translate(questionnaire, overlay) if overlay is not None else questionnaire


def _report_translator(services: Services, language: str, kind: str,
                       ids: Sequence[int]) -> ReportTranslator | None:
    """The translator for a report in ``language`` (None for English); the bank texts it knows
    come from the questionnaires of the assessments reported on (all bundled ones for a portfolio)."""
    if language == "en":
        return None
    from trustframe.exchange.reports_language import ReportTranslator

    if kind == "portfolio":
        questionnaires = [services.catalog.get(info.id, info.version)
                          for info in services.catalog.list_questionnaires()]
    else:
        questionnaires = [services.assessments.questionnaire(i) for i in dict.fromkeys(ids)]
        if kind == "assessment":
            try:  # the buyer-readiness block quotes the buyer module's titles
                questionnaires.append(services.assessments.buyer_module(ids[0]))
            except TrustFrameError:
                log.debug("No buyer module for assessment %s: its section is not in the report", ids[0])
    try:
        return ReportTranslator(language, questionnaires)
    except ValueError as exc:
        raise ReportError(str(exc)) from None


class _atomic_target:
    """Context manager yielding a temporary path that replaces ``target`` on success."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.temp: Path | None = None

    def __enter__(self) -> Path:
        folder = self.target.parent
        if not folder.is_dir():
            raise ReportError(f"The folder {folder} does not exist.")
        _remove_stale_temporaries(folder, self.target)
        # The pid in the name tells a later run whether the writer is still alive (see below).
        fd, name = tempfile.mkstemp(prefix=f".~{self.target.stem}.{os.getpid()}.", suffix=self.target.suffix,
                                    dir=folder)
        os.close(fd)
        self.temp = Path(name)
        return self.temp

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self.temp is not None
        if exc_type is None:
            try:
                apply_umask(self.temp)  # mkstemp made it 0600: give it the user's normal mode
                os.replace(self.temp, self.target)
            except PermissionError as error:
                self.temp.unlink(missing_ok=True)
                raise ReportError(f"{self.target} cannot be replaced; is it open in another program?") from error
        else:
            self.temp.unlink(missing_ok=True)


#: A temporary without a pid in its name (older versions) is left alone for this long.
STALE_TEMPORARY_SECONDS = 15 * 60


def _remove_stale_temporaries(folder: Path, target: Path) -> None:
    """Delete temporaries of ``target`` left by a render that was killed.

    A temporary is ``.~STEM.PID.XXXX.SUFFIX``: it is stale when process PID no longer runs (a
    render of the same report in progress elsewhere keeps its file). Names without a pid, from
    earlier versions, count as stale after :data:`STALE_TEMPORARY_SECONDS`.
    """
    from trustframe.lifeline import owner_alive

    prefix = f".~{target.stem}"
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(target.suffix)]
    except OSError:
        return
    now = time.time()
    for path in candidates:
        rest = path.name[len(prefix):]
        pid_text = rest[1:].split(".", 1)[0] if rest.startswith(".") else ""
        try:
            # Only our own ".~STEM.PID..." report temporaries match the prefix and suffix above:
            # never a workspace (a .tfw) nor the report the user chose.
            if pid_text.isdigit():
                if int(pid_text) != os.getpid() and not owner_alive(int(pid_text)):
                    path.unlink()
            elif now - path.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                path.unlink()  # an old-style temporary of ours, abandoned for 15 minutes
        except OSError:  # gone already, or not ours to delete: never a reason to fail a report
            continue
