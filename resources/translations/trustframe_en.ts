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
