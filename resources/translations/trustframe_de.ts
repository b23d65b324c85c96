<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="90"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="90"/>
        <source>Product / service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="90"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="90"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="90"/>
        <source>Inherent tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="91"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="91"/>
        <source>Red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="91"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="91"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="91"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerEditor</name>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="51"/>
        <source>Answer</source>
        <extracomment>Text answers are saved this long after the last keystroke (and at once on leaving the field). The officer changed the answer (canonical value, None = cleared).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="97"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="440"/>
        <source>Assessment</source>
        <extracomment>When one score takes longer than this, later scores wait for a pause in the typing. The tab title changed (vendor · product). The question shown changed (question id). A new score was shown (ScoreResult or None).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="119"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="376"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="392"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="120"/>
        <source>Where the assessment is: draft, sent to the vendor, returned, in review or decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="133"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="134"/>
        <source>&amp;Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="135"/>
        <source>Reopen the decided assessment for review (a reason is required and logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="137"/>
        <source>Start &amp;next assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="138"/>
        <source>Start the next assessment of this product; this one&apos;s answers are copied as &quot;to confirm&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="146"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="162"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="167"/>
        <source>Copied from the previous assessment. Confirm it if it still holds, or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="170"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="348"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="173"/>
        <source>Last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="176"/>
        <source>Help for the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="182"/>
        <source>Guidance for the buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="183"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="191"/>
        <source>Red flag raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="195"/>
        <source>&amp;Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="199"/>
        <source>What you checked, what the vendor said, what is missing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="200"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="358"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="206"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="209"/>
        <source>Linked evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="211"/>
        <source>&amp;Link evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="212"/>
        <source>&amp;Unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="213"/>
        <source>Needs &amp;follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="214"/>
        <source>Mark the answer for follow-up with the vendor (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="220"/>
        <source>No questions are in scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="301"/>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="302"/>
        <source>Re&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="340"/>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="340"/>
        <source>Previous question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="342"/>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="342"/>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="344"/>
        <source>Next open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="345"/>
        <source>Next unanswered or unconfirmed question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="349"/>
        <source>Confirm the answer copied from last time and go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="351"/>
        <source>Clear answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="351"/>
        <source>Clear the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="353"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="901"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="354"/>
        <source>Mark or unmark the answer for follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="356"/>
        <source>Link evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="356"/>
        <source>Link evidence to the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="358"/>
        <source>Write a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="361"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="361"/>
        <source>Switch between answering and review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="363"/>
        <source>Record decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="363"/>
        <source>Record the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="365"/>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="365"/>
        <source>Reopen the decided assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="367"/>
        <source>Start next assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="368"/>
        <source>Start the next assessment of this product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="371"/>
        <source>Scope and tier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="372"/>
        <source>Change the inherent-risk tier (criticality profile or override) and the questions in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="379"/>
        <source>Mark sent to vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="380"/>
        <source>The questionnaire went to the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="381"/>
        <source>Mark returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="382"/>
        <source>The vendor returned the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="383"/>
        <source>Mark in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="384"/>
        <source>The answers are being reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="385"/>
        <source>Back to draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="386"/>
        <source>The questionnaire is being prepared again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="393"/>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="394"/>
        <source>Mark the assessment sent to the vendor, returned or in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="400"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="401"/>
        <source>Choose option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="511"/>
        <source>This is the last question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="511"/>
        <source>This is the first question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="526"/>
        <source>Every question is answered. Switch to Review to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="554"/>
        <source>Answer not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="559"/>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1024"/>
        <source>Answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="570"/>
        <source>Comment on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="576"/>
        <source>Follow-up on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="584"/>
        <source>Confirm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="597"/>
        <source>Override %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="601"/>
        <source>Red flag not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="606"/>
        <source>Acceptance not revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="611"/>
        <source>Not reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="618"/>
        <source>Status not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="622"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="646"/>
        <source>Next assessment not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="649"/>
        <source>Started the next assessment: answers from this one are marked &quot;to confirm&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="675"/>
        <source>This assessment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="695"/>
        <source>(overridden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="699"/>
        <source>reassessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="707"/>
        <source>Decided: %1 by %2 on %3. This assessment is locked; reopen it with a reason to change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="773"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="776"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="780"/>
        <source>&lt;b&gt;For the vendor:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="783"/>
        <source>Why it matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="783"/>
        <source>Good evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="784"/>
        <source>Weak answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="786"/>
        <source>Evidence to ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="802"/>
        <source>(not answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="805"/>
        <source>Last time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="807"/>
        <source>Changed since last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="819"/>
        <source>Red flag (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="820"/>
        <source>accepted as mitigated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="858"/>
        <source>Not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="861"/>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="863"/>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="866"/>
        <source>Override reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="868"/>
        <source>The vendor answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="885"/>
        <source>Answer to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="899"/>
        <source>Override: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="903"/>
        <source>To confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="947"/>
        <source>This assessment is decided and locked. Reopen it (with a reason) to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="969"/>
        <source>Evidence link not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="971"/>
        <source>Link evidence to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="971"/>
        <source>Unlink evidence from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="998"/>
        <source>The workspace was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1048"/>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1088"/>
        <source>Reopen assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1089"/>
        <source>Why is this decided assessment reopened? The reason is kept in the change log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1090"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1124"/>
        <source>Accept red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1125"/>
        <source>Why is red flag %1 accepted as mitigated?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1126"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../trustframe/ui/widgets/charts.py" line="42"/>
        <source>Bar chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="127"/>
        <source>Press %1 to choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePickerDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="75"/>
        <source>Compare assessments</source>
        <extracomment>Filter value meaning &quot;assessments without a procurement reference&quot;. The background scoring of ratings the register did not know (None when not needed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="77"/>
        <source>Tick two or more assessments to see them side by side, for example the vendors bidding for the same purchase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="81"/>
        <source>Procurement reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="82"/>
        <source>All procurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="87"/>
        <source>(no reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="89"/>
        <source>Product category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="90"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="96"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="97"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="97"/>
        <source>Product / service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="98"/>
        <source>Procurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="98"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="98"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="113"/>
        <source>Chosen assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="116"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="120"/>
        <source>&amp;Procurement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="122"/>
        <source>C&amp;ategory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="161"/>
        <source>Assessment #%1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="285"/>
        <source>1 assessment ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="285"/>
        <source>{n} assessments ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="287"/>
        <source>({n} hidden by the filters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/compare_picker.py" line="289"/>
        <source>tick at least two</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="85"/>
        <source>Compare assessments</source>
        <extracomment>The user asked to open one of the compared assessments (its id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="87"/>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="96"/>
        <source>Comparison table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="102"/>
        <source>Scores are not available for these assessments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="117"/>
        <source>Compare (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="135"/>
        <source>Scores as of %1. Double-click a vendor to open its assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="150"/>
        <source>Overall score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="152"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="154"/>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="155"/>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="157"/>
        <source>Open red flags (critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="160"/>
        <source>Inherent tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="162"/>
        <source>By domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="163"/>
        <source>By pillar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="178"/>
        <source>Red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="179"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/compare_view.py" line="179"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="322"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="324"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="325"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="326"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="327"/>
        <source>Remove the date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="43"/>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="76"/>
        <source>Record decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="55"/>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="60"/>
        <source>Conditions to require:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="62"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="66"/>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="70"/>
        <source>Next review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="73"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="82"/>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="84"/>
        <source>Decided &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="85"/>
        <source>D&amp;ate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="86"/>
        <source>Next &amp;review due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="87"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="91"/>
        <source>Recording the decision locks the assessment; reopening needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="130"/>
        <source>Decision not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="137"/>
        <source>The score is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/decision_dialog.py" line="139"/>
        <source>Score %1 · rating %2 · %3 open red flags · %4% complete · recommended: %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="73"/>
        <source>Add evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="73"/>
        <source>Edit evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="94"/>
        <source>Title</source>
        <extracomment>The evidence being edited (None when adding).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="95"/>
        <source>e.g. ISO/IEC 27001 certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="97"/>
        <source>Kind of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="101"/>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="102"/>
        <source>The whole vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="107"/>
        <source>A &amp;file (kept inside the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="108"/>
        <source>A &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="114"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="115"/>
        <source>Choose a PDF, image or document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="116"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="118"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="121"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="122"/>
        <source>Who issued it, e.g. the certification body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="123"/>
        <source>Issued by an independent third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="124"/>
        <source>Issued on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="125"/>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="127"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="134"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="135"/>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="136"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="137"/>
        <source>Applies &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="142"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="146"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="149"/>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="150"/>
        <source>&amp;Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="152"/>
        <source>Validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="154"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="179"/>
        <source>The stored file cannot be replaced; add a new file as new evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="204"/>
        <source>Choose the evidence file, or switch to a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="220"/>
        <source>Choose the evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="221"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.json *.xml *.txt *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceLinkDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="48"/>
        <source>Link evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="51"/>
        <source>Evidence of this vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="52"/>
        <source>This vendor has no evidence yet: add some below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="55"/>
        <source>e.g. ISO/IEC 27001 certificate 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="64"/>
        <source>or a file to keep in the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="65"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="67"/>
        <source>Issued by an &amp;independent party (auditor, certification body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="70"/>
        <source>No expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="73"/>
        <source>&amp;Add evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="75"/>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="78"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="76"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="77"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="79"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="80"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="81"/>
        <source>Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="83"/>
        <source>New evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="85"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="86"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="87"/>
        <source>&amp;Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="91"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="92"/>
        <source>&amp;Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="94"/>
        <source>&amp;Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="97"/>
        <source>Tick the evidence that supports this answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="135"/>
        <source>Evidence not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="152"/>
        <source>already linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_link_dialog.py" line="168"/>
        <source>Choose an evidence file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="47"/>
        <source>Export questionnaire for the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="65"/>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="108"/>
        <source>Assessment</source>
        <extracomment>The export made when the dialog was accepted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="80"/>
        <source>Send only open questions (no confirmed answer yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="81"/>
        <source>Pre-fill the answers we already have, for the vendor to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="83"/>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="88"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="90"/>
        <source>Name and e-mail the vendor can ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="91"/>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="112"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="94"/>
        <source>Mark the assessment as sent to the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="95"/>
        <source>Mark as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="96"/>
        <source>Only offered while the assessment is a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="99"/>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="116"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="100"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="104"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="140"/>
        <source>There is no open assessment to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="161"/>
        <source>{count} questions will be sent ({open} without a confirmed answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="165"/>
        <source>Save questionnaire workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="166"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="194"/>
        <source>Choose an assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="197"/>
        <source>Choose the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="205"/>
        <source>Cannot write {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="209"/>
        <source>Exported {count} questions to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="221"/>
        <source>Status not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/export_dialog.py" line="223"/>
        <source>· marked sent to the vendor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/form_dialog.py" line="32"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="64"/>
        <source>Import vendor answers</source>
        <extracomment>Row colours per category: light backgrounds that keep black text readable.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="84"/>
        <source>Returned workbook</source>
        <extracomment>The applied import when the dialog was accepted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="85"/>
        <source>The .xlsx file the vendor sent back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="86"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="87"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="88"/>
        <source>Choose the returned workbook to see what it would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="90"/>
        <source>Show unchanged and unanswered questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="92"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="92"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="92"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="93"/>
        <source>Vendor&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="93"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="94"/>
        <source>Rows of the returned workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="106"/>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="107"/>
        <source>Select none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="108"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="110"/>
        <source>Problems found in the workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="112"/>
        <source>Import selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="160"/>
        <source>Choose the returned workbook first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="173"/>
        <source>The workbook cannot be imported. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="183"/>
        <source>{file} for assessment #{id} ({label}): {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="187"/>
        <source>This file was already imported on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="199"/>
        <source>Problems ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="215"/>
        <source>{now} (sent: {sent})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="276"/>
        <source>Import {count} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="294"/>
        <source>Open returned workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="295"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="307"/>
        <source>Preview a workbook first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="310"/>
        <source>Select at least one answer to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/import_dialog.py" line="313"/>
        <source>Imported {count} answers from {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="108"/>
        <source>Open screens</source>
        <extracomment>A workspace was opened (its path) — after the context switched to it. The demo workspace finished building (its path).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="110"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="111"/>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="121"/>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="137"/>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="138"/>
        <source>Create an empty workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="139"/>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="140"/>
        <source>Open a workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="141"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="142"/>
        <source>Open &amp;Demo Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="143"/>
        <source>Explore TrustFrame with fictional vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="144"/>
        <source>&amp;Import Vendor Response…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="145"/>
        <source>Import a questionnaire workbook the vendor filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="147"/>
        <source>&amp;Export Questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="148"/>
        <source>Write the questionnaire as an Excel workbook to send to the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="150"/>
        <source>&amp;Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="151"/>
        <source>Assessment, comparison and portfolio reports (PDF, Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="152"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="157"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="160"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="163"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="168"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="169"/>
        <source>Search the vendor register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="171"/>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="173"/>
        <source>&amp;Portfolio Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="175"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="176"/>
        <source>&amp;Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="177"/>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="180"/>
        <source>Add &amp;Vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="182"/>
        <source>&amp;New Assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="184"/>
        <source>Assess a vendor&apos;s product or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="185"/>
        <source>&amp;Open Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="187"/>
        <source>Open the latest assessment of the selected product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="188"/>
        <source>&amp;Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="189"/>
        <source>Compare the selected assessments side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="191"/>
        <source>&amp;About TrustFrame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="193"/>
        <source>Open &amp;Log Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="202"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="213"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="220"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="226"/>
        <source>&amp;Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="229"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="233"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="245"/>
        <source>Show &amp;Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="306"/>
        <source>Opening {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="333"/>
        <source>My vendors.tfw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="334"/>
        <location filename="../../trustframe/ui/main_window.py" line="341"/>
        <source>Create a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="342"/>
        <source>{name} already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="343"/>
        <source>Choose another name, or open it with File &gt; Open Workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="347"/>
        <source>Created {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="352"/>
        <source>Open a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="370"/>
        <source>Building the demo workspace (fictional vendors and assessments)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="383"/>
        <source>Demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="384"/>
        <source>Building the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="385"/>
        <source>Building the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="392"/>
        <source>Demo workspace ready: every vendor in it is fictional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="399"/>
        <source>Open recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="399"/>
        <source>{path} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="400"/>
        <source>It was removed from the recent list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="415"/>
        <source>No recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="419"/>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="439"/>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="527"/>
        <source>The assessment screen is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="533"/>
        <source>Opening the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="581"/>
        <location filename="../../trustframe/ui/main_window.py" line="601"/>
        <source>Added {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="616"/>
        <source>Evidence added: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="634"/>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="635"/>
        <source>The new-assessment wizard is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="647"/>
        <source>Open assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="648"/>
        <source>Select a product that has an assessment in the register first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="669"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="669"/>
        <source>The comparison screen is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="674"/>
        <source>Compare {n} assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="676"/>
        <source>Comparing assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="696"/>
        <location filename="../../trustframe/ui/main_window.py" line="699"/>
        <source>Export questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="697"/>
        <source>Select a product with an assessment in the register (or open an assessment) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="705"/>
        <source>Import vendor response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="721"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="731"/>
        <source>This part of TrustFrame is not in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="747"/>
        <source>About TrustFrame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="748"/>
        <source>&lt;b&gt;TrustFrame {version}&lt;/b&gt;&lt;br&gt;Assess the trustworthiness of ICT vendors and their products before you buy, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="750"/>
        <source>Questions follow the EWI Buyers Guide and the Weathering TechNationalism framework: vendors are judged by what they do and prove, never by their country of origin.

Log file: {log}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MultiChoiceEditor</name>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="184"/>
        <source>Press %1 to tick or untick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="82"/>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="92"/>
        <source>&amp;Create assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="139"/>
        <source>Assessment not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="142"/>
        <source>Assessment created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="242"/>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="249"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="253"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="254"/>
        <source>Remove the number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../trustframe/ui/operations.py" line="159"/>
        <source>Cancel</source>
        <extracomment>Running operations (a Python reference keeps each alive until it finishes). The callable returned (its result). The callable raised (the exception), after the error dialog was shown. The user cancelled and the callable stopped. Always emitted last.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/operations.py" line="161"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/operations.py" line="180"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideAnswerDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="21"/>
        <source>Override answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="30"/>
        <source>(no vendor answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="32"/>
        <source>(unanswered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="38"/>
        <source>Reason for the override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="41"/>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="44"/>
        <source>Vendor said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="45"/>
        <source>Current answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="46"/>
        <source>Verified answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/override_dialog.py" line="47"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="129"/>
        <source>Portfolio overview</source>
        <extracomment>Most rows listed in the overdue and expiring lists (the register filters show all). The user opened a vendor from the chart or a list (vendor id, product id or 0). The user asked for the portfolio report.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="133"/>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="352"/>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="360"/>
        <source>Rescore all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="134"/>
        <source>Rescore all assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="135"/>
        <source>Recompute every assessment&apos;s score with the current scoring profile and today&apos;s evidence validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="137"/>
        <source>Portfolio report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="145"/>
        <source>Tier not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="148"/>
        <source>Vendor / product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="148"/>
        <source>Review was due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="148"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="149"/>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="156"/>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="293"/>
        <source>Overdue reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="150"/>
        <source>Vendor: evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="150"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="150"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="151"/>
        <source>Expiring evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="152"/>
        <source>No reviews are overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="154"/>
        <source>No evidence has expired or expires within 60 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="158"/>
        <source>Evidence expired or expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="174"/>
        <source>Products by residual-risk rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="176"/>
        <source>Products by inherent-risk tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="192"/>
        <source>Inherent tier against trust score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="194"/>
        <source>One dot per product, coloured by rating. Products in the shaded corner are critical to you and poorly trusted: look at them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="273"/>
        <source>{assessed} of {total} products assessed · as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="289"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="289"/>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="292"/>
        <source>Overdue reviews ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="315"/>
        <source>Listing expiring evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="337"/>
        <source>Evidence: {expired} expired, {soon} expiring within 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="338"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="352"/>
        <source>Scoring is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="361"/>
        <source>Rescoring every assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="363"/>
        <source>Rescoring the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="369"/>
        <source>Rescored {n} assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/portfolio_view.py" line="369"/>
        <source>Rescored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="67"/>
        <source>Preferences</source>
        <extracomment>Logo formats reports can embed (SVG is refused by the report service: it can carry scripts).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="77"/>
        <source>Organisation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="78"/>
        <source>Printed on reports and exported questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="80"/>
        <source>Logo file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="81"/>
        <source>PNG or JPEG, shown on report covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="82"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="83"/>
        <source>Choose logo file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="84"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="89"/>
        <source>Logo preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="91"/>
        <source>Assessor name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="92"/>
        <source>Your name, put on new assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="94"/>
        <source>Default scoring profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="98"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="99"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="104"/>
        <source>A new language is used after TrustFrame restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="111"/>
        <source>Organisation (for reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="113"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="118"/>
        <source>&amp;Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="127"/>
        <source>Assessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="129"/>
        <source>&amp;Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="130"/>
        <source>Scoring &amp;profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="131"/>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="156"/>
        <source>Also saved in the open workspace ({name}), so its reports and exports carry your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="160"/>
        <source>Copied into each workspace you open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="168"/>
        <source>The logo must be a PNG or JPEG image (SVG logos are not embedded in reports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="171"/>
        <source>The logo file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="184"/>
        <source>Choose the organisation logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="185"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="196"/>
        <source>No logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/preferences_dialog.py" line="196"/>
        <source>Cannot show this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="24"/>
        <source>Add product or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="24"/>
        <source>Edit product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="39"/>
        <source>Product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="40"/>
        <source>e.g. NW-7000 Core Router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="43"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="46"/>
        <source>The category decides which questions apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="49"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="50"/>
        <source>Version, model or edition (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="52"/>
        <source>Deployment notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="53"/>
        <source>Where and how it will be used (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="60"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="61"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="62"/>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="64"/>
        <source>&amp;Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="65"/>
        <source>&amp;Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/product_dialog.py" line="90"/>
        <source>The product name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="266"/>
        <source>How critical is this purchase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="267"/>
        <source>Answer for your intended use of the product. When in doubt, choose the more exposed option. Unanswered questions count as unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="300"/>
        <source>Inherent tier so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="329"/>
        <source>%1 — %2 of %3 questions answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurchasePage</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="152"/>
        <source>What is being bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="153"/>
        <source>Choose the vendor, the product or service and the questionnaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="158"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="162"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="166"/>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="170"/>
        <source>%1 (%2, %3 questions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="178"/>
        <source>Tender or purchase reference (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="179"/>
        <source>Purchase reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="182"/>
        <source>No due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="185"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="186"/>
        <source>There are no vendors with products yet. Add a vendor and its product first (Vendors screen), then start the assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="192"/>
        <source>&amp;Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="193"/>
        <source>&amp;Product or service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="195"/>
        <source>&amp;Questionnaire:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="196"/>
        <source>Pu&amp;rchase reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="197"/>
        <source>D&amp;ue date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionNavigatorModel</name>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="173"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="182"/>
        <source>%1: %2 of %3 answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="217"/>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="217"/>
        <source>unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="219"/>
        <source>to confirm (copied from last time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="221"/>
        <source>changed since last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="223"/>
        <source>raises a red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/question_navigator.py" line="225"/>
        <source>needs follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingBadge</name>
    <message>
        <location filename="../../trustframe/ui/widgets/badges.py" line="111"/>
        <source>Rating: {rating}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/reason_dialog.py" line="23"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterStore</name>
    <message>
        <location filename="../../trustframe/ui/models/register_store.py" line="78"/>
        <source>Loading the vendor register</source>
        <extracomment>Entities whose change can alter a register row. New rows are available (the list of RegisterRow). A load started (views may show &quot;Loading…&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="208"/>
        <source>No products yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="224"/>
        <source>{n} expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="226"/>
        <source>{n} expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="232"/>
        <source>{date} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="253"/>
        <source>1 open red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="253"/>
        <source>{n} open red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="254"/>
        <source>{flags} ({critical} critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="241"/>
        <source>Evidence of this vendor: {expired} expired, {expiring} expiring within 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="244"/>
        <source>Trust score {score:.1f} of 100; {done:.0%} of the questions answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="247"/>
        <source>Decision: {decision} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="76"/>
        <location filename="../../trustframe/ui/views/register_view.py" line="125"/>
        <source>Vendor register</source>
        <extracomment>Default column widths in pixels at 100 % scale (the header state, once saved, wins). The user opened a vendor (vendor id, product id or 0). The user asked to add a vendor. The user asked for a new assessment (vendor id or 0, product id or 0).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="80"/>
        <source>Add vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="81"/>
        <source>Add vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="82"/>
        <source>New assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="84"/>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="87"/>
        <source>Search vendors, products, countries…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="90"/>
        <source>Search the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="94"/>
        <source>Filter by rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="95"/>
        <source>Any rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="101"/>
        <source>Filter by inherent tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="102"/>
        <source>Any tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="107"/>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="108"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="113"/>
        <source>Overdue reviews only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="114"/>
        <source>Show overdue reviews only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="115"/>
        <location filename="../../trustframe/ui/views/register_view.py" line="386"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="159"/>
        <source>Open vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="160"/>
        <source>Open latest assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="162"/>
        <source>New assessment for this product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="364"/>
        <source>Loading the register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="371"/>
        <source>{vendors} vendors · {products} products and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="375"/>
        <source>Showing {shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="379"/>
        <source>&lt;b&gt;No vendors yet.&lt;/b&gt;&lt;br&gt;Add the vendors you buy ICT products and services from, then assess each product&apos;s trustworthiness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="381"/>
        <source>Add your first vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="384"/>
        <source>&lt;b&gt;Nothing matches these filters.&lt;/b&gt;&lt;br&gt;Try another search or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="93"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="105"/>
        <source>Report kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="106"/>
        <source>Assessment report (one vendor product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="107"/>
        <source>Comparison (candidates for one purchase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="108"/>
        <source>Portfolio (all vendors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="110"/>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="181"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="121"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="122"/>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="123"/>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="125"/>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="181"/>
        <source>PDF variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="126"/>
        <source>Standard PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="127"/>
        <source>PDF/A-3b (for archiving)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="128"/>
        <source>PDF/UA-1 (accessible, tagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="130"/>
        <source>Output file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="131"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="132"/>
        <source>Open the report when it is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="134"/>
        <source>The first page is previewed here once the report is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="135"/>
        <source>Preview of the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="144"/>
        <source>&amp;Create report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="149"/>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="150"/>
        <source>&amp;Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="152"/>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="153"/>
        <source>PDF &amp;variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="157"/>
        <source>&amp;Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="203"/>
        <source>#{id} {vendor} – {product} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="256"/>
        <source>Tick at least two assessments to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="258"/>
        <source>Choose the assessment to report on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="262"/>
        <source>The report covers the highlighted assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="263"/>
        <source>{n} assessments ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="264"/>
        <source>The portfolio report covers every vendor and product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="307"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="307"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="308"/>
        <source>Save report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="331"/>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="333"/>
        <source>Creating the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="332"/>
        <source>Creating report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="334"/>
        <source>Creating a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="342"/>
        <source>, {n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="343"/>
        <source>Saved to {path}{pages}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="349"/>
        <source>No preview: install poppler-utils (pdftoppm) to see the first page here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="351"/>
        <source>Excel workbooks have no preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/report_dialog.py" line="357"/>
        <source>The report was not created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="60"/>
        <source>Answers to review</source>
        <extracomment>Override the answer of a question (question id). Accept a red flag as mitigated (flag id). Withdraw a flag acceptance (flag id). Record the decision. Show this question in the answer tab.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="71"/>
        <source>&amp;Override answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="72"/>
        <source>Replace the selected answer with the verified one, giving a reason (recorded as a reviewer override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="74"/>
        <source>&amp;Go to question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="76"/>
        <location filename="../../trustframe/ui/views/review_view.py" line="106"/>
        <source>Red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="78"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="78"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="78"/>
        <source>Red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="79"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="81"/>
        <source>&amp;Accept as mitigated…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="82"/>
        <source>Re&amp;voke acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="84"/>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="89"/>
        <source>Record &amp;decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="95"/>
        <source>Answers: vendor against verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="114"/>
        <source>Conditions to require</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="116"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="155"/>
        <source>(score not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="157"/>
        <source>No conditions suggested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="159"/>
        <source>%1 by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="165"/>
        <source>Not decided yet. Status: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="167"/>
        <source>Recommendation: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="204"/>
        <source>Accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/review_view.py" line="204"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../../trustframe/ui/models/review_model.py" line="56"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/review_model.py" line="56"/>
        <source>Vendor said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/review_model.py" line="56"/>
        <source>Verified answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/review_model.py" line="57"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/review_model.py" line="57"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/review_model.py" line="100"/>
        <source>(unanswered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="416"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="417"/>
        <source>These questions fit the tier and the product category. Untick questions to leave them out or tick others to add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="421"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="421"/>
        <source>In scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="422"/>
        <source>Questions in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="428"/>
        <source>Reset to the &amp;tier&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="502"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="504"/>
        <source>%1 questions in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="506"/>
        <source>(%1 added, %2 removed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScopeTierDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/scope_tier_dialog.py" line="84"/>
        <source>Scope and tier: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/scope_tier_dialog.py" line="86"/>
        <source>Edit scope and tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/scope_tier_dialog.py" line="97"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/scope_tier_dialog.py" line="162"/>
        <source>Scope and tier not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/scope_tier_dialog.py" line="167"/>
        <source>Scope and tier updated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="87"/>
        <source>Score</source>
        <extracomment>The officer activated a red flag (the question id that raised it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="94"/>
        <source>Overall score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="97"/>
        <source>/ 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="99"/>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="153"/>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="100"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="105"/>
        <source>%p% complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="106"/>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="112"/>
        <source>Score by domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="114"/>
        <source>Score by pillar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="116"/>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="120"/>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="161"/>
        <source>Red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="121"/>
        <source>The score is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="137"/>
        <source>By domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="139"/>
        <source>By pillar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="166"/>
        <source>Recommendation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="189"/>
        <source>%1: %2 / 100 (%3 of %4 questions answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="196"/>
        <source>Red flags (%1 open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="198"/>
        <source>No red flags raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/score_panel.py" line="206"/>
        <source>%1 (accepted as mitigated)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../trustframe/ui/widgets/answer_widgets.py" line="388"/>
        <source>Answer text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierPage</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="339"/>
        <source>Inherent-risk tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="340"/>
        <source>The tier decides how deep the assessment goes: tier 1 asks the most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="349"/>
        <source>Why this tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="350"/>
        <source>&amp;Override the tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="352"/>
        <source>Overriding tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="357"/>
        <source>Why the computed tier does not fit this purchase (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="358"/>
        <source>Reason for the override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="367"/>
        <source>&amp;Tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/new_assessment.py" line="368"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierScoreChart</name>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="53"/>
        <source>Inherent tier against trust score</source>
        <extracomment>A dot was clicked (vendor id, product id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="61"/>
        <source>{n} products plotted. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="129"/>
        <source>Trust score (higher is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="135"/>
        <source>1 product is not scored yet and not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="136"/>
        <source>{n} products are not scored yet and not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="153"/>
        <source>No scored products yet.
Scores appear once assessments have answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/widgets/tier_score_chart.py" line="179"/>
        <source>&lt;b&gt;{label}&lt;/b&gt;&lt;br&gt;{tier} · score {score:.0f} · {rating}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="37"/>
        <source>Add vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="37"/>
        <source>Edit vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="50"/>
        <source>Vendor name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="51"/>
        <source>Legal name, e.g. Northwind Networks AG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="54"/>
        <source>Country of headquarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="55"/>
        <source>Two letters, e.g. DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="59"/>
        <source>Recorded for context only: TrustFrame never scores a vendor by its country of origin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="64"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="67"/>
        <source>Ownership and control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="68"/>
        <source>Who owns and controls the vendor; sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="72"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="76"/>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="105"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="77"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="77"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="77"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="77"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="83"/>
        <source>Add contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="84"/>
        <source>Remove contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="90"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="94"/>
        <source>&amp;Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="97"/>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="98"/>
        <source>&amp;Ownership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/vendor_dialog.py" line="99"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorView</name>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="117"/>
        <source>Edit vendor…</source>
        <extracomment>Where opened evidence files are written for the system viewer (one folder per session). The vendor no longer exists (deleted elsewhere): the host should close the tab. The user asked to edit the vendor / add or edit a product / add evidence / new assessment.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="118"/>
        <source>Add product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="119"/>
        <source>Add evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="120"/>
        <source>New assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="127"/>
        <source>Vendor profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="133"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="197"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="137"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="165"/>
        <source>Product / service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="137"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="137"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="138"/>
        <source>Latest rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="138"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="166"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="138"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="143"/>
        <source>Edit product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="146"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="147"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="214"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="146"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="146"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="146"/>
        <source>Validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="147"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="147"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="148"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="149"/>
        <source>Open evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="150"/>
        <source>Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="151"/>
        <source>Save evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="152"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="153"/>
        <source>Edit evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="154"/>
        <source>Correct the title, kind, issuer, dates or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="155"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="156"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="525"/>
        <source>Delete evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="157"/>
        <source>Delete the evidence and its links to answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="164"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="436"/>
        <source>Assessments over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="165"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="165"/>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="166"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="166"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="166"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="167"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="167"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="169"/>
        <source>Open assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="171"/>
        <source>No assessments yet. Start one with “New assessment…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="195"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="204"/>
        <source>Products and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="310"/>
        <source>1 product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="310"/>
        <source>{n} products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="376"/>
        <source> (independent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="389"/>
        <source>SHA-256 {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="396"/>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="396"/>
        <source>{n} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="398"/>
        <source>{n} expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="400"/>
        <source>{n} expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="402"/>
        <source>No evidence yet. Add certificates, audit reports, SBOMs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="435"/>
        <source>Assessments of {product}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="480"/>
        <source>Select a product to see its details and its assessments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="484"/>
        <source>version {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="513"/>
        <source>Evidence updated: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="526"/>
        <source>Delete “{t}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="527"/>
        <source>Its links to answers are removed too. The deletion is kept in the change log but cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="533"/>
        <source>Evidence not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="535"/>
        <source>Evidence deleted: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="568"/>
        <source>Save a copy of the evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="577"/>
        <source>Saved {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="41"/>
        <source>Welcome to TrustFrame</source>
        <extracomment>A recent workspace was chosen (its path).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="45"/>
        <source>Assess how far you can trust an ICT vendor and its products before you buy, with the EWI Buyers Guide questions. Everything stays on this computer, in one workspace file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="50"/>
        <source>Create a workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="51"/>
        <source>Start your own register of vendors and assessments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="53"/>
        <source>Open a workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="54"/>
        <source>Continue with a .tfw file you or a colleague made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="55"/>
        <source>Explore the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="56"/>
        <source>Eight fictional vendors with assessments in every state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="57"/>
        <location filename="../../trustframe/ui/views/welcome_view.py" line="60"/>
        <source>Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_EditScopePage</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/scope_tier_dialog.py" line="52"/>
        <source>Ticked questions are asked. The tier&apos;s default set is ticked, with this assessment&apos;s own additions and removals applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="31"/>
        <source>Not rated</source>
        <extracomment>The translation context of every name in this module.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="32"/>
        <location filename="../../trustframe/ui/labels.py" line="41"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="32"/>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="33"/>
        <location filename="../../trustframe/ui/labels.py" line="40"/>
        <location filename="../../trustframe/ui/labels.py" line="112"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="33"/>
        <location filename="../../trustframe/ui/labels.py" line="40"/>
        <location filename="../../trustframe/ui/labels.py" line="112"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="39"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="41"/>
        <location filename="../../trustframe/ui/labels.py" line="113"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="43"/>
        <source>Tier {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="44"/>
        <source>Tier {n} · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="50"/>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="51"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="52"/>
        <source>Sent to vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="53"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="54"/>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="55"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="62"/>
        <location filename="../../trustframe/ui/labels.py" line="72"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="63"/>
        <location filename="../../trustframe/ui/labels.py" line="73"/>
        <source>Approve with conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="64"/>
        <location filename="../../trustframe/ui/labels.py" line="74"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="65"/>
        <location filename="../../trustframe/ui/labels.py" line="75"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="82"/>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="83"/>
        <source>Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="84"/>
        <source>Cloud service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="85"/>
        <source>Managed service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="86"/>
        <source>Network / telecom equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="87"/>
        <source>IoT / OT device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="92"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="93"/>
        <source>Audit report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="94"/>
        <source>Penetration test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="95"/>
        <source>SBOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="96"/>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="97"/>
        <source>Contract clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="98"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="103"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="104"/>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="105"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="106"/>
        <source>Not yet valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="107"/>
        <source>No expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="118"/>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="119"/>
        <source>Vendor return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="120"/>
        <source>Reviewer override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="125"/>
        <source>Assurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="126"/>
        <source>Transparency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="127"/>
        <source>Accountability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="132"/>
        <source>Governance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="133"/>
        <source>Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="134"/>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="135"/>
        <source>Sourcing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="136"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="137"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="138"/>
        <source>Sustainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="139"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="140"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="145"/>
        <source>New answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="146"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="147"/>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="148"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="149"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="150"/>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="155"/>
        <source>1 new answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="155"/>
        <source>{n} new answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="156"/>
        <source>1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="156"/>
        <source>{n} changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="157"/>
        <source>1 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="157"/>
        <source>{n} unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="158"/>
        <source>1 conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="158"/>
        <source>{n} conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="159"/>
        <source>1 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="159"/>
        <source>{n} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="160"/>
        <source>1 not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/labels.py" line="160"/>
        <source>{n} not answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1166"/>
        <source>critical importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1166"/>
        <source>high importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1167"/>
        <source>standard importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/assessment_view.py" line="1167"/>
        <source>low importance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
