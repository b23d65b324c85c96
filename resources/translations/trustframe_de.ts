<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AnswerEditor</name>
    <message>
        <source>Answer</source>
        <extracomment>Text answers are saved this long after the last keystroke (and at once on leaving the field). The officer changed the answer (canonical value, None = cleared).</extracomment>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>AssessmentController</name>
    <message>
        <source>Answer %1</source>
        <extracomment>When one score takes longer than this, later scores wait for a pause in the typing. A save or change was refused (the reason was shown): the screen reloads. A new score arrived (ScoreResult or None). Bumped by a synchronous score: a background result started before it is stale.</extracomment>
        <translation>Antwort auf %1</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Kommentar zu %1</translation>
    </message>
    <message>
        <source>Follow-up on %1</source>
        <translation>Nachverfolgung zu %1</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>%1 bestätigen</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Override %1</source>
        <translation>%1 übersteuern</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>Antwort nicht gespeichert</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Answer changed by someone else</source>
        <translation>Antwort von jemand anderem geändert</translation>
    </message>
    <message>
        <source>{question} was saved by someone else while you edited it.</source>
        <translation>{question} wurde von jemand anderem gespeichert, während Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>Theirs: {theirs}
Yours: {yours}

Save yours over theirs? No keeps theirs.</source>
        <translation>Deren Antwort: {theirs}
Ihre Antwort: {yours}

Ihre Antwort über deren speichern? Nein behält deren Antwort.</translation>
    </message>
    <message>
        <source>Evidence link not changed</source>
        <translation>Nachweisverknüpfung nicht geändert</translation>
    </message>
    <message>
        <source>Link evidence to %1</source>
        <translation>Nachweis mit %1 verknüpfen</translation>
    </message>
    <message>
        <source>Unlink evidence from %1</source>
        <translation>Nachweisverknüpfung von %1 lösen</translation>
    </message>
    <message>
        <source>Red flag not accepted</source>
        <translation>Warnsignal nicht akzeptiert</translation>
    </message>
    <message>
        <source>Acceptance not revoked</source>
        <translation>Akzeptanz nicht widerrufen</translation>
    </message>
    <message>
        <source>Not reopened</source>
        <translation>Nicht wieder geöffnet</translation>
    </message>
    <message>
        <source>Not applicable answers not accepted</source>
        <translation>Antworten „nicht zutreffend“ nicht akzeptiert</translation>
    </message>
    <message>
        <source>Status not changed</source>
        <translation>Status nicht geändert</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Next assessment not started</source>
        <translation>Nächste Bewertung nicht begonnen</translation>
    </message>
    <message>
        <source>Started the next assessment on %1: %2 answers carried, %3 reworded to confirm, %4 dropped, %5 questions to answer again.</source>
        <translation>Nächste Bewertung auf %1 begonnen: %2 Antworten übernommen, %3 umformuliert zur Bestätigung, %4 entfallen, %5 Fragen neu zu beantworten.</translation>
    </message>
    <message>
        <source>Started the next assessment: answers from this one are marked &quot;to confirm&quot;.</source>
        <translation>Nächste Bewertung begonnen: Antworten aus dieser sind als „zu bestätigen“ markiert.</translation>
    </message>
    <message>
        <source>No earlier answers of this vendor from the last %1 months to offer.</source>
        <translation>Keine früheren Antworten dieses Anbieters aus den letzten %1 Monaten vorhanden.</translation>
    </message>
    <message>
        <source>Pre-fill from earlier answers</source>
        <translation>Aus früheren Antworten vorausfüllen</translation>
    </message>
    <message>
        <source>Pre-fill %1 answers from this vendor&apos;s other assessments?</source>
        <translation>%1 Antworten aus den anderen Bewertungen dieses Anbieters vorausfüllen?</translation>
    </message>
    <message>
        <source>They arrive marked &quot;to confirm&quot; and keep where they came from: %1. Questions already answered are left as they are.</source>
        <translation>Sie werden als „zu bestätigen“ markiert und behalten ihre Herkunft: %1. Bereits beantwortete Fragen bleiben unverändert.</translation>
    </message>
    <message>
        <source>This assessment is decided and locked. Reopen it (with a reason) to change it.</source>
        <translation>Diese Bewertung ist entschieden und gesperrt. Öffnen Sie sie (mit Begründung) wieder, um sie zu ändern.</translation>
    </message>
    <message>
        <source>Reopen assessment</source>
        <translation>Bewertung wieder öffnen</translation>
    </message>
    <message>
        <source>Why is this decided assessment reopened? The reason is kept in the change log.</source>
        <translation>Warum wird diese entschiedene Bewertung wieder geöffnet? Die Begründung wird im Änderungsprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Start next assessment</source>
        <translation>Nächste Bewertung beginnen</translation>
    </message>
    <message>
        <source>Start the next assessment of %1?</source>
        <translation>Die nächste Bewertung von %1 beginnen?</translation>
    </message>
    <message>
        <source>This one stays decided (%1 on %2) and is shown in the register until the new one is decided. Its answers are copied into the new assessment, marked &quot;to confirm&quot;.</source>
        <translation>Diese bleibt entschieden (%1 am %2) und wird im Register angezeigt, bis die neue entschieden ist. Ihre Antworten werden in die neue Bewertung übernommen und als „zu bestätigen“ markiert.</translation>
    </message>
    <message>
        <source>Accept red flag</source>
        <translation>Warnsignal akzeptieren</translation>
    </message>
    <message>
        <source>Why is red flag %1 accepted as mitigated?</source>
        <translation>Warum wird Warnsignal %1 als gemindert akzeptiert?</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Akzeptieren</translation>
    </message>
    <message>
        <source>Accept &apos;not applicable&apos;</source>
        <translation>„Nicht zutreffend“ akzeptieren</translation>
    </message>
    <message numerus="yes">
        <source>Why do these %n answer(s) not apply? (%1)</source>
        <translation>
            <numerusform>Warum trifft diese %n Antwort nicht zu? (%1)</numerusform>
            <numerusform>Warum treffen diese %n Antworten nicht zu? (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Override: %1</source>
        <translation>Übersteuerung: %1</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>To confirm (reworded)</source>
        <translation>Zu bestätigen (umformuliert)</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>Zu bestätigen</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <source>Assessment</source>
        <extracomment>The tab title changed (vendor · product). The question shown changed (question id). A new score was shown (ScoreResult or None).</extracomment>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Where the assessment is: draft, sent to the vendor, returned, in review or decided</source>
        <translation>Stand der Bewertung: Entwurf, an den Anbieter gesendet, zurückerhalten, in Prüfung oder entschieden</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Wieder öffnen…</translation>
    </message>
    <message>
        <source>Reopen the decided assessment for review (a reason is required and logged)</source>
        <translation>Die entschiedene Bewertung zur Prüfung wieder öffnen (eine Begründung ist nötig und wird protokolliert)</translation>
    </message>
    <message>
        <source>Start &amp;next assessment</source>
        <translation>&amp;Nächste Bewertung beginnen</translation>
    </message>
    <message>
        <source>Start the next assessment of this product; this one&apos;s answers are copied as &quot;to confirm&quot;</source>
        <translation>Die nächste Bewertung dieses Produkts beginnen; die Antworten dieser Bewertung werden als „zu bestätigen“ übernommen</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Question page</source>
        <translation>Frageseite</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktwert</translation>
    </message>
    <message>
        <source>Ans&amp;wer</source>
        <translation>Ant&amp;worten</translation>
    </message>
    <message>
        <source>Rev&amp;iew</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>Overla&amp;ys</source>
        <translation>Zusatz&amp;module</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Vorherige Frage</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Nächste Frage</translation>
    </message>
    <message>
        <source>Next open</source>
        <translation>Nächste offene</translation>
    </message>
    <message>
        <source>Next unanswered or unconfirmed question</source>
        <translation>Nächste unbeantwortete oder unbestätigte Frage</translation>
    </message>
    <message>
        <source>Confirm the answer copied from last time and go on</source>
        <translation>Die vom letzten Mal übernommene Antwort bestätigen und weitergehen</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Antwort löschen</translation>
    </message>
    <message>
        <source>Clear the answer</source>
        <translation>Die Antwort löschen</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Mark or unmark the answer for follow-up</source>
        <translation>Die Antwort zur Nachverfolgung markieren oder die Markierung entfernen</translation>
    </message>
    <message>
        <source>Link evidence…</source>
        <translation>Nachweis verknüpfen…</translation>
    </message>
    <message>
        <source>Link evidence to the answer</source>
        <translation>Nachweis mit der Antwort verknüpfen</translation>
    </message>
    <message>
        <source>Write a comment</source>
        <translation>Kommentar schreiben</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Switch between answering and review</source>
        <translation>Zwischen Beantworten und Prüfung wechseln</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>Entscheidung festhalten…</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Die Entscheidung festhalten</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Wieder öffnen…</translation>
    </message>
    <message>
        <source>Reopen the decided assessment</source>
        <translation>Die entschiedene Bewertung wieder öffnen</translation>
    </message>
    <message>
        <source>Start next assessment</source>
        <translation>Nächste Bewertung beginnen</translation>
    </message>
    <message>
        <source>Start the next assessment of this product</source>
        <translation>Die nächste Bewertung dieses Produkts beginnen</translation>
    </message>
    <message>
        <source>Pre-fill from earlier answers…</source>
        <translation>Aus früheren Antworten vorausfüllen…</translation>
    </message>
    <message>
        <source>Offer the answers this vendor gave in its other recent assessments, marked &quot;to confirm&quot;</source>
        <translation>Die Antworten anbieten, die dieser Anbieter in seinen anderen aktuellen Bewertungen gegeben hat, markiert als „zu bestätigen“</translation>
    </message>
    <message>
        <source>Scope and tier…</source>
        <translation>Umfang und Stufe…</translation>
    </message>
    <message>
        <source>Change the inherent-risk tier (criticality profile or override) and the questions in scope</source>
        <translation>Die inhärente Risikostufe (Kritikalitätsprofil oder Übersteuerung) und die Fragen im Umfang ändern</translation>
    </message>
    <message>
        <source>Mark sent to vendor</source>
        <translation>Als an den Anbieter gesendet markieren</translation>
    </message>
    <message>
        <source>The questionnaire went to the vendor</source>
        <translation>Der Fragebogen ging an den Anbieter</translation>
    </message>
    <message>
        <source>Mark returned</source>
        <translation>Als zurückerhalten markieren</translation>
    </message>
    <message>
        <source>The vendor returned the questionnaire</source>
        <translation>Der Anbieter hat den Fragebogen zurückgeschickt</translation>
    </message>
    <message>
        <source>Mark in review</source>
        <translation>Als in Prüfung markieren</translation>
    </message>
    <message>
        <source>The answers are being reviewed</source>
        <translation>Die Antworten werden geprüft</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Zurück zum Entwurf</translation>
    </message>
    <message>
        <source>The questionnaire is being prepared again</source>
        <translation>Der Fragebogen wird erneut vorbereitet</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Status ändern</translation>
    </message>
    <message>
        <source>Mark the assessment sent to the vendor, returned or in review</source>
        <translation>Die Bewertung als an den Anbieter gesendet, zurückerhalten oder in Prüfung markieren</translation>
    </message>
    <message>
        <source>Choose option %1</source>
        <translation>Option %1 wählen</translation>
    </message>
    <message>
        <source>This is the last question.</source>
        <translation>Dies ist die letzte Frage.</translation>
    </message>
    <message>
        <source>This is the first question.</source>
        <translation>Dies ist die erste Frage.</translation>
    </message>
    <message>
        <source>Every question is answered. Switch to Review to decide.</source>
        <translation>Alle Fragen sind beantwortet. Wechseln Sie zur Prüfung, um zu entscheiden.</translation>
    </message>
    <message>
        <source>This assessment no longer exists.</source>
        <translation>Diese Bewertung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>(overridden)</source>
        <translation>(übersteuert)</translation>
    </message>
    <message>
        <source>reassessment</source>
        <translation>Folgebewertung</translation>
    </message>
    <message>
        <source>Decided: %1 by %2 on %3. This assessment is locked; reopen it with a reason to change anything.</source>
        <translation>Entschieden: %1 von %2 am %3. Diese Bewertung ist gesperrt; öffnen Sie sie mit Begründung wieder, um etwas zu ändern.</translation>
    </message>
    <message>
        <source>The workspace was closed.</source>
        <translation>Der Arbeitsbereich wurde geschlossen.</translation>
    </message>
    <message>
        <source>Pre-filled %1 answers to confirm.</source>
        <translation>%1 Antworten zum Bestätigen vorausgefüllt.</translation>
    </message>
    <message>
        <source>critical importance</source>
        <translation>kritische Bedeutung</translation>
    </message>
    <message>
        <source>high importance</source>
        <translation>hohe Bedeutung</translation>
    </message>
    <message>
        <source>standard importance</source>
        <translation>normale Bedeutung</translation>
    </message>
    <message>
        <source>low importance</source>
        <translation>geringe Bedeutung</translation>
    </message>
    <message>
        <source>&amp;Buyer readiness</source>
        <translation>&amp;Bereitschaft des Auftraggebers</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Bar chart</source>
        <translation>Balkendiagramm</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>ohne Punktwert</translation>
    </message>
</context>
<context>
    <name>BuyerReadinessPanel</name>
    <message>
        <source>Buyer readiness</source>
        <translation>Bereitschaft des Auftraggebers</translation>
    </message>
    <message>
        <source>Your organisation&apos;s own duties for this purchase. Scored on their own: they do not change the vendor&apos;s rating and are never sent to the vendor.</source>
        <translation>Die eigenen Pflichten Ihrer Organisation bei diesem Kauf. Getrennt bewertet: Sie ändern die Einstufung des Anbieters nicht und werden dem Anbieter nie geschickt.</translation>
    </message>
    <message>
        <source>Buyer readiness is not available: %1</source>
        <translation>Die Bereitschaft des Auftraggebers ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>Antwort nicht gespeichert</translation>
    </message>
    <message>
        <source>Buyer answer %1</source>
        <translation>Antwort des Auftraggebers auf %1</translation>
    </message>
    <message>
        <source>Buyer readiness: not answered yet (%1 questions).</source>
        <translation>Bereitschaft des Auftraggebers: noch nicht beantwortet (%1 Fragen).</translation>
    </message>
    <message>
        <source>Buyer readiness: %1 / 100, %2 of %3 answered.</source>
        <translation>Bereitschaft des Auftraggebers: %1 / 100, %2 von %3 beantwortet.</translation>
    </message>
    <message>
        <source>Weak points: %1</source>
        <translation>Schwachpunkte: %1</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>Press %1 to choose</source>
        <translation>%1 drücken zum Auswählen</translation>
    </message>
</context>
<context>
    <name>ComparePickerDialog</name>
    <message>
        <source>Compare assessments</source>
        <extracomment>Filter value meaning &quot;assessments without a procurement reference&quot;. The background scoring of ratings the register did not know (None when not needed).</extracomment>
        <translation>Bewertungen vergleichen</translation>
    </message>
    <message>
        <source>Tick two or more assessments to see them side by side, for example the vendors bidding for the same purchase.</source>
        <translation>Haken Sie zwei oder mehr Bewertungen an, um sie nebeneinander zu sehen, etwa die Anbieter, die sich um denselben Kauf bewerben.</translation>
    </message>
    <message>
        <source>Procurement reference</source>
        <translation>Beschaffungsreferenz</translation>
    </message>
    <message>
        <source>All procurements</source>
        <translation>Alle Beschaffungen</translation>
    </message>
    <message>
        <source>(no reference)</source>
        <translation>(keine Referenz)</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>Produktkategorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Product / service</source>
        <translation>Produkt / Dienstleistung</translation>
    </message>
    <message>
        <source>Procurement</source>
        <translation>Beschaffung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Chosen assessments</source>
        <translation>Gewählte Bewertungen</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Procurement:</source>
        <translation>&amp;Beschaffung:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Assessment #%1, started %2</source>
        <translation>Bewertung #%1, begonnen %2</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s) ticked</source>
        <translation>
            <numerusform>%n Bewertung angehakt</numerusform>
            <numerusform>%n Bewertungen angehakt</numerusform>
        </translation>
    </message>
    <message>
        <source>({n} hidden by the filters)</source>
        <translation>({n} durch die Filter ausgeblendet)</translation>
    </message>
    <message>
        <source>tick at least two</source>
        <translation>mindestens zwei anhaken</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare assessments</source>
        <extracomment>The user asked to open one of the compared assessments (its id).</extracomment>
        <translation>Bewertungen vergleichen</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Vergleichstabelle</translation>
    </message>
    <message>
        <source>Scores are not available for these assessments.</source>
        <translation>Für diese Bewertungen sind keine Punktwerte verfügbar.</translation>
    </message>
    <message>
        <source>Show &amp;differences only</source>
        <translation>Nur &amp;Unterschiede anzeigen</translation>
    </message>
    <message>
        <source>Hide the rows where every assessment has the same value; rows that differ are marked %1</source>
        <translation>Zeilen ausblenden, in denen alle Bewertungen denselben Wert haben; abweichende Zeilen sind mit %1 markiert</translation>
    </message>
    <message>
        <source>Compare (%1)</source>
        <translation>Vergleichen (%1)</translation>
    </message>
    <message>
        <source>Scores as of %1. Double-click a vendor to open its assessment.</source>
        <translation>Punktwerte zum %1. Doppelklicken Sie auf einen Anbieter, um seine Bewertung zu öffnen.</translation>
    </message>
    <message>
        <source>decided %1</source>
        <translation>entschieden %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>begonnen %1</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Gesamtpunktwert</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>Open red flags (critical)</source>
        <translation>Offene Warnsignale (kritisch)</translation>
    </message>
    <message>
        <source>Inherent tier</source>
        <translation>Inhärente Stufe</translation>
    </message>
    <message>
        <source>By domain</source>
        <translation>Nach Bereich</translation>
    </message>
    <message>
        <source>By pillar</source>
        <translation>Nach Säule</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Warnsignale</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove the date</source>
        <translation>Das Datum entfernen</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record decision</source>
        <translation>Entscheidung festhalten</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Auflagen</translation>
    </message>
    <message>
        <source>Conditions to require:</source>
        <translation>Zu fordernde Auflagen:</translation>
    </message>
    <message>
        <source>Your name (set once in Preferences)</source>
        <translation>Ihr Name (einmal in den Einstellungen festgelegt)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Entscheidungsdatum</translation>
    </message>
    <message>
        <source>Next review due</source>
        <translation>Nächste Überprüfung fällig</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Why this decision is right although it departs from the recommendation or rests on few answers</source>
        <translation>Warum diese Entscheidung richtig ist, obwohl sie von der Empfehlung abweicht oder auf wenigen Antworten beruht</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>Entschieden &amp;von:</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Next &amp;review due:</source>
        <translation>Nächste &amp;Überprüfung fällig:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Recording the decision locks the assessment; reopening needs a reason.</source>
        <translation>Das Festhalten der Entscheidung sperrt die Bewertung; Wiederöffnen erfordert eine Begründung.</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>Entscheidung nicht festgehalten</translation>
    </message>
    <message>
        <source>The score is not available.</source>
        <translation>Der Punktwert ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Score %1 · rating %2 · %3 open red flags · %4% complete · recommended: %5</source>
        <translation>Punktwert %1 · Einstufung %2 · offene Warnsignale: %3 · %4 % vollständig · empfohlen: %5</translation>
    </message>
    <message>
        <source>A written justification is needed: %1</source>
        <translation>Eine schriftliche Begründung ist nötig: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Workspace busy</source>
        <translation>Arbeitsbereich belegt</translation>
    </message>
    <message>
        <source>Another program (or another TrustFrame window) is saving to this workspace. Wait a moment and try again; nothing was lost.</source>
        <translation>Ein anderes Programm (oder ein anderes TrustFrame-Fenster) speichert gerade in diesen Arbeitsbereich. Warten Sie einen Moment und versuchen Sie es erneut; nichts ging verloren.</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Datenträger voll</translation>
    </message>
    <message>
        <source>Free some space on the disk, then try again. The change was not saved; what was saved before is safe.</source>
        <translation>Geben Sie Speicherplatz auf dem Datenträger frei und versuchen Sie es erneut. Die Änderung wurde nicht gespeichert; was zuvor gespeichert war, ist sicher.</translation>
    </message>
    <message>
        <source>Workspace cannot be changed</source>
        <translation>Arbeitsbereich kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Copy the workspace to a folder you may write to and open the copy, or ask for write access.</source>
        <translation>Kopieren Sie den Arbeitsbereich in einen Ordner, in den Sie schreiben dürfen, und öffnen Sie die Kopie, oder fragen Sie nach Schreibrechten.</translation>
    </message>
    <message>
        <source>Workspace needs an upgrade</source>
        <translation>Arbeitsbereich muss aktualisiert werden</translation>
    </message>
    <message>
        <source>Open it in TrustFrame (File &gt; Open Workspace), which upgrades it after taking a backup.</source>
        <translation>Öffnen Sie ihn in TrustFrame (Datei &gt; Arbeitsbereich öffnen); TrustFrame aktualisiert ihn nach einer Sicherung.</translation>
    </message>
    <message>
        <source>Workspace damaged or not recognised</source>
        <translation>Arbeitsbereich beschädigt oder nicht erkannt</translation>
    </message>
    <message>
        <source>The file was not changed. Run `trustframe workspace check --repair FILE` for a repaired copy, or restore a backup from the folder next to it ending in .backups.</source>
        <translation>Die Datei des Arbeitsbereichs wurde nicht verändert. Führen Sie `trustframe workspace check --repair DATEI` für eine reparierte Kopie aus, oder stellen Sie eine Sicherung aus dem danebenliegenden Ordner mit der Endung .backups wieder her.</translation>
    </message>
    <message>
        <source>Workspace made by a newer TrustFrame</source>
        <translation>Arbeitsbereich von einer neueren TrustFrame-Version</translation>
    </message>
    <message>
        <source>Install the newer version of TrustFrame to open this workspace. The file was not changed.</source>
        <translation>Installieren Sie die neuere TrustFrame-Version, um diesen Arbeitsbereich zu öffnen. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Not a TrustFrame workspace</source>
        <translation>Kein TrustFrame-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Choose a .tfw workspace file, or create a new workspace with File &gt; New Workspace.</source>
        <translation>Wählen Sie eine .tfw-Arbeitsbereichsdatei oder legen Sie mit Datei &gt; Neuer Arbeitsbereich einen neuen an.</translation>
    </message>
    <message>
        <source>Workspace problem</source>
        <translation>Problem mit dem Arbeitsbereich</translation>
    </message>
    <message>
        <source>Check that the file is not open in another program and that you may write to its folder.</source>
        <translation>Prüfen Sie, dass die Datei nicht in einem anderen Programm geöffnet ist und Sie in ihren Ordner schreiben dürfen.</translation>
    </message>
    <message>
        <source>The file has problems</source>
        <translation>Die Datei hat Probleme</translation>
    </message>
    <message>
        <source>Correct the listed problems and try again.</source>
        <translation>Beheben Sie die aufgeführten Probleme und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot do that now</source>
        <translation>Das ist jetzt nicht möglich</translation>
    </message>
    <message>
        <source>Change the conflicting value, or refresh and try again.</source>
        <translation>Ändern Sie den widersprüchlichen Wert oder aktualisieren Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>It may have been deleted. Refresh the view (F5) and try again.</source>
        <translation>Es wurde möglicherweise gelöscht. Aktualisieren Sie die Ansicht (F5) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot complete the action</source>
        <translation>Die Aktion kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>Correct the input and try again.</source>
        <translation>Korrigieren Sie die Eingabe und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Unerwartetes Problem</translation>
    </message>
    <message>
        <source>TrustFrame ran into an unexpected problem and could not finish what it was doing. Your saved data is safe: every change is saved in its own transaction.</source>
        <translation>TrustFrame ist auf ein unerwartetes Problem gestoßen und konnte den Vorgang nicht abschließen. Ihre gespeicherten Daten sind sicher: Jede Änderung wird in einer eigenen Transaktion gespeichert.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}

Please include that file when you report the problem.</source>
        <translation>Die Einzelheiten wurden in die Protokolldatei geschrieben:
{path}

Bitte fügen Sie diese Datei bei, wenn Sie das Problem melden.</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Add evidence</source>
        <translation>Nachweis hinzufügen</translation>
    </message>
    <message>
        <source>Edit evidence</source>
        <translation>Nachweis bearbeiten</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>The evidence being edited (None when adding).</extracomment>
        <translation>Titel</translation>
    </message>
    <message>
        <source>e.g. ISO/IEC 27001 certificate</source>
        <translation>z. B. Zertifikat nach ISO/IEC 27001</translation>
    </message>
    <message>
        <source>Kind of evidence</source>
        <translation>Art des Nachweises</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>The whole vendor</source>
        <translation>Den gesamten Anbieter</translation>
    </message>
    <message>
        <source>A &amp;file (kept inside the workspace)</source>
        <translation>Eine &amp;Datei (im Arbeitsbereich abgelegt)</translation>
    </message>
    <message>
        <source>A &amp;link</source>
        <translation>Ein &amp;Link</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose a PDF, image or document…</source>
        <translation>PDF, Bild oder Dokument wählen…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Who issued it, e.g. the certification body</source>
        <translation>Wer ihn ausgestellt hat, z. B. die Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Issued by an independent third party</source>
        <translation>Von einer unabhängigen dritten Stelle ausgestellt</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Applies &amp;to</source>
        <translation>&amp;Gilt für</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>&amp;Issuer</source>
        <translation>A&amp;ussteller</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>The stored file cannot be replaced; add a new file as new evidence.</source>
        <translation>Die gespeicherte Datei kann nicht ersetzt werden; fügen Sie eine neue Datei als neuen Nachweis hinzu.</translation>
    </message>
    <message>
        <source>Choose the evidence file, or switch to a link.</source>
        <translation>Wählen Sie die Nachweisdatei oder wechseln Sie zu einem Link.</translation>
    </message>
    <message>
        <source>This link points to an internal host name ({0}), not to a public site. TrustFrame stores it but never opens it; check that the vendor meant it.</source>
        <translation>Dieser Link zeigt auf einen internen Hostnamen ({0}), nicht auf eine öffentliche Website. TrustFrame speichert ihn, öffnet ihn aber nie; prüfen Sie, ob der Anbieter das so gemeint hat.</translation>
    </message>
    <message>
        <source>a link-local (cloud metadata)</source>
        <translation>eine link-lokale Adresse (Cloud-Metadaten)</translation>
    </message>
    <message>
        <source>a loopback</source>
        <translation>eine Loopback-Adresse</translation>
    </message>
    <message>
        <source>a private</source>
        <translation>eine private Adresse</translation>
    </message>
    <message>
        <source>a reserved</source>
        <translation>eine reservierte Adresse</translation>
    </message>
    <message>
        <source>This link points to {1} address ({0}), not to a public site. TrustFrame stores it but never opens it; check that the vendor meant it.</source>
        <translation>Dieser Link zeigt auf {1} ({0}), nicht auf eine öffentliche Website. TrustFrame speichert ihn, öffnet ihn aber nie; prüfen Sie, ob der Anbieter das so gemeint hat.</translation>
    </message>
    <message>
        <source>Choose the evidence file</source>
        <translation>Die Nachweisdatei wählen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.json *.xml *.txt *.zip);;All files (*)</source>
        <translation>Dokumente (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.json *.xml *.txt *.zip);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>EvidenceLinkDialog</name>
    <message>
        <source>Link evidence</source>
        <translation>Nachweis verknüpfen</translation>
    </message>
    <message>
        <source>Evidence of this vendor</source>
        <translation>Nachweise dieses Anbieters</translation>
    </message>
    <message>
        <source>This vendor has no evidence yet: add some below.</source>
        <translation>Dieser Anbieter hat noch keine Nachweise: Fügen Sie unten welche hinzu.</translation>
    </message>
    <message>
        <source>e.g. ISO/IEC 27001 certificate 2025</source>
        <translation>z. B. Zertifikat nach ISO/IEC 27001, 2025</translation>
    </message>
    <message>
        <source>or a file to keep in the workspace</source>
        <translation>oder eine Datei, die im Arbeitsbereich abgelegt wird</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Issued by an &amp;independent party (auditor, certification body)</source>
        <translation>Von einer &amp;unabhängigen Stelle ausgestellt (Auditor, Zertifizierungsstelle)</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>&amp;Add evidence</source>
        <translation>Nachweis &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>New evidence</source>
        <translation>Neuer Nachweis</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>A&amp;ussteller:</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>Läuft &amp;ab:</translation>
    </message>
    <message>
        <source>Tick the evidence that supports this answer:</source>
        <translation>Haken Sie die Nachweise an, die diese Antwort stützen:</translation>
    </message>
    <message>
        <source>Evidence not added</source>
        <translation>Nachweis nicht hinzugefügt</translation>
    </message>
    <message>
        <source>already linked</source>
        <translation>bereits verknüpft</translation>
    </message>
    <message>
        <source>Choose an evidence file</source>
        <translation>Eine Nachweisdatei wählen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export questionnaire for the vendor</source>
        <translation>Fragebogen für den Anbieter exportieren</translation>
    </message>
    <message>
        <source>Assessment</source>
        <extracomment>The export made when the dialog was accepted.</extracomment>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Send only open questions (no confirmed answer yet)</source>
        <translation>Nur offene Fragen senden (noch keine bestätigte Antwort)</translation>
    </message>
    <message>
        <source>Pre-fill the answers we already have, for the vendor to confirm</source>
        <translation>Vorhandene Antworten vorausfüllen, damit der Anbieter sie bestätigt</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Name and e-mail the vendor can ask</source>
        <translation>Name und E-Mail-Adresse für Rückfragen des Anbieters</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Mark the assessment as sent to the vendor</source>
        <translation>Die Bewertung als an den Anbieter gesendet markieren</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Als gesendet markieren</translation>
    </message>
    <message>
        <source>Only offered while the assessment is a draft</source>
        <translation>Nur angeboten, solange die Bewertung ein Entwurf ist</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>There is no open assessment to export.</source>
        <translation>Es gibt keine offene Bewertung zum Exportieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) will be sent ({open} without a confirmed answer).</source>
        <translation>
            <numerusform>%n Frage wird gesendet ({open} ohne bestätigte Antwort).</numerusform>
            <numerusform>%n Fragen werden gesendet ({open} ohne bestätigte Antwort).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n question(s) to {name}</source>
        <translation>
            <numerusform>%n Frage nach {name} exportiert</numerusform>
            <numerusform>%n Fragen nach {name} exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Save questionnaire workbook</source>
        <translation>Fragebogen-Arbeitsmappe speichern</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose an assessment.</source>
        <translation>Wählen Sie eine Bewertung.</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Wählen Sie die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Status not changed</source>
        <translation>Status nicht geändert</translation>
    </message>
    <message>
        <source>· marked sent to the vendor</source>
        <translation>· als an den Anbieter gesendet markiert</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Could not open the file</source>
        <translation>Die Datei konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No application opened {path}.</source>
        <translation>Kein Programm hat {path} geöffnet.</translation>
    </message>
    <message>
        <source>The file is saved; open it from its folder, or set a default application for this kind of file.</source>
        <translation>Die Datei ist gespeichert; öffnen Sie sie aus ihrem Ordner oder legen Sie ein Standardprogramm für diese Dateiart fest.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import vendor answers</source>
        <extracomment>Row colours per category: light backgrounds that keep black text readable. The problem&apos;s location (sheet and cell, e.g. &quot;Questions!F4&quot;) on each problem list item.</extracomment>
        <translation>Antworten des Anbieters importieren</translation>
    </message>
    <message>
        <source>Returned workbook</source>
        <extracomment>The officer confirmed importing this file despite its old, unkeyed seal. The applied import when the dialog was accepted. The preview or apply running in the background (None when idle).</extracomment>
        <translation>Zurückerhaltene Arbeitsmappe</translation>
    </message>
    <message>
        <source>The .xlsx file the vendor sent back</source>
        <translation>Die .xlsx-Datei, die der Anbieter zurückgeschickt hat</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Choose the returned workbook to see what it would change.</source>
        <translation>Wählen Sie die zurückerhaltene Arbeitsmappe, um zu sehen, was sie ändern würde.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Import into assessment:</source>
        <translation>In Bewertung importieren:</translation>
    </message>
    <message>
        <source>Assessment to import into</source>
        <translation>Bewertung, in die importiert wird</translation>
    </message>
    <message>
        <source>Identity of the workbook</source>
        <translation>Identität der Arbeitsmappe</translation>
    </message>
    <message>
        <source>Show unchanged and unanswered questions</source>
        <translation>Unveränderte und unbeantwortete Fragen anzeigen</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Vendor&apos;s answer</source>
        <translation>Antwort des Anbieters</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Rows of the returned workbook</source>
        <translation>Zeilen der zurückerhaltenen Arbeitsmappe</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Keine auswählen</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Problems found in the workbook</source>
        <translation>In der Arbeitsmappe gefundene Probleme</translation>
    </message>
    <message>
        <source>Import selected</source>
        <translation>Ausgewählte importieren</translation>
    </message>
    <message>
        <source>Choose the returned workbook first.</source>
        <translation>Wählen Sie zuerst die zurückerhaltene Arbeitsmappe.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen…</translation>
    </message>
    <message>
        <source>The workbook cannot be imported. Nothing was changed.</source>
        <translation>Die Arbeitsmappe kann nicht importiert werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This file was already imported on {when}.</source>
        <translation>Diese Datei wurde bereits am {when} importiert.</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>Probleme ({count})</translation>
    </message>
    <message>
        <source>{now} (sent: {sent})</source>
        <translation>{now} (gesendet: {sent})</translation>
    </message>
    <message numerus="yes">
        <source>Import %n selected</source>
        <translation>
            <numerusform>%n ausgewählte importieren</numerusform>
            <numerusform>%n ausgewählte importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait until the workbook has been read.</source>
        <translation>Warten Sie, bis die Arbeitsmappe gelesen ist.</translation>
    </message>
    <message>
        <source>Rows are missing</source>
        <translation>Zeilen fehlen</translation>
    </message>
    <message>
        <source>{count} questions sent are missing from {name}:</source>
        <translation>{count} gesendete Fragen fehlen in {name}:</translation>
    </message>
    <message>
        <source>Import the remaining rows only? Choose No to ask the vendor for the complete workbook.</source>
        <translation>Nur die übrigen Zeilen importieren? Wählen Sie Nein, um beim Anbieter die vollständige Arbeitsmappe anzufordern.</translation>
    </message>
    <message>
        <source>Nothing was imported: ask the vendor for the complete workbook.</source>
        <translation>Es wurde nichts importiert: Fordern Sie beim Anbieter die vollständige Arbeitsmappe an.</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n answer(s) from {name}</source>
        <translation>
            <numerusform>%n Antwort aus {name} importiert</numerusform>
            <numerusform>%n Antworten aus {name} importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Open returned workbook</source>
        <translation>Zurückerhaltene Arbeitsmappe öffnen</translation>
    </message>
    <message>
        <source>Not imported: the workbook&apos;s old-style seal was not accepted.</source>
        <translation>Nicht importiert: Das Siegel alter Art der Arbeitsmappe wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Choose the assessment this workbook belongs to above; nothing is changed before you import.</source>
        <translation>Wählen Sie oben die Bewertung, zu der diese Arbeitsmappe gehört; vor dem Import wird nichts geändert.</translation>
    </message>
    <message>
        <source>Workbook identity cannot be verified</source>
        <translation>Identität der Arbeitsmappe kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>Import it anyway? Choose Yes only if you know this file is the vendor&apos;s return for that assessment.</source>
        <translation>Trotzdem importieren? Wählen Sie Ja nur, wenn Sie wissen, dass diese Datei der Rücklauf des Anbieters für diese Bewertung ist.</translation>
    </message>
    <message>
        <source>Choose the assessment…</source>
        <translation>Bewertung wählen…</translation>
    </message>
    <message>
        <source>{file} will change assessment #{id}: vendor {vendor}, product {product}. {sent} {parts}.</source>
        <translation>{file} ändert Bewertung #{id}: Anbieter {vendor}, Produkt {product}. {sent} {parts}.</translation>
    </message>
    <message>
        <source>It was sent to {vendor}.</source>
        <translation>Sie wurde an {vendor} gesendet.</translation>
    </message>
    <message>
        <source>Whom it was sent to is not known.</source>
        <translation>An wen sie gesendet wurde, ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Identity NOT verified: this workbook carries the old, unkeyed seal and was accepted on your confirmation. Check that the answers belong to this vendor and product.</source>
        <translation>Identität NICHT geprüft: Diese Arbeitsmappe trägt das alte Siegel ohne Schlüssel und wurde auf Ihre Bestätigung hin angenommen. Prüfen Sie, dass die Antworten zu diesem Anbieter und Produkt gehören.</translation>
    </message>
    <message>
        <source>Identity NOT verified: the workbook&apos;s identification sheet is missing or was altered, so it could not be checked which export it came from. You chose the assessment; check that the answers belong to this vendor and product.</source>
        <translation>Identität NICHT geprüft: Das Identifikationsblatt der Arbeitsmappe fehlt oder wurde verändert, daher ließ sich nicht prüfen, aus welchem Export sie stammt. Sie haben die Bewertung gewählt; prüfen Sie, dass die Antworten zu diesem Anbieter und Produkt gehören.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Preview a workbook first.</source>
        <translation>Zeigen Sie zuerst die Vorschau einer Arbeitsmappe an.</translation>
    </message>
    <message>
        <source>Select at least one answer to import.</source>
        <translation>Wählen Sie mindestens eine Antwort zum Importieren.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open screens</source>
        <extracomment>A workspace was opened (its path) — after the context switched to it. The demo workspace finished building (its path).</extracomment>
        <translation>Offene Ansichten</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Create an empty workspace file</source>
        <translation>Eine leere Arbeitsbereichsdatei anlegen</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a workspace file</source>
        <translation>Eine Arbeitsbereichsdatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation>&amp;Team-Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Open a workspace shared on a PostgreSQL server</source>
        <translation>Einen auf einem PostgreSQL-Server geteilten Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Explore TrustFrame with fictional vendors</source>
        <translation>TrustFrame mit fiktiven Anbietern erkunden</translation>
    </message>
    <message>
        <source>&amp;Import Vendor Response…</source>
        <translation>Anbieterantwort &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a questionnaire workbook the vendor filled in</source>
        <translation>Eine vom Anbieter ausgefüllte Fragebogen-Arbeitsmappe importieren</translation>
    </message>
    <message>
        <source>&amp;Export Questionnaire…</source>
        <translation>Fragebogen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write the questionnaire as an Excel workbook to send to the vendor</source>
        <translation>Den Fragebogen als Excel-Arbeitsmappe für den Anbieter schreiben</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Berichte…</translation>
    </message>
    <message>
        <source>Assessment, comparison and portfolio reports (PDF, Excel)</source>
        <translation>Bewertungs-, Vergleichs- und Portfolioberichte (PDF, Excel)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search the vendor register</source>
        <translation>Das Anbieterregister durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>&amp;Portfolio Overview</source>
        <translation>&amp;Portfolioübersicht</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Add &amp;Vendor…</source>
        <translation>&amp;Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;New Assessment…</source>
        <translation>&amp;Neue Bewertung…</translation>
    </message>
    <message>
        <source>Assess a vendor&apos;s product or service</source>
        <translation>Produkt oder Dienstleistung eines Anbieters bewerten</translation>
    </message>
    <message>
        <source>&amp;Open Assessment</source>
        <translation>Bewertung ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the latest assessment of the selected product</source>
        <translation>Die neueste Bewertung des ausgewählten Produkts öffnen</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>Compare the selected assessments side by side</source>
        <translation>Die ausgewählten Bewertungen nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window and the screen shown</source>
        <translation>Alle Tastenkürzel des Fensters und der angezeigten Ansicht</translation>
    </message>
    <message>
        <source>&amp;About TrustFrame</source>
        <translation>&amp;Über TrustFrame</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>Be&amp;wertung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Opening the assessment</source>
        <translation>Bewertung wird geöffnet</translation>
    </message>
    <message>
        <source>Open assessment</source>
        <translation>Bewertung öffnen</translation>
    </message>
    <message>
        <source>Select a product that has an assessment in the register first.</source>
        <translation>Wählen Sie zuerst im Register ein Produkt mit einer Bewertung aus.</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n assessment(s)</source>
        <translation>
            <numerusform>%n Bewertung vergleichen</numerusform>
            <numerusform>%n Bewertungen vergleichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing assessments</source>
        <translation>Bewertungen werden verglichen</translation>
    </message>
</context>
<context>
    <name>MultiChoiceEditor</name>
    <message>
        <source>Press %1 to tick or untick</source>
        <translation>%1 drücken zum An- oder Abhaken</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>TrustFrame puts your name on the assessments you prepare, the decisions you record and the change log. You can change it later in Preferences.</source>
        <translation>TrustFrame setzt Ihren Namen auf die Bewertungen, die Sie erstellen, die Entscheidungen, die Sie festhalten, und ins Änderungsprotokoll. Sie können ihn später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>e.g. Alex Officer</source>
        <translation>z. B. Alex Officer</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <source>Type your name, or press Cancel to set it later in Preferences.</source>
        <translation>Geben Sie Ihren Namen ein, oder drücken Sie Abbrechen, um ihn später in den Einstellungen festzulegen.</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Neue Bewertung</translation>
    </message>
    <message>
        <source>&amp;Create assessment</source>
        <translation>Bewertung &amp;anlegen</translation>
    </message>
    <message>
        <source>Assessment not created</source>
        <translation>Bewertung nicht angelegt</translation>
    </message>
    <message>
        <source>Assessment created.</source>
        <translation>Bewertung angelegt.</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2%3</source>
        <translation>Erlaubt: %1 bis %2%3</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove the number</source>
        <translation>Die Zahl entfernen</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <extracomment>Running operations (a Python reference keeps each alive until it finishes). The callable returned (its result). The callable raised (the exception), after the error dialog was shown. The user cancelled and the callable stopped. Always emitted last.</extracomment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Calendar</source>
        <extracomment>Shown as &quot;no date&quot; (the field&apos;s minimum).</extracomment>
        <translation>Kalender</translation>
    </message>
</context>
<context>
    <name>OverlayList</name>
    <message>
        <source>Regulatory overlays</source>
        <translation>Regulatorische Zusatzmodule</translation>
    </message>
    <message>
        <source>Regimes whose extra questions, raised importance and red flags apply to this purchase; each gets its own sub-score in the report.</source>
        <translation>Regelwerke, deren zusätzliche Fragen, erhöhte Wichtigkeit und Warnsignale für diesen Einkauf gelten; jedes erhält im Bericht einen eigenen Teilpunktwert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 %3). Adds %n question(s).</source>
        <translation>
            <numerusform>%1 (%2 %3). Fügt %n Frage hinzu.</numerusform>
            <numerusform>%1 (%2 %3). Fügt %n Fragen hinzu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverlaysPanel</name>
    <message>
        <source>Regulatory overlays</source>
        <translation>Regulatorische Zusatzmodule</translation>
    </message>
    <message>
        <source>Tick the regimes that apply to this purchase. Their questions are added to the assessment and to the vendor workbook; removing an overlay keeps its answers stored but they no longer count.</source>
        <translation>Kreuzen Sie die Regelwerke an, die für diesen Einkauf gelten. Ihre Fragen kommen zur Bewertung und zur Anbieter-Arbeitsmappe hinzu; wird ein Zusatzmodul entfernt, bleiben seine Antworten gespeichert, zählen aber nicht mehr.</translation>
    </message>
    <message>
        <source>Apply overlays</source>
        <translation>Zusatzmodule anwenden</translation>
    </message>
    <message>
        <source>Overlay sub-scores</source>
        <translation>Teilpunktwerte der Zusatzmodule</translation>
    </message>
    <message>
        <source>Overlays are not available: %1</source>
        <translation>Zusatzmodule sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>No overlay extends this questionnaire.</source>
        <translation>Kein Zusatzmodul erweitert diesen Fragebogen.</translation>
    </message>
    <message>
        <source>%1: %2 / 100, %3 of %4 answered</source>
        <translation>%1: %2 / 100, %3 von %4 beantwortet</translation>
    </message>
    <message>
        <source>No overlay applied.</source>
        <translation>Kein Zusatzmodul angewendet.</translation>
    </message>
    <message>
        <source>Overlays not changed</source>
        <translation>Zusatzmodule nicht geändert</translation>
    </message>
</context>
<context>
    <name>OverrideAnswerDialog</name>
    <message>
        <source>Override answer %1</source>
        <translation>Antwort %1 übersteuern</translation>
    </message>
    <message>
        <source>(no vendor answer)</source>
        <translation>(keine Antwort des Anbieters)</translation>
    </message>
    <message>
        <source>(unanswered)</source>
        <translation>(unbeantwortet)</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Grund der Übersteuerung</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Übersteuern</translation>
    </message>
    <message>
        <source>Vendor said:</source>
        <translation>Anbieter sagte:</translation>
    </message>
    <message>
        <source>Current answer:</source>
        <translation>Aktuelle Antwort:</translation>
    </message>
    <message>
        <source>Verified answer:</source>
        <translation>Geprüfte Antwort:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Portfolio overview</source>
        <extracomment>Most rows listed in the overdue and expiring lists (the register filters show all). The user opened a vendor from the chart or a list (vendor id, product id or 0). The user asked for the portfolio report.</extracomment>
        <translation>Portfolioübersicht</translation>
    </message>
    <message>
        <source>Rescore all</source>
        <translation>Alle neu berechnen</translation>
    </message>
    <message>
        <source>Rescore all assessments</source>
        <translation>Alle Bewertungen neu berechnen</translation>
    </message>
    <message>
        <source>Recompute every assessment&apos;s score with the current scoring profile and today&apos;s evidence validity</source>
        <translation>Den Punktwert jeder Bewertung mit dem aktuellen Punkteschema und der heutigen Gültigkeit der Nachweise neu berechnen</translation>
    </message>
    <message>
        <source>Portfolio report…</source>
        <translation>Portfoliobericht…</translation>
    </message>
    <message>
        <source>Tier not set</source>
        <translation>Stufe nicht festgelegt</translation>
    </message>
    <message>
        <source>Vendor / product</source>
        <translation>Anbieter / Produkt</translation>
    </message>
    <message>
        <source>Review was due</source>
        <translation>Überprüfung war fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Overdue reviews</source>
        <translation>Überfällige Überprüfungen</translation>
    </message>
    <message>
        <source>Vendor: evidence</source>
        <translation>Anbieter: Nachweis</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Expiring evidence</source>
        <translation>Ablaufende Nachweise</translation>
    </message>
    <message>
        <source>No reviews are overdue.</source>
        <translation>Keine Überprüfungen sind überfällig.</translation>
    </message>
    <message>
        <source>No evidence has expired or expires within 60 days.</source>
        <translation>Kein Nachweis ist abgelaufen oder läuft innerhalb von 60 Tagen ab.</translation>
    </message>
    <message>
        <source>Evidence expired or expiring soon</source>
        <translation>Abgelaufene oder bald ablaufende Nachweise</translation>
    </message>
    <message>
        <source>Products by residual-risk rating</source>
        <translation>Produkte nach Restrisiko-Einstufung</translation>
    </message>
    <message>
        <source>Products by inherent-risk tier</source>
        <translation>Produkte nach inhärenter Risikostufe</translation>
    </message>
    <message>
        <source>Inherent tier against trust score</source>
        <translation>Inhärente Stufe gegen Vertrauenspunktwert</translation>
    </message>
    <message>
        <source>One dot per product, coloured by rating. Products in the shaded corner are critical to you and poorly trusted: look at them first.</source>
        <translation>Ein Punkt je Produkt, gefärbt nach Einstufung. Produkte in der schattierten Ecke sind für Sie kritisch und wenig vertrauenswürdig: Sehen Sie sich diese zuerst an.</translation>
    </message>
    <message>
        <source>{assessed} of {total} products assessed · as of {date}</source>
        <translation>{assessed} von {total} Produkten bewertet · Stand {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing stored ratings with the scoring profile in force</source>
        <translation>Gespeicherte Einstufungen werden mit dem geltenden Punkteschema verglichen</translation>
    </message>
    <message>
        <source>%1 of %2 stored ratings change with the scoring profile %3. Save the new scores?</source>
        <translation>%1 von %2 gespeicherten Einstufungen ändern sich mit dem Punkteschema %3. Die neuen Punktwerte speichern?</translation>
    </message>
    <message>
        <source>Decided assessments keep their recorded decision basis.</source>
        <translation>Entschiedene Bewertungen behalten ihre festgehaltene Entscheidungsgrundlage.</translation>
    </message>
    <message>
        <source>Rescore cancelled: nothing saved.</source>
        <translation>Neuberechnung abgebrochen: nichts gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Rescored %n assessment(s)</source>
        <translation>
            <numerusform>%n Bewertung neu berechnet</numerusform>
            <numerusform>%n Bewertungen neu berechnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue reviews ({n})</source>
        <translation>Überfällige Überprüfungen ({n})</translation>
    </message>
    <message>
        <source>Listing expiring evidence</source>
        <translation>Ablaufende Nachweise werden aufgelistet</translation>
    </message>
    <message>
        <source>Evidence: {expired} expired, {soon} expiring within 60 days</source>
        <translation>Nachweise: {expired} abgelaufen, {soon} laufen innerhalb von 60 Tagen ab</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Rescoring every assessment</source>
        <translation>Alle Bewertungen werden neu berechnet</translation>
    </message>
    <message>
        <source>Rescoring the portfolio</source>
        <translation>Das Portfolio wird neu berechnet</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>Logo formats reports can embed (SVG is refused by the report service: it can carry scripts).</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <source>Printed on reports and exported questionnaires</source>
        <translation>Erscheint auf Berichten und exportierten Fragebögen</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Logodatei</translation>
    </message>
    <message>
        <source>PNG or JPEG, shown on report covers</source>
        <translation>PNG oder JPEG, erscheint auf dem Deckblatt der Berichte</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Choose logo file</source>
        <translation>Logodatei wählen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Logovorschau</translation>
    </message>
    <message>
        <source>Default scoring profile</source>
        <translation>Standard-Punkteschema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>A new language is used after TrustFrame restarts.</source>
        <translation>Eine neue Sprache gilt nach dem Neustart von TrustFrame.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Reuse a vendor&apos;s answers up to this age</source>
        <translation>Antworten eines Anbieters bis zu diesem Alter wiederverwenden</translation>
    </message>
    <message>
        <source>Answers a vendor gave in its other assessments within this many months are offered as pre-filled answers to confirm (0: never)</source>
        <translation>Antworten, die ein Anbieter in seinen anderen Bewertungen innerhalb so vieler Monate gegeben hat, werden als vorausgefüllte Antworten zum Bestätigen angeboten (0: nie)</translation>
    </message>
    <message>
        <source>Organisation (for reports)</source>
        <translation>Organisation (für Berichte)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Logo</source>
        <translation>&amp;Logo</translation>
    </message>
    <message>
        <source>Assessing</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Put on assessments, decisions and the change log</source>
        <translation>Erscheint auf Bewertungen, Entscheidungen und im Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Your n&amp;ame</source>
        <translation>Ihr N&amp;ame</translation>
    </message>
    <message>
        <source>Scoring &amp;profile</source>
        <translation>&amp;Punkteschema</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Reuse &amp;answers up to</source>
        <translation>&amp;Antworten wiederverwenden bis</translation>
    </message>
    <message>
        <source>Also saved in the open workspace ({name}), so its reports and exports carry your organisation.</source>
        <translation>Wird auch im geöffneten Arbeitsbereich ({name}) gespeichert, damit dessen Berichte und Exporte Ihre Organisation tragen.</translation>
    </message>
    <message>
        <source>Copied into each workspace you open.</source>
        <translation>Wird in jeden Arbeitsbereich übernommen, den Sie öffnen.</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image (SVG logos are not embedded in reports).</source>
        <translation>Das Logo muss ein PNG- oder JPEG-Bild sein (SVG-Logos werden nicht in Berichte eingebettet).</translation>
    </message>
    <message>
        <source>The logo file {path} does not exist.</source>
        <translation>Die Logodatei {path} existiert nicht.</translation>
    </message>
    <message>
        <source>Choose the organisation logo</source>
        <translation>Das Logo der Organisation wählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
    <message>
        <source>Cannot show this file</source>
        <translation>Diese Datei kann nicht angezeigt werden</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Add product or service</source>
        <translation>Produkt oder Dienstleistung hinzufügen</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Produkt bearbeiten</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Produktname</translation>
    </message>
    <message>
        <source>e.g. NW-7000 Core Router</source>
        <translation>z. B. NW-7000 Core Router</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>The category decides which questions apply.</source>
        <translation>Die Kategorie entscheidet, welche Fragen gelten.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Version, model or edition (optional)</source>
        <translation>Version, Modell oder Edition (optional)</translation>
    </message>
    <message>
        <source>Deployment notes</source>
        <translation>Hinweise zum Einsatz</translation>
    </message>
    <message>
        <source>Where and how it will be used (optional)</source>
        <translation>Wo und wie es eingesetzt wird (optional)</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>&amp;Deployment</source>
        <translation>&amp;Einsatz</translation>
    </message>
    <message>
        <source>The product name is empty.</source>
        <translation>Der Produktname ist leer.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>How critical is this purchase?</source>
        <translation>Wie kritisch ist dieser Kauf?</translation>
    </message>
    <message>
        <source>Answer for your intended use of the product. When in doubt, choose the more exposed option. Unanswered questions count as unknown.</source>
        <translation>Antworten Sie für den geplanten Einsatz des Produkts. Wählen Sie im Zweifel die stärker exponierte Option. Unbeantwortete Fragen zählen als unbekannt.</translation>
    </message>
    <message>
        <source>Inherent tier so far</source>
        <translation>Inhärente Stufe bisher</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 questions answered</source>
        <translation>%1 — %2 von %3 Fragen beantwortet</translation>
    </message>
</context>
<context>
    <name>PurchasePage</name>
    <message>
        <source>What is being bought</source>
        <translation>Was beschafft wird</translation>
    </message>
    <message>
        <source>Choose the vendor, the product or service and the questionnaire.</source>
        <translation>Wählen Sie den Anbieter, das Produkt oder die Dienstleistung und den Fragebogen.</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Fragebogen</translation>
    </message>
    <message>
        <source>%1 (%2, %3 questions)</source>
        <translation>%1 (%2, %3 Fragen)</translation>
    </message>
    <message>
        <source>Tender or purchase reference (optional)</source>
        <translation>Ausschreibungs- oder Beschaffungsreferenz (optional)</translation>
    </message>
    <message>
        <source>Purchase reference</source>
        <translation>Beschaffungsreferenz</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Kein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>There are no vendors with products yet. Add a vendor and its product first (Vendors screen), then start the assessment.</source>
        <translation>Es gibt noch keine Anbieter mit Produkten. Fügen Sie zuerst einen Anbieter und sein Produkt hinzu (Ansicht Anbieter) und beginnen Sie dann die Bewertung.</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Product or service:</source>
        <translation>&amp;Produkt oder Dienstleistung:</translation>
    </message>
    <message>
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Fragebogen:</translation>
    </message>
    <message>
        <source>Pu&amp;rchase reference:</source>
        <translation>&amp;Beschaffungsreferenz:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>F&amp;älligkeitsdatum:</translation>
    </message>
    <message>
        <source>Regulatory &amp;overlays:</source>
        <translation>Regulatorische &amp;Zusatzmodule:</translation>
    </message>
</context>
<context>
    <name>QuestionNavigatorModel</name>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>%1: %2 of %3 answered</source>
        <translation>%1: %2 von %3 beantwortet</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>unbeantwortet</translation>
    </message>
    <message>
        <source>to confirm (copied from last time)</source>
        <translation>zu bestätigen (vom letzten Mal übernommen)</translation>
    </message>
    <message>
        <source>changed since last time</source>
        <translation>seit dem letzten Mal geändert</translation>
    </message>
    <message>
        <source>raises a red flag</source>
        <translation>löst ein Warnsignal aus</translation>
    </message>
    <message>
        <source>needs follow-up</source>
        <translation>Nachverfolgung nötig</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Question</source>
        <extracomment>The answer editor changed the value (the new value). A new editor was built (its widgets join the tab order). True while the comment box is filled by the program (not typed).</extracomment>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Copied from the previous assessment. Confirm it if it still holds, or change it.</source>
        <translation>Aus der vorherigen Bewertung übernommen. Bestätigen Sie die Antwort, wenn sie noch zutrifft, oder ändern Sie sie.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>Letztes Mal</translation>
    </message>
    <message>
        <source>Help for the vendor</source>
        <translation>Hilfe für den Anbieter</translation>
    </message>
    <message>
        <source>Guidance for the buyer</source>
        <translation>Hinweise für den Auftraggeber</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Answer area</source>
        <translation>Antwortbereich</translation>
    </message>
    <message>
        <source>Red flag raised</source>
        <translation>Warnsignal ausgelöst</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Kommentar</translation>
    </message>
    <message>
        <source>What you checked, what the vendor said, what is missing…</source>
        <translation>Was Sie geprüft haben, was der Anbieter gesagt hat, was fehlt…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Linked evidence</source>
        <translation>Verknüpfte Nachweise</translation>
    </message>
    <message>
        <source>&amp;Link evidence…</source>
        <translation>Nachweis &amp;verknüpfen…</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>Verknüpfung &amp;lösen</translation>
    </message>
    <message>
        <source>Needs f&amp;ollow-up</source>
        <translation>Nachverf&amp;olgung nötig</translation>
    </message>
    <message>
        <source>Mark the answer for follow-up with the vendor (Ctrl+Shift+F)</source>
        <translation>Die Antwort zur Nachverfolgung mit dem Anbieter markieren (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>No questions are in scope.</source>
        <translation>Keine Fragen im Umfang.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&lt;b&gt;For the vendor:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Für den Anbieter:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Warum es wichtig ist</translation>
    </message>
    <message>
        <source>Good evidence</source>
        <translation>Guter Nachweis</translation>
    </message>
    <message>
        <source>Weak answer</source>
        <translation>Schwache Antwort</translation>
    </message>
    <message>
        <source>Evidence to ask for</source>
        <translation>Anzufordernde Nachweise</translation>
    </message>
    <message>
        <source>The question was reworded since this answer was given (%1). Confirm the answer if it still holds, or change it.</source>
        <translation>Die Frage wurde umformuliert, seit diese Antwort gegeben wurde (%1). Bestätigen Sie die Antwort, wenn sie noch zutrifft, oder ändern Sie sie.</translation>
    </message>
    <message>
        <source>Red flag (%1): %2</source>
        <translation>Warnsignal (%1): %2</translation>
    </message>
    <message>
        <source>accepted as mitigated</source>
        <translation>als gemindert akzeptiert</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Gegenmaßnahme</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(nicht beantwortet)</translation>
    </message>
    <message>
        <source>Last time: %1</source>
        <translation>Letztes Mal: %1</translation>
    </message>
    <message>
        <source>Changed since last time.</source>
        <translation>Seit dem letzten Mal geändert.</translation>
    </message>
    <message>
        <source>Not answered yet.</source>
        <translation>Noch nicht beantwortet.</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Override reason: %1</source>
        <translation>Grund der Übersteuerung: %1</translation>
    </message>
    <message>
        <source>The vendor answered: %1</source>
        <translation>Der Anbieter antwortete: %1</translation>
    </message>
    <message>
        <source>Answer to %1</source>
        <translation>Antwort auf %1</translation>
    </message>
</context>
<context>
    <name>RatingBadge</name>
    <message>
        <source>Rating: {rating}</source>
        <translation>Einstufung: {rating}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>RegisterStore</name>
    <message>
        <source>Loading the vendor register</source>
        <extracomment>Entities whose change can alter a register row. New rows are available (the list of RegisterRow). A load started (views may show &quot;Loading…&quot;). While only a first screenful is shown (start-up, large workspace): all the vendors the register will show; None once every row is there.</extracomment>
        <translation>Anbieterregister wird geladen</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>No products yet</source>
        <translation>Noch keine Produkte</translation>
    </message>
    <message>
        <source>{n} expired</source>
        <translation>{n} abgelaufen</translation>
    </message>
    <message>
        <source>{n} expiring</source>
        <translation>{n} laufen ab</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (überfällig)</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>approved with conditions</source>
        <translation>mit Auflagen freigegeben</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>entschieden</translation>
    </message>
    <message>
        <source>{decision} {date}; reassessment in progress</source>
        <translation>{decision} {date}; Folgebewertung läuft</translation>
    </message>
    <message numerus="yes">
        <source>%n open red flag(s)</source>
        <translation>
            <numerusform>%n offenes Warnsignal</numerusform>
            <numerusform>%n offene Warnsignale</numerusform>
        </translation>
    </message>
    <message>
        <source>{flags} ({critical} critical)</source>
        <translation>{flags} ({critical} kritisch)</translation>
    </message>
    <message>
        <source>Evidence of this vendor: {expired} expired, {expiring} expiring within 60 days</source>
        <translation>Nachweise dieses Anbieters: {expired} abgelaufen, {expiring} laufen innerhalb von 60 Tagen ab</translation>
    </message>
    <message>
        <source>Vendor</source>
        <extracomment>Filter value meaning &quot;no rating yet&quot; / &quot;no status yet&quot;.</extracomment>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Product / service</source>
        <translation>Produkt / Dienstleistung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Inherent tier</source>
        <translation>Inhärente Stufe</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktwert</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Warnsignale</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Überprüfung</translation>
    </message>
    <message>
        <source>Trust score {score:.1f} of 100; {done:.0%} of the questions answered</source>
        <translation>Vertrauenspunktwert {score:.1f} von 100; {done:.0%} der Fragen beantwortet</translation>
    </message>
    <message>
        <source>The decision above stands until the reassessment (now {status}) is decided</source>
        <translation>Die obige Entscheidung gilt, bis die Folgebewertung (jetzt {status}) entschieden ist</translation>
    </message>
    <message>
        <source>Decision: {decision} on {date}</source>
        <translation>Entscheidung: {decision} am {date}</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Vendor register</source>
        <extracomment>Default column widths in pixels at 100 % scale (the header state, once saved, wins). The user opened a vendor (vendor id, product id or 0). The user asked to add a vendor. The user asked for a new assessment (vendor id or 0, product id or 0).</extracomment>
        <translation>Anbieterregister</translation>
    </message>
    <message>
        <source>Add vendor…</source>
        <translation>Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>Add vendor</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>New assessment…</source>
        <translation>Neue Bewertung…</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Neue Bewertung</translation>
    </message>
    <message>
        <source>Search vendors, products, countries…  (Ctrl+F)</source>
        <translation>Anbieter, Produkte, Länder suchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Das Register durchsuchen</translation>
    </message>
    <message>
        <source>Filter by rating</source>
        <translation>Nach Einstufung filtern</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Jede Einstufung</translation>
    </message>
    <message>
        <source>Filter by inherent tier</source>
        <translation>Nach inhärenter Stufe filtern</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>Jede Stufe</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Overdue reviews only</source>
        <translation>Nur überfällige Überprüfungen</translation>
    </message>
    <message>
        <source>Show overdue reviews only</source>
        <translation>Nur überfällige Überprüfungen anzeigen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Open vendor</source>
        <translation>Anbieter öffnen</translation>
    </message>
    <message>
        <source>Open latest assessment</source>
        <translation>Neueste Bewertung öffnen</translation>
    </message>
    <message>
        <source>New assessment for this product…</source>
        <translation>Neue Bewertung für dieses Produkt…</translation>
    </message>
    <message>
        <source>Loading the register…</source>
        <translation>Register wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln vendor(s)</source>
        <translation>
            <numerusform>%Ln Anbieter</numerusform>
            <numerusform>%Ln Anbieter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s) and service(s)</source>
        <translation>
            <numerusform>%Ln Produkt oder Dienstleistung</numerusform>
            <numerusform>%Ln Produkte und Dienstleistungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the register of %Ln vendor(s)… the first ones by name are shown.</source>
        <translation>
            <numerusform>Das Register mit %Ln Anbieter wird geladen… die ersten nach Namen werden angezeigt.</numerusform>
            <numerusform>Das Register mit %Ln Anbietern wird geladen… die ersten nach Namen werden angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing {shown} of {total}</source>
        <translation>{shown} von {total} angezeigt</translation>
    </message>
    <message>
        <source>&lt;b&gt;No vendors yet.&lt;/b&gt;&lt;br&gt;Add the vendors you buy ICT products and services from, then assess each product&apos;s trustworthiness.</source>
        <translation>&lt;b&gt;Noch keine Anbieter.&lt;/b&gt;&lt;br&gt;Fügen Sie die Anbieter hinzu, von denen Sie IKT-Produkte und -Dienstleistungen beziehen, und bewerten Sie dann die Vertrauenswürdigkeit jedes Produkts.</translation>
    </message>
    <message>
        <source>Add your first vendor…</source>
        <translation>Ersten Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing matches these filters.&lt;/b&gt;&lt;br&gt;Try another search or clear the filters.</source>
        <translation>&lt;b&gt;Nichts passt zu diesen Filtern.&lt;/b&gt;&lt;br&gt;Versuchen Sie eine andere Suche oder setzen Sie die Filter zurück.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Report kind</source>
        <translation>Berichtsart</translation>
    </message>
    <message>
        <source>Assessment report (one vendor product)</source>
        <translation>Bewertungsbericht (ein Produkt eines Anbieters)</translation>
    </message>
    <message>
        <source>Decision brief (one page, one vendor product)</source>
        <translation>Entscheidungsvorlage (eine Seite, ein Produkt eines Anbieters)</translation>
    </message>
    <message>
        <source>Comparison (candidates for one purchase)</source>
        <translation>Vergleich (Kandidaten für einen Kauf)</translation>
    </message>
    <message>
        <source>Portfolio (all vendors)</source>
        <translation>Portfolio (alle Anbieter)</translation>
    </message>
    <message>
        <source>Find an assessment</source>
        <translation>Bewertung suchen</translation>
    </message>
    <message>
        <source>Type a vendor, product or #number to find an assessment</source>
        <translation>Anbieter, Produkt oder #Nummer eingeben, um eine Bewertung zu finden</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>PDF variant</source>
        <translation>PDF-Variante</translation>
    </message>
    <message>
        <source>Standard PDF</source>
        <translation>Standard-PDF</translation>
    </message>
    <message>
        <source>PDF/A-3b (for archiving)</source>
        <translation>PDF/A-3b (zur Archivierung)</translation>
    </message>
    <message>
        <source>PDF/UA-1 (accessible, tagged)</source>
        <translation>PDF/UA-1 (barrierefrei, getaggt)</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Ausgabedatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Include the full answers appendix (also in the Excel report)</source>
        <translation>Den vollständigen Antwortanhang aufnehmen (auch im Excel-Bericht)</translation>
    </message>
    <message>
        <source>Appendix A lists every question with its answer. Leaving it out makes a much shorter PDF, produced faster.</source>
        <translation>Anhang A listet jede Frage mit ihrer Antwort auf. Ohne ihn wird das PDF viel kürzer und schneller erstellt.</translation>
    </message>
    <message>
        <source>Open the report when it is ready</source>
        <translation>Den Bericht öffnen, sobald er fertig ist</translation>
    </message>
    <message>
        <source>The first page is previewed here once the report is ready.</source>
        <translation>Die erste Seite wird hier angezeigt, sobald der Bericht fertig ist.</translation>
    </message>
    <message>
        <source>Preview of the first page</source>
        <translation>Vorschau der ersten Seite</translation>
    </message>
    <message>
        <source>&amp;Create report</source>
        <translation>Bericht &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Assessments</source>
        <translation>Be&amp;wertungen</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>PDF &amp;variant</source>
        <translation>PDF-&amp;Variante</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Speichern unter</translation>
    </message>
    <message>
        <source>#{id} {vendor} – {product} ({status})</source>
        <translation>#{id} {vendor} – {product} ({status})</translation>
    </message>
    <message>
        <source>Tick at least two assessments to compare.</source>
        <translation>Haken Sie mindestens zwei Bewertungen zum Vergleichen an.</translation>
    </message>
    <message>
        <source>Choose the assessment to report on.</source>
        <translation>Wählen Sie die Bewertung für den Bericht.</translation>
    </message>
    <message>
        <source>The report covers the highlighted assessment.</source>
        <translation>Der Bericht umfasst die markierte Bewertung.</translation>
    </message>
    <message>
        <source>One page on the highlighted assessment: verdict, decision, drivers, conditions.</source>
        <translation>Eine Seite zur markierten Bewertung: Urteil, Entscheidung, Einflussfaktoren, Auflagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s) ticked.</source>
        <translation>
            <numerusform>%n Bewertung angehakt.</numerusform>
            <numerusform>%n Bewertungen angehakt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n page(s)</source>
        <translation>
            <numerusform>, %n Seite</numerusform>
            <numerusform>, %n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>The portfolio report covers every vendor and product.</source>
        <translation>Der Portfoliobericht umfasst alle Anbieter und Produkte.</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Bericht speichern unter</translation>
    </message>
    <message>
        <source>Creating the report…</source>
        <translation>Bericht wird erstellt…</translation>
    </message>
    <message>
        <source>Creating report</source>
        <translation>Bericht wird erstellt</translation>
    </message>
    <message>
        <source>Creating a report</source>
        <translation>Ein Bericht wird erstellt</translation>
    </message>
    <message>
        <source>Saved to {path}{pages}.</source>
        <translation>Gespeichert unter {path}{pages}.</translation>
    </message>
    <message>
        <source>No preview: install poppler-utils (pdftoppm) to see the first page here.</source>
        <translation>Keine Vorschau: Installieren Sie poppler-utils (pdftoppm), um hier die erste Seite zu sehen.</translation>
    </message>
    <message>
        <source>Excel workbooks have no preview.</source>
        <translation>Excel-Arbeitsmappen haben keine Vorschau.</translation>
    </message>
    <message>
        <source>It could not be opened automatically: open it from its folder.</source>
        <translation>Sie konnte nicht automatisch geöffnet werden: Öffnen Sie sie aus ihrem Ordner.</translation>
    </message>
    <message>
        <source>The report was not created.</source>
        <translation>Der Bericht wurde nicht erstellt.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Answers to review</source>
        <extracomment>Override the answer of a question (question id). Accept a red flag as mitigated (flag id). Withdraw a flag acceptance (flag id). Record the decision. Show this question in the answer tab. Accept the selected &quot;not applicable&quot; answers with one reason (list of question ids).</extracomment>
        <translation>Zu prüfende Antworten</translation>
    </message>
    <message>
        <source>&amp;Override answer…</source>
        <translation>Antwort &amp;übersteuern…</translation>
    </message>
    <message>
        <source>Replace the selected answer with the verified one, giving a reason (recorded as a reviewer override)</source>
        <translation>Die ausgewählte Antwort mit Begründung durch die geprüfte ersetzen (als Übersteuerung durch den Prüfer festgehalten)</translation>
    </message>
    <message>
        <source>&amp;Go to question</source>
        <translation>&amp;Zur Frage</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Warnsignale</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Red flag</source>
        <translation>Warnsignal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Accept as mitigated…</source>
        <translation>Als gemindert &amp;akzeptieren…</translation>
    </message>
    <message>
        <source>Re&amp;voke acceptance</source>
        <translation>Akzeptanz &amp;widerrufen</translation>
    </message>
    <message>
        <source>Not applicable answers</source>
        <translation>Antworten „nicht zutreffend“</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>Angegebener Grund</translation>
    </message>
    <message>
        <source>Accept &amp;N/A…</source>
        <translation>„&amp;Nicht zutreffend“ akzeptieren…</translation>
    </message>
    <message>
        <source>Accept the selected &apos;not applicable&apos; answers, with one reason for all; until accepted they count as gaps</source>
        <translation>Die ausgewählten Antworten „nicht zutreffend“ mit einem gemeinsamen Grund akzeptieren; bis dahin zählen sie als Lücken</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Auflagen</translation>
    </message>
    <message>
        <source>Record &amp;decision…</source>
        <translation>&amp;Entscheidung festhalten…</translation>
    </message>
    <message>
        <source>Answers: vendor against verification</source>
        <translation>Antworten: Anbieter gegen Prüfung</translation>
    </message>
    <message>
        <source>Conditions to require</source>
        <translation>Zu fordernde Auflagen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>(score not available)</source>
        <translation>(Punktwert nicht verfügbar)</translation>
    </message>
    <message>
        <source>No conditions suggested.</source>
        <translation>Keine Auflagen vorgeschlagen.</translation>
    </message>
    <message>
        <source>%1 by %2 on %3.</source>
        <translation>%1 von %2 am %3.</translation>
    </message>
    <message>
        <source>Justification: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Not decided yet. Status: %1.</source>
        <translation>Noch nicht entschieden. Status: %1.</translation>
    </message>
    <message>
        <source>Recommendation: %1 (%2).</source>
        <translation>Empfehlung: %1 (%2).</translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation>Akzeptiert: %1</translation>
    </message>
    <message>
        <source>Gap: not accepted yet</source>
        <translation>Lücke: noch nicht akzeptiert</translation>
    </message>
    <message>
        <source>Gap: no reason given</source>
        <translation>Lücke: kein Grund angegeben</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Gegenmaßnahme</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Vendor said</source>
        <translation>Anbieter sagte</translation>
    </message>
    <message>
        <source>Verified answer</source>
        <translation>Geprüfte Antwort</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>(unanswered)</source>
        <translation>(unbeantwortet)</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>These questions fit the tier and the product category. Untick questions to leave them out or tick others to add them.</source>
        <translation>Diese Fragen passen zur Stufe und zur Produktkategorie. Entfernen Sie Haken, um Fragen auszulassen, oder setzen Sie Haken, um weitere aufzunehmen.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>In scope</source>
        <translation>Im Umfang</translation>
    </message>
    <message>
        <source>Questions in scope</source>
        <translation>Fragen im Umfang</translation>
    </message>
    <message>
        <source>Reset to the &amp;tier&apos;s default</source>
        <translation>Auf den Standard der &amp;Stufe zurücksetzen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 questions in scope</source>
        <translation>%1 Fragen im Umfang</translation>
    </message>
    <message>
        <source>(%1 added, %2 removed)</source>
        <translation>(%1 hinzugefügt, %2 entfernt)</translation>
    </message>
</context>
<context>
    <name>ScopeTierDialog</name>
    <message>
        <source>Scope and tier: %1 · %2</source>
        <translation>Umfang und Stufe: %1 · %2</translation>
    </message>
    <message>
        <source>Edit scope and tier</source>
        <translation>Umfang und Stufe bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Criticality profile (tier %1)</source>
        <translation>Kritikalitätsprofil (Stufe %1)</translation>
    </message>
    <message>
        <source>Tier override to %1</source>
        <translation>Stufe übersteuert auf %1</translation>
    </message>
    <message>
        <source>Tier override removed</source>
        <translation>Übersteuerung der Stufe entfernt</translation>
    </message>
    <message>
        <source>Scope and tier not changed</source>
        <translation>Umfang und Stufe nicht geändert</translation>
    </message>
    <message>
        <source>Scope and tier updated.</source>
        <translation>Umfang und Stufe aktualisiert.</translation>
    </message>
    <message>
        <source>Scope and tier</source>
        <translation>Umfang und Stufe</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 Fragen</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Umfang: %1</translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation>angepasst</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Score</source>
        <extracomment>The officer activated a red flag (the question id that raised it).</extracomment>
        <translation>Punktwert</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Gesamtpunktwert</translation>
    </message>
    <message>
        <source>/ 100</source>
        <translation>/ 100</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Nicht eingestuft</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>%p% complete</source>
        <translation>%p % vollständig</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>Score by domain</source>
        <translation>Punktwert nach Bereich</translation>
    </message>
    <message>
        <source>Score by pillar</source>
        <translation>Punktwert nach Säule</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Warnsignale</translation>
    </message>
    <message>
        <source>The score is not available yet.</source>
        <translation>Der Punktwert ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>By domain</source>
        <translation>Nach Bereich</translation>
    </message>
    <message>
        <source>By pillar</source>
        <translation>Nach Säule</translation>
    </message>
    <message>
        <source>Recommendation: %1</source>
        <translation>Empfehlung: %1</translation>
    </message>
    <message>
        <source>%1: %2 / 100 (%3 of %4 questions answered)</source>
        <translation>%1: %2 / 100 (%3 von %4 Fragen beantwortet)</translation>
    </message>
    <message>
        <source>Red flags (%1 open)</source>
        <translation>Warnsignale (%1 offen)</translation>
    </message>
    <message>
        <source>No red flags raised.</source>
        <translation>Keine Warnsignale ausgelöst.</translation>
    </message>
    <message>
        <source>%1 (accepted as mitigated)</source>
        <translation>%1 (als gemindert akzeptiert)</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Gegenmaßnahme</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Type to filter, e.g. comment or Ctrl+K</source>
        <translation>Zum Filtern tippen, z. B. Kommentar oder Strg+K</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>The number keys choose an answer option only while the answer area has the focus; in text fields they are text.</source>
        <translation>Die Zifferntasten wählen nur dann eine Antwortoption, wenn der Antwortbereich den Fokus hat; in Textfeldern sind sie Text.</translation>
    </message>
</context>
<context>
    <name>StartupLoader</name>
    <message>
        <source>Opening the workspace… editing, import and reports are available in a moment.</source>
        <extracomment>Vendors in the first screenful of a large register (a screen shows 30-40 rows; the rest of the page is there to scroll while the whole register is read). A workspace file up to this size has its register read on the GUI thread before the window is first painted (about 3 ms of sqlite3 for the demo, cheaper than a thread hand-off that competes with the first paint), so its rows arrive with the window. If no paint event arrives (a hidden or minimised window), the services load after this anyway.</extracomment>
        <translation>Arbeitsbereich wird geöffnet… Bearbeiten, Import und Berichte sind gleich verfügbar.</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>Answer text</source>
        <translation>Antworttext</translation>
    </message>
</context>
<context>
    <name>TierPage</name>
    <message>
        <source>Inherent-risk tier</source>
        <translation>Inhärente Risikostufe</translation>
    </message>
    <message>
        <source>The tier decides how deep the assessment goes: tier 1 asks the most.</source>
        <translation>Die Stufe entscheidet, wie tief die Bewertung geht: Stufe 1 fragt am meisten.</translation>
    </message>
    <message>
        <source>Why this tier</source>
        <translation>Warum diese Stufe</translation>
    </message>
    <message>
        <source>How each answer affects the tier</source>
        <translation>Wie jede Antwort die Stufe beeinflusst</translation>
    </message>
    <message>
        <source>&amp;Override the tier</source>
        <translation>Stufe ü&amp;bersteuern</translation>
    </message>
    <message>
        <source>Overriding tier</source>
        <translation>Übersteuernde Stufe</translation>
    </message>
    <message>
        <source>Why the computed tier does not fit this purchase (required)</source>
        <translation>Warum die berechnete Stufe nicht zu diesem Kauf passt (Pflichtangabe)</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Grund der Übersteuerung</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>How each answer affects the tier:</source>
        <translation>Wie jede Antwort die Stufe beeinflusst:</translation>
    </message>
</context>
<context>
    <name>TierScoreChart</name>
    <message>
        <source>Inherent tier against trust score</source>
        <extracomment>A dot was clicked (vendor id, product id).</extracomment>
        <translation>Inhärente Stufe gegen Vertrauenspunktwert</translation>
    </message>
    <message>
        <source>Trust score (higher is better)</source>
        <translation>Vertrauenspunktwert (höher ist besser)</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) plotted. </source>
        <translation>
            <numerusform>%n Produkt dargestellt. </numerusform>
            <numerusform>%n Produkte dargestellt. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) not scored yet and not shown</source>
        <translation>
            <numerusform>%n Produkt noch ohne Punktwert und nicht dargestellt</numerusform>
            <numerusform>%n Produkte noch ohne Punktwert und nicht dargestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>No scored products yet.
Scores appear once assessments have answers.</source>
        <translation>Noch keine Produkte mit Punktwert.
Punktwerte erscheinen, sobald Bewertungen Antworten haben.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt;&lt;br&gt;{tier} · score {score:.0f} · {rating}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt;&lt;br&gt;{tier} · Punktwert {score:.0f} · {rating}</translation>
    </message>
</context>
<context>
    <name>VendorDialog</name>
    <message>
        <source>Add vendor</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Edit vendor</source>
        <translation>Anbieter bearbeiten</translation>
    </message>
    <message>
        <source>Vendor name</source>
        <translation>Name des Anbieters</translation>
    </message>
    <message>
        <source>Legal name, e.g. Northwind Networks AG</source>
        <translation>Rechtlicher Name, z. B. Northwind Networks AG</translation>
    </message>
    <message>
        <source>Country of headquarters</source>
        <translation>Land des Hauptsitzes</translation>
    </message>
    <message>
        <source>Two letters, e.g. DE</source>
        <translation>Zwei Buchstaben, z. B. DE</translation>
    </message>
    <message>
        <source>Recorded for context only: TrustFrame never scores a vendor by its country of origin.</source>
        <translation>Nur als Kontext erfasst: TrustFrame berechnet den Punktwert eines Anbieters nie nach seinem Herkunftsland.</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Ownership and control</source>
        <translation>Eigentum und Kontrolle</translation>
    </message>
    <message>
        <source>Who owns and controls the vendor; sources.</source>
        <translation>Wer den Anbieter besitzt und kontrolliert; Quellen.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Kontakt entfernen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>&amp;Ownership</source>
        <translation>&amp;Eigentum</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
</context>
<context>
    <name>VendorView</name>
    <message>
        <source>Edit vendor…</source>
        <extracomment>Where opened evidence files are written for the system viewer (one folder per session). The vendor no longer exists (deleted elsewhere): the host should close the tab. The user asked to edit the vendor / add or edit a product / add evidence / new assessment.</extracomment>
        <translation>Anbieter bearbeiten…</translation>
    </message>
    <message>
        <source>Add product…</source>
        <translation>Produkt hinzufügen…</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>Nachweis hinzufügen…</translation>
    </message>
    <message>
        <source>New assessment…</source>
        <translation>Neue Bewertung…</translation>
    </message>
    <message>
        <source>Vendor profile</source>
        <translation>Anbieterprofil</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Product / service</source>
        <translation>Produkt / Dienstleistung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Latest rating</source>
        <translation>Neueste Einstufung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Edit product…</source>
        <translation>Produkt bearbeiten…</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>Nachweis öffnen</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Kopie speichern…</translation>
    </message>
    <message>
        <source>Save evidence file</source>
        <translation>Nachweisdatei speichern</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit evidence</source>
        <translation>Nachweis bearbeiten</translation>
    </message>
    <message>
        <source>Correct the title, kind, issuer, dates or notes</source>
        <translation>Titel, Art, Aussteller, Daten oder Notizen korrigieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete evidence</source>
        <translation>Nachweis löschen</translation>
    </message>
    <message>
        <source>Delete the evidence and its links to answers</source>
        <translation>Den Nachweis und seine Verknüpfungen mit Antworten löschen</translation>
    </message>
    <message>
        <source>Assessments over time</source>
        <translation>Bewertungen im Zeitverlauf</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Fragebogen</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktwert</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Open assessment</source>
        <translation>Bewertung öffnen</translation>
    </message>
    <message>
        <source>No assessments yet. Start one with “New assessment…”.</source>
        <translation>Noch keine Bewertungen. Beginnen Sie eine mit „Neue Bewertung…“.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Products and services</source>
        <translation>Produkte und Dienstleistungen</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Ownership and control</source>
        <translation>Eigentum und Kontrolle</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>In the register since {date}</source>
        <translation>Im Register seit {date}</translation>
    </message>
    <message>
        <source>No ownership information recorded yet.</source>
        <translation>Noch keine Angaben zu den Eigentumsverhältnissen erfasst.</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Noch keine Kontakte.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Nachweis</numerusform>
            <numerusform>%n Nachweise</numerusform>
        </translation>
    </message>
    <message>
        <source>, no dependencies</source>
        <translation>, keine Abhängigkeiten</translation>
    </message>
    <message>
        <source>Top level: {name} {version}</source>
        <translation>Oberste Ebene: {name} {version}</translation>
    </message>
    <message>
        <source>Created: {when}</source>
        <translation>Erstellt: {when}</translation>
    </message>
    <message>
        <source>Components: {n}; dependency relationships: {d}</source>
        <translation>Komponenten: {n}; Abhängigkeitsbeziehungen: {d}</translation>
    </message>
    <message>
        <source>With supplier {s}, version {v}, identifier {i}, hashes {h}, licence {l}</source>
        <translation>Mit Lieferant {s}, Version {v}, Kennung {i}, Prüfsummen {h}, Lizenz {l}</translation>
    </message>
    <message>
        <source>NTIA minimum elements met</source>
        <translation>NTIA-Mindestelemente erfüllt</translation>
    </message>
    <message>
        <source>NTIA minimum elements NOT met</source>
        <translation>NTIA-Mindestelemente NICHT erfüllt</translation>
    </message>
    <message>
        <source>Affected {a}, not affected {n}, fixed {f}, under investigation {u}</source>
        <translation>Betroffen {a}, nicht betroffen {n}, behoben {f}, in Untersuchung {u}</translation>
    </message>
    <message>
        <source>Affected and known exploited: {k}</source>
        <translation>Betroffen und bekanntermaßen ausgenutzt: {k}</translation>
    </message>
    <message>
        <source> (independent)</source>
        <translation> (unabhängig)</translation>
    </message>
    <message>
        <source>SHA-256 {hash}</source>
        <translation>SHA-256 {hash}</translation>
    </message>
    <message>
        <source>{n} expired</source>
        <translation>{n} abgelaufen</translation>
    </message>
    <message>
        <source>{n} expiring soon</source>
        <translation>{n} laufen bald ab</translation>
    </message>
    <message>
        <source>No evidence yet. Add certificates, audit reports, SBOMs…</source>
        <translation>Noch keine Nachweise. Fügen Sie Zertifikate, Auditberichte, SBOMs… hinzu</translation>
    </message>
    <message>
        <source>Assessments of {product}</source>
        <translation>Bewertungen von {product}</translation>
    </message>
    <message>
        <source>Select a product to see its details and its assessments.</source>
        <translation>Wählen Sie ein Produkt, um seine Details und Bewertungen zu sehen.</translation>
    </message>
    <message>
        <source>version {v}</source>
        <translation>Version {v}</translation>
    </message>
    <message>
        <source>Evidence updated: {t}</source>
        <translation>Nachweis aktualisiert: {t}</translation>
    </message>
    <message>
        <source>Delete “{t}”?</source>
        <translation>„{t}“ löschen?</translation>
    </message>
    <message>
        <source>Its links to answers are removed too. The deletion is kept in the change log but cannot be undone.</source>
        <translation>Seine Verknüpfungen mit Antworten werden ebenfalls entfernt. Das Löschen wird im Änderungsprotokoll festgehalten, kann aber nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Evidence not deleted</source>
        <translation>Nachweis nicht gelöscht</translation>
    </message>
    <message>
        <source>Evidence deleted: {t}</source>
        <translation>Nachweis gelöscht: {t}</translation>
    </message>
    <message>
        <source>Save a copy of the evidence file</source>
        <translation>Eine Kopie der Nachweisdatei speichern</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to TrustFrame</source>
        <extracomment>A recent workspace was chosen (its path).</extracomment>
        <translation>Willkommen bei TrustFrame</translation>
    </message>
    <message>
        <source>Assess how far you can trust an ICT vendor and its products before you buy, with the EWI Buyers Guide questions. Everything stays on this computer, in one workspace file.</source>
        <translation>Bewerten Sie vor dem Kauf, wie weit Sie einem IKT-Anbieter und seinen Produkten vertrauen können, mit den Fragen des EWI Buyers Guide. Alles bleibt auf diesem Computer, in einer Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>Create a workspace…</source>
        <translation>Arbeitsbereich anlegen…</translation>
    </message>
    <message>
        <source>Start your own register of vendors and assessments.</source>
        <translation>Beginnen Sie Ihr eigenes Register von Anbietern und Bewertungen.</translation>
    </message>
    <message>
        <source>Open a workspace…</source>
        <translation>Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Continue with a .tfw file you or a colleague made.</source>
        <translation>Mit einer .tfw-Datei weiterarbeiten, die Sie oder ein Kollege angelegt haben.</translation>
    </message>
    <message>
        <source>Explore the demo workspace</source>
        <translation>Den Demo-Arbeitsbereich erkunden</translation>
    </message>
    <message>
        <source>Eight fictional vendors with assessments in every state.</source>
        <translation>Acht fiktive Anbieter mit Bewertungen in jedem Zustand.</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>Zuletzt geöffnete Arbeitsbereiche</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Team workspace</source>
        <extracomment>Settings key: the first-start name question was asked (it is asked once only). The demo workspace being built in the background (None when idle).</extracomment>
        <translation>Team-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Password for {location}:</source>
        <translation>Passwort für {location}:</translation>
    </message>
    <message>
        <source>Opening {name}</source>
        <translation>{name} wird geöffnet</translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation>Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>My vendors.tfw</source>
        <translation>Meine Anbieter.tfw</translation>
    </message>
    <message>
        <source>{name} already exists.</source>
        <translation>{name} existiert bereits.</translation>
    </message>
    <message>
        <source>Choose another name, or open it with File &gt; Open Workspace.</source>
        <translation>Wählen Sie einen anderen Namen oder öffnen Sie die Datei mit Datei &gt; Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>Created {name}</source>
        <translation>{name} angelegt</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Open a team workspace</source>
        <translation>Einen Team-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Address of the team workspace, e.g. postgresql://server/trustframe or service=trustframe (no password here: you are asked for it when the server needs one):</source>
        <translation>Adresse des Team-Arbeitsbereichs, z. B. postgresql://server/trustframe oder service=trustframe (hier kein Passwort: Sie werden danach gefragt, wenn der Server eines verlangt):</translation>
    </message>
    <message>
        <source>{location} is not a PostgreSQL address; it starts with postgresql:// or service=.</source>
        <translation>{location} ist keine PostgreSQL-Adresse; sie beginnt mit postgresql:// oder service=.</translation>
    </message>
    <message>
        <source>Building the demo workspace (fictional vendors and assessments)…</source>
        <translation>Demo-Arbeitsbereich wird erstellt (fiktive Anbieter und Bewertungen)…</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Building the demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird erstellt…</translation>
    </message>
    <message>
        <source>Building the demo workspace</source>
        <translation>Demo-Arbeitsbereich wird erstellt</translation>
    </message>
    <message>
        <source>Demo workspace ready: every vendor in it is fictional.</source>
        <translation>Demo-Arbeitsbereich bereit: Alle Anbieter darin sind fiktiv.</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>{path} no longer exists.</source>
        <translation>{path} existiert nicht mehr.</translation>
    </message>
    <message>
        <source>It was removed from the recent list.</source>
        <translation>Die Datei wurde aus der Liste der zuletzt geöffneten entfernt.</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>{name} hinzugefügt</translation>
    </message>
    <message>
        <source>Evidence added: {t}</source>
        <translation>Nachweis hinzugefügt: {t}</translation>
    </message>
    <message>
        <source>Export questionnaire</source>
        <translation>Fragebogen exportieren</translation>
    </message>
    <message>
        <source>Select a product with an assessment in the register (or open an assessment) first.</source>
        <translation>Wählen Sie zuerst im Register ein Produkt mit einer Bewertung aus (oder öffnen Sie eine Bewertung).</translation>
    </message>
    <message>
        <source>Import vendor response</source>
        <translation>Anbieterantwort importieren</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>About TrustFrame</source>
        <translation>Über TrustFrame</translation>
    </message>
    <message>
        <source>&lt;b&gt;TrustFrame {version}&lt;/b&gt;&lt;br&gt;Assess the trustworthiness of ICT vendors and their products before you buy, offline.</source>
        <translation>&lt;b&gt;TrustFrame {version}&lt;/b&gt;&lt;br&gt;Bewerten Sie die Vertrauenswürdigkeit von IKT-Anbietern und ihren Produkten vor dem Kauf, offline.</translation>
    </message>
    <message>
        <source>Questions follow the EWI Buyers Guide and the Weathering TechNationalism framework: vendors are judged by what they do and prove, never by their country of origin.

Log file: {log}</source>
        <translation>Die Fragen folgen dem EWI Buyers Guide und dem Rahmenwerk Weathering TechNationalism: Anbieter werden danach beurteilt, was sie tun und nachweisen, nie nach ihrem Herkunftsland.

Protokolldatei: {log}</translation>
    </message>
</context>
<context>
    <name>_EditScopePage</name>
    <message>
        <source>Ticked questions are asked. The tier&apos;s default set is ticked, with this assessment&apos;s own additions and removals applied.</source>
        <translation>Angehakte Fragen werden gestellt. Der Standardumfang der Stufe ist angehakt, mit den eigenen Ergänzungen und Streichungen dieser Bewertung.</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n Komponente</numerusform>
            <numerusform>%n Komponenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n affected</source>
        <translation>
            <numerusform>%n betroffen</numerusform>
            <numerusform>%n betroffen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Not rated</source>
        <extracomment>The translation context of every name in this module.</extracomment>
        <translation>Nicht eingestuft</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Mäßig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Tier {n}</source>
        <translation>Stufe {n}</translation>
    </message>
    <message>
        <source>Tier {n} · {name}</source>
        <translation>Stufe {n} · {name}</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Sent to vendor</source>
        <translation>An Anbieter gesendet</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Zurückerhalten</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Approve with conditions</source>
        <translation>Mit Auflagen freigeben</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Eskalieren</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Cloud service</source>
        <translation>Cloud-Dienst</translation>
    </message>
    <message>
        <source>Managed service</source>
        <translation>Managed Service</translation>
    </message>
    <message>
        <source>Network / telecom equipment</source>
        <translation>Netzwerk- / Telekommunikationsausrüstung</translation>
    </message>
    <message>
        <source>IoT / OT device</source>
        <translation>IoT- / OT-Gerät</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>Auditbericht</translation>
    </message>
    <message>
        <source>Penetration test</source>
        <translation>Penetrationstest</translation>
    </message>
    <message>
        <source>SBOM</source>
        <translation>SBOM</translation>
    </message>
    <message>
        <source>VEX document</source>
        <translation>VEX-Dokument</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Contract clause</source>
        <translation>Vertragsklausel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Sachbearbeiter</translation>
    </message>
    <message>
        <source>Vendor return</source>
        <translation>Rücklauf des Anbieters</translation>
    </message>
    <message>
        <source>Reviewer override</source>
        <translation>Übersteuerung durch Prüfer</translation>
    </message>
    <message>
        <source>Assurance</source>
        <translation>Zusicherung</translation>
    </message>
    <message>
        <source>Transparency</source>
        <translation>Transparenz</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>Rechenschaft</translation>
    </message>
    <message>
        <source>Governance</source>
        <translation>Governance</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Sourcing</source>
        <translation>Beschaffung der Komponenten</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifikation</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Auslieferung</translation>
    </message>
    <message>
        <source>Sustainment</source>
        <translation>Betrieb und Pflege</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienstleistungen</translation>
    </message>
    <message>
        <source>New answer</source>
        <translation>Neue Antwort</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>1 new answer</source>
        <translation>1 neue Antwort</translation>
    </message>
    <message>
        <source>{n} new answers</source>
        <translation>{n} neue Antworten</translation>
    </message>
    <message>
        <source>1 changed</source>
        <translation>1 geändert</translation>
    </message>
    <message>
        <source>{n} changed</source>
        <translation>{n} geändert</translation>
    </message>
    <message>
        <source>1 unchanged</source>
        <translation>1 unverändert</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>{n} unverändert</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 Konflikt</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} Konflikte</translation>
    </message>
    <message>
        <source>1 rejected</source>
        <translation>1 abgelehnt</translation>
    </message>
    <message>
        <source>{n} rejected</source>
        <translation>{n} abgelehnt</translation>
    </message>
    <message>
        <source>1 not answered</source>
        <translation>1 nicht beantwortet</translation>
    </message>
    <message>
        <source>{n} not answered</source>
        <translation>{n} nicht beantwortet</translation>
    </message>
</context>
<context>
    <name>self.hub</name>
    <message>
        <source>The connection to the team workspace is lost; changes are not saved until it is back.</source>
        <translation>Die Verbindung zum Team-Arbeitsbereich ist unterbrochen; Änderungen werden erst gespeichert, wenn sie wieder besteht.</translation>
    </message>
    <message>
        <source>The connection to the team workspace is back.</source>
        <translation>Die Verbindung zum Team-Arbeitsbereich besteht wieder.</translation>
    </message>
</context>
</TS>
