<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AssessmentController</name>
    <message numerus="yes">
        <source>Why do these %n answer(s) not apply? (%1)</source>
        <translation>
            <numerusform>Why do these %n answer not apply? (%1)</numerusform>
            <numerusform>Why do these %n answers not apply? (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckoutFlow</name>
    <message numerus="yes">
        <source>%n assessment(s) checked out to {file}.</source>
        <translation>
            <numerusform>%n assessment checked out to {file}.</numerusform>
            <numerusform>%n assessments checked out to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of evidence copied. Open the file now to work without a network?</source>
        <translation>
            <numerusform>%n piece of evidence copied. Open the file now to work without a network?</numerusform>
            <numerusform>%n pieces of evidence copied. Open the file now to work without a network?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePickerDialog</name>
    <message numerus="yes">
        <source>%n assessment(s) ticked</source>
        <translation>
            <numerusform>%n assessment ticked</numerusform>
            <numerusform>%n assessments ticked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <source>%n edit(s) waiting to be saved.</source>
        <translation>
            <numerusform>%n edit waiting to be saved.</numerusform>
            <numerusform>%n edits waiting to be saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n question(s) will be sent ({open} without a confirmed answer).</source>
        <translation>
            <numerusform>%n question will be sent ({open} without a confirmed answer).</numerusform>
            <numerusform>%n questions will be sent ({open} without a confirmed answer).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n question(s) to {name}</source>
        <translation>
            <numerusform>Exported %n question to {name}</numerusform>
            <numerusform>Exported %n questions to {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n selected</source>
        <translation>
            <numerusform>Import %n selected</numerusform>
            <numerusform>Import %n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n answer(s) from {name}</source>
        <translation>
            <numerusform>Imported %n answer from {name}</numerusform>
            <numerusform>Imported %n answers from {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeptAnswers</name>
    <message numerus="yes">
        <source>%n kept change(s) saved now that the connection is back.</source>
        <translation>
            <numerusform>%n kept change saved now that the connection is back.</numerusform>
            <numerusform>%n kept changes saved now that the connection is back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer change(s) made while the connection was lost are not saved yet; they are lost if you quit now. Quit anyway?</source>
        <translation>
            <numerusform>%n answer change made while the connection was lost is not saved yet; it is lost if you quit now. Quit anyway?</numerusform>
            <numerusform>%n answer changes made while the connection was lost are not saved yet; they are lost if you quit now. Quit anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Compare %n assessment(s)</source>
        <translation>
            <numerusform>Compare %n assessment</numerusform>
            <numerusform>Compare %n assessments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n conflict(s): choose which side to keep for each.</source>
        <translation>
            <numerusform>%n conflict: choose which side to keep.</numerusform>
            <numerusform>%n conflicts: choose which side to keep for each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeFlow</name>
    <message numerus="yes">
        <source>%n answer(s) applied from this file</source>
        <translation>
            <numerusform>%n answer applied from this file</numerusform>
            <numerusform>%n answers applied from this file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) kept as in the team workspace</source>
        <translation>
            <numerusform>%n answer kept as in the team workspace</numerusform>
            <numerusform>%n answers kept as in the team workspace</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of evidence added</source>
        <translation>
            <numerusform>%n piece of evidence added</numerusform>
            <numerusform>%n pieces of evidence added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of evidence updated</source>
        <translation>
            <numerusform>%n piece of evidence updated</numerusform>
            <numerusform>%n pieces of evidence updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of evidence kept as in the team workspace</source>
        <translation>
            <numerusform>%n piece of evidence kept as in the team workspace</numerusform>
            <numerusform>%n pieces of evidence kept as in the team workspace</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence link(s) changed</source>
        <translation>
            <numerusform>%n evidence link changed</numerusform>
            <numerusform>%n evidence links changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverlayList</name>
    <message numerus="yes">
        <source>%1 (%2 %3). Adds %n question(s).</source>
        <translation>
            <numerusform>%1 (%2 %3). Adds %n question.</numerusform>
            <numerusform>%1 (%2 %3). Adds %n questions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rescored %n assessment(s)</source>
        <translation>
            <numerusform>Rescored %n assessment</numerusform>
            <numerusform>Rescored %n assessments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message numerus="yes">
        <source>%n open red flag(s)</source>
        <translation>
            <numerusform>%n open red flag</numerusform>
            <numerusform>%n open red flags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message numerus="yes">
        <source>%Ln vendor(s)</source>
        <translation>
            <numerusform>%Ln vendor</numerusform>
            <numerusform>%Ln vendors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s) and service(s)</source>
        <translation>
            <numerusform>%Ln product and service</numerusform>
            <numerusform>%Ln products and services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the register of %Ln vendor(s)… the first ones by name are shown.</source>
        <translation>
            <numerusform>Loading the register of %Ln vendor… the first ones by name are shown.</numerusform>
            <numerusform>Loading the register of %Ln vendors… the first ones by name are shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n assessment(s) ticked.</source>
        <translation>
            <numerusform>%n assessment ticked.</numerusform>
            <numerusform>%n assessments ticked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n page(s)</source>
        <translation>
            <numerusform>, %n page</numerusform>
            <numerusform>, %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierScoreChart</name>
    <message numerus="yes">
        <source>%n product(s) plotted. </source>
        <translation>
            <numerusform>%n product plotted. </numerusform>
            <numerusform>%n products plotted. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) not scored yet and not shown</source>
        <translation>
            <numerusform>%n product not scored yet and not shown</numerusform>
            <numerusform>%n products not scored yet and not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VendorView</name>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n component</numerusform>
            <numerusform>%n components</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n affected</source>
        <translation>
            <numerusform>%n affected</numerusform>
            <numerusform>%n affected</numerusform>
        </translation>
    </message>
</context>
</TS>
