<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Finding</name>
    <message>
        <source>Direct Connect (dec) health check failing</source>
        <translation>Direct-Connect-Integritätsprüfung (dec) schlägt fehl</translation>
    </message>
    <message>
        <source>Index health check failing</source>
        <translation>Index-Integritätsprüfung schlägt fehl</translation>
    </message>
    <message>
        <source>Recorder health check failing</source>
        <translation>Recorder-Integritätsprüfung schlägt fehl</translation>
    </message>
    <message>
        <source>Stream health check failing</source>
        <translation>Stream-Integritätsprüfung schlägt fehl</translation>
    </message>
    <message>
        <source>Threat Response extension health check failing</source>
        <translation>Integritätsprüfung der Threat-Response-Erweiterung schlägt fehl</translation>
    </message>
    <message>
        <source>Tanium Driver not installed</source>
        <translation>Tanium Driver nicht installiert</translation>
    </message>
    <message>
        <source>Tanium Driver service not installed</source>
        <translation>Dienst des Tanium Driver nicht installiert</translation>
    </message>
    <message>
        <source>Tanium Driver service not running</source>
        <translation>Dienst des Tanium Driver läuft nicht</translation>
    </message>
    <message>
        <source>Tanium Driver state unknown</source>
        <translation>Zustand des Tanium Driver unbekannt</translation>
    </message>
    <message>
        <source>BPF CO-RE not supported (BCC only)</source>
        <translation>BPF CO-RE nicht unterstützt (nur BCC)</translation>
    </message>
    <message>
        <source>BPF not supported</source>
        <translation>BPF nicht unterstützt</translation>
    </message>
    <message>
        <source>BPF support unknown</source>
        <translation>BPF-Unterstützung unbekannt</translation>
    </message>
    <message>
        <source>Recorder minimum requirements not met</source>
        <translation>Mindestanforderungen des Recorders nicht erfüllt</translation>
    </message>
    <message>
        <source>Recorder not using the Tanium Driver</source>
        <translation>Recorder verwendet den Tanium Driver nicht</translation>
    </message>
    <message>
        <source>Threat Response tool not installed</source>
        <translation>Threat-Response-Tool nicht installiert</translation>
    </message>
    <message>
        <source>Tool version differs from the targeted version</source>
        <translation>Tool-Version weicht von der Zielversion ab</translation>
    </message>
    <message>
        <source>Client extension version differs from the fleet</source>
        <translation>Version der Client-Erweiterung weicht vom Bestand ab</translation>
    </message>
    <message>
        <source>Non-default client setting in a TR domain</source>
        <translation>Vom Standard abweichende Client-Einstellung in einer TR-Domäne</translation>
    </message>
    <message>
        <source>No Threat Response profile applied</source>
        <translation>Kein Threat-Response-Profil angewendet</translation>
    </message>
    <message>
        <source>Applied profile not in the profile list</source>
        <translation>Angewendetes Profil nicht in der Profilliste</translation>
    </message>
    <message>
        <source>Applied profile revision is outdated</source>
        <translation>Revision des angewendeten Profils ist veraltet</translation>
    </message>
    <message>
        <source>Wrong profile for the endpoint&apos;s computer groups</source>
        <translation>Falsches Profil für die Computergruppen des Endpunkts</translation>
    </message>
    <message>
        <source>Threat Response intel outdated</source>
        <translation>Threat-Response-Intel veraltet</translation>
    </message>
    <message>
        <source>No usable Client Extensions status answer</source>
        <translation>Keine verwertbare Antwort zum Status der Client Extensions</translation>
    </message>
    <message>
        <source>Threat Response tools not deployed</source>
        <translation>Threat-Response-Tools nicht verteilt</translation>
    </message>
    <message>
        <source>Alert resolved without going In Progress</source>
        <translation>Alert ohne den Status „In Progress“ gelöst</translation>
    </message>
    <message>
        <source>Alert unresolved for 7 days or more</source>
        <translation>Alert seit 7 Tagen oder länger ungelöst</translation>
    </message>
</context>
<context>
    <name>FindingsTableSpec</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Coverage stage</source>
        <translation>Abdeckungsstufe</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>BPF</source>
        <translation>BPF</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Client Health</source>
        <translation>Client-Integrität</translation>
    </message>
    <message>
        <source>Tools &amp; Extensions</source>
        <translation>Tools und Erweiterungen</translation>
    </message>
    <message>
        <source>Driver (Windows)</source>
        <translation>Driver (Windows)</translation>
    </message>
    <message>
        <source>BPF (Linux)</source>
        <translation>BPF (Linux)</translation>
    </message>
    <message>
        <source>Client Settings</source>
        <translation>Client-Einstellungen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
</context>
<context>
    <name>OverviewData</name>
    <message>
        <source>%1 (%2, SHA-256 %3)</source>
        <translation>%1 (%2, SHA-256 %3)</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the workbook %1.</source>
        <translation>Die Arbeitsmappe %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The table has more rows than a worksheet can hold (%1); export it to CSV or filter it first.</source>
        <translation>Die Tabelle hat mehr Zeilen, als ein Arbeitsblatt aufnehmen kann (%1); exportieren Sie sie als CSV oder filtern Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Cannot write the workbook %1: %2</source>
        <translation>Die Arbeitsmappe %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Threat Response maintenance console.</source>
        <translation>Die Wartungskonsole für Threat Response.</translation>
    </message>
    <message>
        <source>Workspace file to open.</source>
        <translation>Zu öffnende Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>Save the window as a PNG and quit.</source>
        <translation>Das Fenster als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>Page to show first (object name).</source>
        <translation>Zuerst angezeigte Seite (Objektname).</translation>
    </message>
    <message>
        <source>Finding code to drill down to.</source>
        <translation>Befundcode, zu dem navigiert wird.</translation>
    </message>
    <message>
        <source>Tanium exports to import (CSV or JSON).</source>
        <translation>Zu importierende Tanium-Exporte (CSV oder JSON).</translation>
    </message>
    <message>
        <source>User interface language: en, de, or empty for the system&apos;s (default: the Settings menu&apos;s choice).</source>
        <translation>Sprache der Oberfläche: en, de oder leer für die des Systems (Standard: die Auswahl im Menü Einstellungen).</translation>
    </message>
</context>
<context>
    <name>trh::Checklist</name>
    <message>
        <source>Health failures in the Threat Response domains</source>
        <translation>Integritätsfehler in den Threat-Response-Domänen</translation>
    </message>
    <message>
        <source>Review the client extension health failures (DEC, Index, Recorder, Stream, Threat Response) and remediate them.</source>
        <translation>Die Integritätsfehler der Client-Erweiterungen (DEC, Index, Recorder, Stream, Threat Response) prüfen und beheben.</translation>
    </message>
    <message>
        <source>Non-default client settings</source>
        <translation>Vom Standard abweichende Client-Einstellungen</translation>
    </message>
    <message>
        <source>Review the settings set explicitly on clients; unexpected values can change how Threat Response behaves.</source>
        <translation>Die explizit auf Clients gesetzten Einstellungen prüfen; unerwartete Werte können das Verhalten von Threat Response ändern.</translation>
    </message>
    <message>
        <source>Endpoint tool versions</source>
        <translation>Tool-Versionen auf den Endpunkten</translation>
    </message>
    <message>
        <source>Check that the targeted tool versions are installed everywhere.</source>
        <translation>Prüfen, ob die Ziel-Versionen der Tools überall installiert sind.</translation>
    </message>
    <message>
        <source>Client extension versions</source>
        <translation>Versionen der Client-Erweiterungen</translation>
    </message>
    <message>
        <source>Check the installed client extension binaries against the release notes.</source>
        <translation>Die installierten Binärdateien der Client-Erweiterungen mit den Release Notes abgleichen.</translation>
    </message>
    <message>
        <source>Tanium Driver on Windows</source>
        <translation>Tanium Driver unter Windows</translation>
    </message>
    <message>
        <source>Check that the Tanium Driver is installed and its service running, and that Recorder uses it.</source>
        <translation>Prüfen, ob der Tanium Driver installiert ist, sein Dienst läuft und Recorder ihn verwendet.</translation>
    </message>
    <message>
        <source>BPF support on Linux</source>
        <translation>BPF-Unterstützung unter Linux</translation>
    </message>
    <message>
        <source>Check which Linux endpoints support BPF (CO-RE or BCC) for Recorder.</source>
        <translation>Prüfen, welche Linux-Endpunkte BPF (CO-RE oder BCC) für Recorder unterstützen.</translation>
    </message>
    <message>
        <source>Threat Response coverage</source>
        <translation>Threat-Response-Abdeckung</translation>
    </message>
    <message>
        <source>Check how many endpoints are fully covered, and why the others are not.</source>
        <translation>Prüfen, wie viele Endpunkte vollständig abgedeckt sind und warum die übrigen nicht.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Check that every endpoint has the right, current Threat Response profile.</source>
        <translation>Prüfen, ob jeder Endpunkt das richtige, aktuelle Threat-Response-Profil hat.</translation>
    </message>
    <message>
        <source>Alert workflow and response times</source>
        <translation>Alert-Workflow und Reaktionszeiten</translation>
    </message>
    <message>
        <source>Review mean time to investigate and to remediate, and that alerts go through In Progress before they are resolved.</source>
        <translation>Die mittlere Zeit bis zur Untersuchung und bis zur Behebung prüfen und ob Alerts vor dem Lösen den Status „In Progress“ durchlaufen.</translation>
    </message>
    <message>
        <source>No snapshot</source>
        <translation>Kein Snapshot</translation>
    </message>
    <message numerus="yes">
        <source>Health failures: %1 in %n domain(s)</source>
        <translation>
            <numerusform>Integritätsfehler: %1 in %n Domäne</numerusform>
            <numerusform>Integritätsfehler: %1 in %n Domänen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s)</source>
        <translation>
            <numerusform>%n Endpunkt</numerusform>
            <numerusform>%n Endpunkte</numerusform>
        </translation>
    </message>
    <message>
        <source>No health failures</source>
        <translation>Keine Integritätsfehler</translation>
    </message>
    <message numerus="yes">
        <source>Non-default settings on %n endpoint(s)</source>
        <translation>
            <numerusform>Vom Standard abweichende Einstellungen auf %n Endpunkt</numerusform>
            <numerusform>Vom Standard abweichende Einstellungen auf %n Endpunkten</numerusform>
        </translation>
    </message>
    <message>
        <source>No non-default settings</source>
        <translation>Keine vom Standard abweichenden Einstellungen</translation>
    </message>
    <message>
        <source>Tools missing on %1, version mismatch on %2</source>
        <translation>Tools fehlen auf %1, abweichende Version auf %2</translation>
    </message>
    <message numerus="yes">
        <source>Unexpected extension versions on %n endpoint(s)</source>
        <translation>
            <numerusform>Unerwartete Erweiterungsversionen auf %n Endpunkt</numerusform>
            <numerusform>Unerwartete Erweiterungsversionen auf %n Endpunkten</numerusform>
        </translation>
    </message>
    <message>
        <source>Extension versions consistent</source>
        <translation>Erweiterungsversionen einheitlich</translation>
    </message>
    <message>
        <source>Driver running on %1; not installed or not running on %2; unknown %3; Recorder not using it on %4</source>
        <translation>Driver läuft auf %1; nicht installiert oder nicht gestartet auf %2; unbekannt %3; Recorder verwendet ihn nicht auf %4</translation>
    </message>
    <message>
        <source>BPF CO-RE %1, BCC only %2, unsupported %3, unknown %4</source>
        <translation>BPF CO-RE %1, nur BCC %2, nicht unterstützt %3, unbekannt %4</translation>
    </message>
    <message>
        <source>Coverage %1% (%2 of %3 endpoints covered)</source>
        <translation>Abdeckung %1 % (%2 von %3 Endpunkten abgedeckt)</translation>
    </message>
    <message>
        <source>No profile %1, unknown %2, outdated revision %3, wrong for group %4</source>
        <translation>Kein Profil %1, unbekannt %2, veraltete Revision %3, falsch für Gruppe %4</translation>
    </message>
    <message>
        <source>%1 in %2; MTTI %3 h, MTTR %4 h; %5 resolved without In Progress, %6 stale</source>
        <translation>%1 in %2; MTTI %3 h, MTTR %4 h; %5 ohne „In Progress“ gelöst, %6 liegen geblieben</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alert</numerusform>
            <numerusform>%n Alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown step</source>
        <translation>Unbekannter Schritt</translation>
    </message>
</context>
<context>
    <name>trh::ChecklistPage</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Signed off by:</source>
        <translation>Abgezeichnet von:</translation>
    </message>
    <message>
        <source>%1: signed off by</source>
        <translation>%1: abgezeichnet von</translation>
    </message>
    <message>
        <source>%1: notes</source>
        <translation>%1: Notizen</translation>
    </message>
    <message>
        <source>Notes: what was found, what was done, tickets…</source>
        <translation>Notizen: was gefunden wurde, was getan wurde, Tickets …</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Maintenance checklist — %1&lt;/h2&gt;&lt;p&gt;The steps of the monthly Threat Response maintenance. Each status comes from the current snapshot; sign off a step once it is reviewed.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Wartungscheckliste – %1&lt;/h2&gt;&lt;p&gt;Die Schritte der monatlichen Threat-Response-Wartung. Jeder Status stammt aus dem aktuellen Snapshot; zeichnen Sie einen Schritt ab, sobald er geprüft ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>Undo Sign-Off</source>
        <translation>Abzeichnung aufheben</translation>
    </message>
    <message>
        <source>Undo the sign-off of %1</source>
        <translation>Abzeichnung von %1 aufheben</translation>
    </message>
    <message>
        <source>not signed off</source>
        <translation>nicht abgezeichnet</translation>
    </message>
    <message>
        <source>Sign Off</source>
        <translation>Abzeichnen</translation>
    </message>
    <message>
        <source>Sign off %1</source>
        <translation>%1 abzeichnen</translation>
    </message>
    <message>
        <source>Enter who signs the step off.</source>
        <translation>Geben Sie ein, wer den Schritt abzeichnet.</translation>
    </message>
    <message>
        <source>The checklist could not be saved or read: %1</source>
        <translation>Die Checkliste konnte nicht gespeichert oder gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>trh::FindingsPage</name>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>All findings on this page</source>
        <translation>Alle Befunde dieser Seite</translation>
    </message>
    <message>
        <source>Search endpoints, subjects, details…</source>
        <translation>Endpunkte, Gegenstände, Details suchen …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export every row of the table, as filtered, to CSV or Excel</source>
        <translation>Alle Zeilen der gefilterten Tabelle als CSV oder Excel exportieren</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Details of the selected endpoint</source>
        <translation>Details des ausgewählten Endpunkts</translation>
    </message>
    <message>
        <source>Select a row to see the endpoint&apos;s answers, findings and how to fix them.</source>
        <translation>Wählen Sie eine Zeile, um die Antworten und Befunde des Endpunkts und deren Behebung zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The table could not be exported.</source>
        <translation>Die Tabelle konnte nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 · %2 · coverage stage: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 · %2 · Abdeckungsstufe: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Findings&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;Befunde&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Notes&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;Notizen&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>; accepted until %1</source>
        <translation>; akzeptiert bis %1</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Answers&lt;/h4&gt;&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;</source>
        <translation>&lt;h4&gt;Antworten&lt;/h4&gt;&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>Notiz hinzufügen …</translation>
    </message>
    <message>
        <source>Add a note or an accepted-until exception to the selected endpoint&apos;s finding</source>
        <translation>Dem Befund des ausgewählten Endpunkts eine Notiz oder eine befristete Ausnahme hinzufügen</translation>
    </message>
    <message>
        <source>Add a note to the selected finding</source>
        <translation>Dem ausgewählten Befund eine Notiz hinzufügen</translation>
    </message>
    <message>
        <source>The note no longer exists.</source>
        <translation>Die Notiz existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Delete this note? An exception it grants ends with it.</source>
        <translation>Diese Notiz löschen? Eine durch sie gewährte Ausnahme endet damit.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>The note could not be saved.</source>
        <translation>Die Notiz konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>accepted until %1</source>
        <translation>akzeptiert bis %1</translation>
    </message>
    <message>
        <source>; ticket %1</source>
        <translation>; Ticket %1</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>bearbeiten</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message numerus="yes">
        <source>Counting findings… (%n so far)</source>
        <translation>
            <numerusform>Befunde werden gezählt … (bisher %n)</numerusform>
            <numerusform>Befunde werden gezählt … (bisher %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trh::GuidancePage</name>
    <message>
        <source>Search the guidance…</source>
        <translation>Leitfaden durchsuchen …</translation>
    </message>
    <message>
        <source>Search the guidance</source>
        <translation>Leitfaden durchsuchen</translation>
    </message>
    <message>
        <source>Finding codes</source>
        <translation>Befundcodes</translation>
    </message>
    <message>
        <source>&lt;p&gt;No guidance for this code.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Leitfaden für diesen Code.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>trh::HistoryPage</name>
    <message>
        <source>Trends over all snapshots</source>
        <translation>Trends über alle Snapshots</translation>
    </message>
    <message>
        <source>Threat Response coverage</source>
        <translation>Threat-Response-Abdeckung</translation>
    </message>
    <message>
        <source>Percent covered</source>
        <translation>Prozent abgedeckt</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Health failures per domain</source>
        <translation>Integritätsfehler je Domäne</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>DEC</source>
        <translation>DEC</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Threat Response</source>
        <translation>Threat Response</translation>
    </message>
    <message>
        <source>Any domain</source>
        <translation>Beliebige Domäne</translation>
    </message>
    <message>
        <source>Tanium Driver states (Windows)</source>
        <translation>Zustände des Tanium Driver (Windows)</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Service not installed</source>
        <translation>Dienst nicht installiert</translation>
    </message>
    <message>
        <source>Service not running</source>
        <translation>Dienst läuft nicht</translation>
    </message>
    <message>
        <source>Driver not installed</source>
        <translation>Driver nicht installiert</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>BPF states (Linux)</source>
        <translation>BPF-Zustände (Linux)</translation>
    </message>
    <message>
        <source>CO-RE</source>
        <translation>CO-RE</translation>
    </message>
    <message>
        <source>BCC only</source>
        <translation>Nur BCC</translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>Changes between snapshots</source>
        <translation>Änderungen zwischen Snapshots</translation>
    </message>
    <message>
        <source>Endpoints added — list them</source>
        <translation>Hinzugekommene Endpunkte – auflisten</translation>
    </message>
    <message>
        <source>Endpoints removed — list them</source>
        <translation>Entfernte Endpunkte – auflisten</translation>
    </message>
    <message>
        <source>Endpoints added</source>
        <translation>Hinzugekommene Endpunkte</translation>
    </message>
    <message>
        <source>Endpoints removed</source>
        <translation>Entfernte Endpunkte</translation>
    </message>
    <message>
        <source>Changes per finding</source>
        <translation>Änderungen je Befund</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Newly affected</source>
        <translation>Neu betroffen</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Still affected</source>
        <translation>Weiterhin betroffen</translation>
    </message>
    <message>
        <source>Double-click a count to list those endpoints</source>
        <translation>Doppelklicken Sie auf eine Anzahl, um diese Endpunkte aufzulisten</translation>
    </message>
    <message>
        <source>Choose a snapshot in &quot;Compare with&quot; in the tool bar to see what changed.</source>
        <translation>Wählen Sie in der Werkzeugleiste unter „Vergleichen mit“ einen Snapshot, um die Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
    <message>
        <source>Comparing the snapshots…</source>
        <translation>Snapshots werden verglichen …</translation>
    </message>
    <message>
        <source>Some snapshots could not be read: %1</source>
        <translation>Einige Snapshots konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Only one snapshot so far: import another month to see the trends.</source>
        <translation>Bisher nur ein Snapshot: Importieren Sie einen weiteren Monat, um die Trends zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s), from %1 to %2.</source>
        <translation>
            <numerusform>%n Snapshot, von %1 bis %2.</numerusform>
            <numerusform>%n Snapshots, von %1 bis %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The snapshots could not be compared: %1</source>
        <translation>Die Snapshots konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>From %1 to %2: coverage %3% → %4% (%5 points); endpoints with health failures %6 → %7 (%8).</source>
        <translation>Von %1 bis %2: Abdeckung %3 % → %4 % (%5 Punkte); Endpunkte mit Integritätsfehlern %6 → %7 (%8).</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s) added</source>
        <translation>
            <numerusform>%n Endpunkt hinzugekommen</numerusform>
            <numerusform>%n Endpunkte hinzugekommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s) removed</source>
        <translation>
            <numerusform>%n Endpunkt entfernt</numerusform>
            <numerusform>%n Endpunkte entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to list these endpoints</source>
        <translation>Doppelklicken, um diese Endpunkte aufzulisten</translation>
    </message>
    <message>
        <source>%1 endpoints; the first %2 are listed.</source>
        <translation>%1 Endpunkte; die ersten %2 werden aufgelistet.</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s)</source>
        <translation>
            <numerusform>%n Endpunkt</numerusform>
            <numerusform>%n Endpunkte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trh::ImportDialog</name>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Import into &lt;b&gt;%1&lt;/b&gt;: one new snapshot from these files.</source>
        <translation>Import in &lt;b&gt;%1&lt;/b&gt;: ein neuer Snapshot aus diesen Dateien.</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Zu importierende Dateien</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;These files cannot be imported:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Diese Dateien können nicht importiert werden:&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Leave Them Out</source>
        <translation>&amp;Weglassen</translation>
    </message>
    <message>
        <source>Leave out the files that cannot be imported</source>
        <translation>Die nicht importierbaren Dateien weglassen</translation>
    </message>
    <message>
        <source>&amp;Domain/Key/Value columns are:</source>
        <translation>&amp;Domain/Key/Value-Spalten sind:</translation>
    </message>
    <message>
        <source>Dataset of Domain/Key/Value columns</source>
        <translation>Datensatz der Domain/Key/Value-Spalten</translation>
    </message>
    <message>
        <source>Applies to every file of this import whose Domain, Key and Value columns fit both datasets.</source>
        <translation>Gilt für jede Datei dieses Imports, deren Spalten Domain, Key und Value zu beiden Datensätzen passen.</translation>
    </message>
    <message>
        <source>Snapshot label</source>
        <translation>Snapshot-Bezeichnung</translation>
    </message>
    <message>
        <source>optional, e.g. &quot;after the 3.9 upgrade&quot;</source>
        <translation>optional, z. B. „nach dem Upgrade auf 3.9“</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Taken at:</source>
        <translation>&amp;Aufgenommen am:</translation>
    </message>
    <message>
        <source>Set the time the exports were taken</source>
        <translation>Zeitpunkt der Exporte festlegen</translation>
    </message>
    <message>
        <source>Time the exports were taken</source>
        <translation>Zeitpunkt der Exporte</translation>
    </message>
    <message>
        <source>(default: the time in REST exports, else now)</source>
        <translation>(Standard: der Zeitpunkt aus REST-Exporten, sonst jetzt)</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>auswählen …</translation>
    </message>
    <message>
        <source>as recognised for each file</source>
        <translation>wie für jede Datei erkannt</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Cannot import: %1</source>
        <translation>Import nicht möglich: %1</translation>
    </message>
    <message>
        <source>Ambiguous: choose the dataset below</source>
        <translation>Mehrdeutig: Datensatz unten auswählen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert …</numerusform>
            <numerusform>%n Dateien werden importiert …</numerusform>
        </translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>Importbericht</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s) as snapshot %1.</source>
        <translation>
            <numerusform>%n Datei als Snapshot %1 importiert.</numerusform>
            <numerusform>%n Dateien als Snapshot %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was imported; the workspace is unchanged.</source>
        <translation>Es wurde nichts importiert; der Arbeitsbereich ist unverändert.</translation>
    </message>
</context>
<context>
    <name>trh::MainWindow</name>
    <message>
        <source>trhealth</source>
        <translation>trhealth</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No snapshot yet&lt;/h2&gt;&lt;p&gt;Open a workspace, import Tanium exports, or open the demo fleet to look around.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch kein Snapshot&lt;/h2&gt;&lt;p&gt;Öffnen Sie einen Arbeitsbereich, importieren Sie Tanium-Exporte oder öffnen Sie den Demo-Bestand, um sich umzusehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Workspace…</source>
        <translation>Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <source>Open the Demo Fleet</source>
        <translation>Demo-Bestand öffnen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source> Snapshot: </source>
        <translation> Snapshot: </translation>
    </message>
    <message>
        <source>  Compare with: </source>
        <translation>  Vergleichen mit: </translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Fleet</source>
        <translation>&amp;Demo-Bestand öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>Tabelle &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About trhealth</source>
        <translation>&amp;Über trhealth</translation>
    </message>
    <message>
        <source>About trhealth</source>
        <translation>Über trhealth</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;trhealth&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The Threat Response maintenance console: health findings, coverage, alerts and the monthly report from Tanium exports.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;trhealth&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Die Wartungskonsole für Threat Response: Integritätsbefunde, Abdeckung, Alerts und der Monatsbericht aus Tanium-Exporten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — trhealth</source>
        <translation>%1 – trhealth</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Der Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>%1 has no snapshot yet</source>
        <translation>%1 hat noch keinen Snapshot</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot %1, taken %2 — %n source file(s)</source>
        <translation>
            <numerusform>Snapshot %1, aufgenommen %2 – %n Quelldatei</numerusform>
            <numerusform>Snapshot %1, aufgenommen %2 – %n Quelldateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>trhealth workspaces (*.trdb *.trhealth);;All files (*)</source>
        <translation>trhealth-Arbeitsbereiche (*.trdb *.trhealth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Building the demo fleet…</source>
        <translation>Demo-Bestand wird erstellt …</translation>
    </message>
    <message>
        <source>Demo fleet</source>
        <translation>Demo-Bestand</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Tanium exports (*.csv *.json);;All files (*)</source>
        <translation>Tanium-Exporte (*.csv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Workspace for the Import</source>
        <translation>Neuer Arbeitsbereich für den Import</translation>
    </message>
    <message>
        <source>trhealth workspaces (*.trdb)</source>
        <translation>trhealth-Arbeitsbereiche (*.trdb)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language will change the next time trhealth starts.</source>
        <translation>Die Sprache wird beim nächsten Start von trhealth umgestellt.</translation>
    </message>
</context>
<context>
    <name>trh::NoteDialog</name>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Finding: %1 (%2)</source>
        <translation>Befund: %1 (%2)</translation>
    </message>
    <message>
        <source>Endpoint: %1
Finding: %2 (%3)</source>
        <translation>Endpunkt: %1
Befund: %2 (%3)</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <source>What was found, decided or done</source>
        <translation>Was gefunden, entschieden oder getan wurde</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Ticket reference</source>
        <translation>Ticket-Referenz</translation>
    </message>
    <message>
        <source>e.g. CHG0012345</source>
        <translation>z. B. CHG0012345</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>A&amp;ccept this finding until</source>
        <translation>Befund a&amp;kzeptieren bis</translation>
    </message>
    <message>
        <source>Accept this finding until a date</source>
        <translation>Diesen Befund bis zu einem Datum akzeptieren</translation>
    </message>
    <message>
        <source>Accepted until</source>
        <translation>Akzeptiert bis</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Enter the note&apos;s text.</source>
        <translation>Geben Sie den Text der Notiz ein.</translation>
    </message>
    <message>
        <source>Enter the author.</source>
        <translation>Geben Sie den Autor ein.</translation>
    </message>
    <message>
        <source>The acceptance date must be today or later.</source>
        <translation>Das Akzeptanzdatum muss heute oder später sein.</translation>
    </message>
</context>
<context>
    <name>trh::OverviewPage</name>
    <message>
        <source>%1: %2 — show the endpoints</source>
        <translation>%1: %2 – Endpunkte anzeigen</translation>
    </message>
    <message>
        <source>Not computable from this snapshot&apos;s data — see the explanation</source>
        <translation>Aus den Daten dieses Snapshots nicht berechenbar – siehe Erläuterung</translation>
    </message>
    <message>
        <source>Show these endpoints and how to fix them</source>
        <translation>Diese Endpunkte und ihre Behebung anzeigen</translation>
    </message>
    <message>
        <source>How is this computed?</source>
        <translation>Wie wird das berechnet?</translation>
    </message>
    <message>
        <source>&lt;p&gt;Inputs: %1&lt;br&gt;Sample size: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eingaben: %1&lt;br&gt;Stichprobengröße: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Excluded:&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;Ausgeschlossen:&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not computable: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nicht berechenbar: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How %1 is computed</source>
        <translation>Wie %1 berechnet wird</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>Ohne Tools</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Kein Profil</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <source>Coverage waterfall</source>
        <translation>Abdeckungs-Wasserfall</translation>
    </message>
    <message>
        <source>Threat Response coverage</source>
        <translation>Threat-Response-Abdeckung</translation>
    </message>
    <message>
        <source>no earlier snapshot to compare with</source>
        <translation>kein früherer Snapshot zum Vergleich</translation>
    </message>
    <message>
        <source>%1%2 points since %3</source>
        <translation>%1%2 Punkte seit %3</translation>
    </message>
    <message>
        <source>%1 endpoints: %2 Windows, %3 Linux, %4 Mac</source>
        <translation>%1 Endpunkte: %2 Windows, %3 Linux, %4 Mac</translation>
    </message>
    <message>
        <source>Snapshot taken %1</source>
        <translation>Snapshot aufgenommen %1</translation>
    </message>
    <message>
        <source>Coverage waterfall — click a bar for its endpoints</source>
        <translation>Abdeckungs-Wasserfall – Balken anklicken für seine Endpunkte</translation>
    </message>
    <message>
        <source>dec (Direct Connect)</source>
        <translation>dec (Direct Connect)</translation>
    </message>
    <message>
        <source>index</source>
        <translation>index</translation>
    </message>
    <message>
        <source>recorder</source>
        <translation>recorder</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>stream</translation>
    </message>
    <message>
        <source>threatresponse</source>
        <translation>threatresponse</translation>
    </message>
    <message>
        <source>Health failures: %1</source>
        <translation>Integritätsfehler: %1</translation>
    </message>
    <message>
        <source>Endpoints with any failure</source>
        <translation>Endpunkte mit irgendeinem Fehler</translation>
    </message>
    <message>
        <source>Health failures</source>
        <translation>Integritätsfehler</translation>
    </message>
    <message>
        <source>Client health failures</source>
        <translation>Integritätsfehler der Clients</translation>
    </message>
    <message>
        <source>Windows Tanium Driver</source>
        <translation>Tanium Driver unter Windows</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Driver not installed</source>
        <translation>Driver nicht installiert</translation>
    </message>
    <message>
        <source>Service not installed</source>
        <translation>Dienst nicht installiert</translation>
    </message>
    <message>
        <source>Service not running</source>
        <translation>Dienst läuft nicht</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Driver state unknown</source>
        <translation>Driver-Zustand unbekannt</translation>
    </message>
    <message>
        <source>Linux BPF support</source>
        <translation>BPF-Unterstützung unter Linux</translation>
    </message>
    <message>
        <source>CO-RE</source>
        <translation>CO-RE</translation>
    </message>
    <message>
        <source>BCC only</source>
        <translation>Nur BCC</translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>BPF unsupported</source>
        <translation>BPF nicht unterstützt</translation>
    </message>
    <message>
        <source>BPF unknown</source>
        <translation>BPF unbekannt</translation>
    </message>
    <message>
        <source>Tools, extensions and recorder</source>
        <translation>Tools, Erweiterungen und Recorder</translation>
    </message>
    <message>
        <source>Tool not installed</source>
        <translation>Tool nicht installiert</translation>
    </message>
    <message>
        <source>Tool version mismatch</source>
        <translation>Abweichende Tool-Version</translation>
    </message>
    <message>
        <source>Extension version outliers</source>
        <translation>Ausreißer bei Erweiterungsversionen</translation>
    </message>
    <message>
        <source>Recorder minimum requirements not met</source>
        <translation>Mindestanforderungen des Recorders nicht erfüllt</translation>
    </message>
    <message>
        <source>Recorder not using the driver (Windows)</source>
        <translation>Recorder ohne Driver (Windows)</translation>
    </message>
    <message>
        <source>Recorder not using the driver</source>
        <translation>Recorder ohne Driver</translation>
    </message>
    <message>
        <source>Profiles and intel</source>
        <translation>Profile und Intel</translation>
    </message>
    <message>
        <source>Unknown profile</source>
        <translation>Unbekanntes Profil</translation>
    </message>
    <message>
        <source>Outdated revision</source>
        <translation>Veraltete Revision</translation>
    </message>
    <message>
        <source>Outdated profile revision</source>
        <translation>Veraltete Profilrevision</translation>
    </message>
    <message>
        <source>Wrong profile for group</source>
        <translation>Falsches Profil für Gruppe</translation>
    </message>
    <message>
        <source>Outdated intel (current %1)</source>
        <translation>Veraltetes Intel (aktuell %1)</translation>
    </message>
    <message>
        <source>Outdated intel</source>
        <translation>Veraltetes Intel</translation>
    </message>
    <message>
        <source>— (n = %1)</source>
        <translation>— (n = %1)</translation>
    </message>
    <message>
        <source>median %1 h, p90 %3 h
mean %2 h, n = %4</source>
        <translation>Median %1 h, p90 %3 h
Mittel %2 h, n = %4</translation>
    </message>
    <message>
        <source>Alerts created in %1</source>
        <translation>Alerts aus %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Mean time to investigate</source>
        <translation>Mittlere Zeit bis zur Untersuchung</translation>
    </message>
    <message>
        <source>Mean time to remediate</source>
        <translation>Mittlere Zeit bis zur Behebung</translation>
    </message>
    <message>
        <source>Resolved without In Progress</source>
        <translation>Ohne „In Progress“ gelöst</translation>
    </message>
    <message>
        <source>Unresolved for 7 days or more</source>
        <translation>Seit 7 Tagen oder länger ungelöst</translation>
    </message>
    <message>
        <source>Stale unresolved alerts</source>
        <translation>Liegen gebliebene ungelöste Alerts</translation>
    </message>
</context>
<context>
    <name>trh::SqlTableModel</name>
    <message>
        <source>The table has no data source.</source>
        <translation>Die Tabelle hat keine Datenquelle.</translation>
    </message>
    <message>
        <source>The table could not be loaded: %1</source>
        <translation>Die Tabelle konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Rows of the table could not be loaded: %1</source>
        <translation>Zeilen der Tabelle konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>…</source>
        <comment>placeholder of a table cell whose row is still loading</comment>
        <translation>…</translation>
    </message>
</context>
</TS>
