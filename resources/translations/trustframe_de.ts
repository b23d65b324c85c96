<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="81"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="81"/>
        <source>Product / service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="81"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="81"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="81"/>
        <source>Inherent tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="82"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="82"/>
        <source>Red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="82"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="82"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="82"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="69"/>
        <source>Add evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="83"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="84"/>
        <source>e.g. ISO/IEC 27001 certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="86"/>
        <source>Kind of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="90"/>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="91"/>
        <source>The whole vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="96"/>
        <source>A &amp;file (kept inside the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="97"/>
        <source>A &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="103"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="104"/>
        <source>Choose a PDF, image or document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="105"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="107"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="110"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="111"/>
        <source>Who issued it, e.g. the certification body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="112"/>
        <source>Issued by an independent third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="113"/>
        <source>Issued on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="114"/>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="116"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="123"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="124"/>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="125"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="126"/>
        <source>Applies &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="131"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="135"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="138"/>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="139"/>
        <source>&amp;Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="141"/>
        <source>Validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="143"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="164"/>
        <source>Choose the evidence file, or switch to a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="180"/>
        <source>Choose the evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/dialogs/evidence_dialog.py" line="181"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.json *.xml *.txt *.zip);;All files (*)</source>
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
        <location filename="../../trustframe/ui/main_window.py" line="386"/>
        <source>Demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="387"/>
        <source>Building the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="388"/>
        <source>Building the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="395"/>
        <source>Demo workspace ready: every vendor in it is fictional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="402"/>
        <source>Open recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="402"/>
        <source>{path} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="403"/>
        <source>It was removed from the recent list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="418"/>
        <source>No recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="422"/>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="442"/>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="530"/>
        <source>The assessment screen is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="536"/>
        <source>Opening the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="584"/>
        <location filename="../../trustframe/ui/main_window.py" line="604"/>
        <source>Added {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="619"/>
        <source>Evidence added: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="637"/>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="638"/>
        <source>The new-assessment wizard is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="650"/>
        <source>Open assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="651"/>
        <source>Select a product that has an assessment in the register first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="666"/>
        <location filename="../../trustframe/ui/main_window.py" line="673"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="667"/>
        <source>Select two or more products in the register (Ctrl+click), or a product with more than one assessment, then choose Compare again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="673"/>
        <source>The comparison screen is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="678"/>
        <source>Compare {n} assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="680"/>
        <source>Comparing assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="686"/>
        <location filename="../../trustframe/ui/main_window.py" line="689"/>
        <source>Export questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="687"/>
        <source>Select a product with an assessment in the register (or open an assessment) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="695"/>
        <source>Import vendor response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="711"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="721"/>
        <source>This part of TrustFrame is not in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="737"/>
        <source>About TrustFrame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="738"/>
        <source>&lt;b&gt;TrustFrame {version}&lt;/b&gt;&lt;br&gt;Assess the trustworthiness of ICT vendors and their products before you buy, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/main_window.py" line="740"/>
        <source>Questions follow the EWI Buyers Guide and the Weathering TechNationalism framework: vendors are judged by what they do and prove, never by their country of origin.

Log file: {log}</source>
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
    <name>RegisterTableModel</name>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="197"/>
        <source>No products yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="213"/>
        <source>{n} expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="215"/>
        <source>{n} expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="221"/>
        <source>{date} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="228"/>
        <source>{open} open red flags, {critical} of them critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="231"/>
        <source>Evidence of this vendor: {expired} expired, {expiring} expiring within 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="234"/>
        <source>Trust score {score:.1f} of 100; {done:.0%} of the questions answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/models/register_model.py" line="237"/>
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
        <location filename="../../trustframe/ui/views/register_view.py" line="385"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="158"/>
        <source>Open vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="159"/>
        <source>Open latest assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="161"/>
        <source>New assessment for this product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="363"/>
        <source>Loading the register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="370"/>
        <source>{vendors} vendors · {products} products and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="374"/>
        <source>Showing {shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="378"/>
        <source>&lt;b&gt;No vendors yet.&lt;/b&gt;&lt;br&gt;Add the vendors you buy ICT products and services from, then assess each product&apos;s trustworthiness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="380"/>
        <source>Add your first vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/register_view.py" line="383"/>
        <source>&lt;b&gt;Nothing matches these filters.&lt;/b&gt;&lt;br&gt;Try another search or clear the filters.</source>
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
        <location filename="../../trustframe/ui/views/vendor_view.py" line="190"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="137"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="158"/>
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
        <location filename="../../trustframe/ui/views/vendor_view.py" line="159"/>
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
        <location filename="../../trustframe/ui/views/vendor_view.py" line="207"/>
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
        <location filename="../../trustframe/ui/views/vendor_view.py" line="157"/>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="415"/>
        <source>Assessments over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="158"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="158"/>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="159"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="159"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="159"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="160"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="160"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="162"/>
        <source>Open assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="164"/>
        <source>No assessments yet. Start one with “New assessment…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="188"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="197"/>
        <source>Products and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="299"/>
        <source>1 product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="299"/>
        <source>{n} products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="359"/>
        <source> (independent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="372"/>
        <source>SHA-256 {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="375"/>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="375"/>
        <source>{n} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="377"/>
        <source>{n} expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="379"/>
        <source>{n} expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="381"/>
        <source>No evidence yet. Add certificates, audit reports, SBOMs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="414"/>
        <source>Assessments of {product}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="459"/>
        <source>Select a product to see its details and its assessments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="463"/>
        <source>version {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="502"/>
        <source>Save a copy of the evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trustframe/ui/views/vendor_view.py" line="511"/>
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
</TS>
