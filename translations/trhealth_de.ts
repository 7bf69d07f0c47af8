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
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
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
        <source>User interface language: en, de, or empty for the system&apos;s (default: the Settings menu&apos;s choice).</source>
        <translation>Sprache der Oberfläche: en, de oder leer für die des Systems (Standard: die Auswahl im Menü Einstellungen).</translation>
    </message>
    <message>
        <source>Colours: system, light or dark (default: the Settings menu&apos;s choice).</source>
        <translation>Farben: system, light oder dark (Standard: die Wahl im Menü „Einstellungen“).</translation>
    </message>
    <message>
        <source>Tanium exports to import (CSV or JSON), or a workspace or snapshot file to open.</source>
        <translation>Zu importierende Tanium-Exporte (CSV oder JSON) oder ein zu öffnender Arbeitsbereich bzw. eine Snapshot-Datei.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n temporary file(s) left by an interrupted run.</source>
        <translation>
            <numerusform>%n temporäre Datei eines unterbrochenen Laufs entfernt.</numerusform>
            <numerusform>%n temporäre Dateien eines unterbrochenen Laufs entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trh</name>
    <message>
        <source>the workspace has a table trhealth cannot export (%1)</source>
        <translation>der Arbeitsbereich enthält eine Tabelle, die trhealth nicht exportieren kann (%1)</translation>
    </message>
</context>
<context>
    <name>trh::Analyzer</name>
    <message>
        <source>snapshot %1 has no analysis by these rules (version %2) in this read-only file; export it again with this version of trhealth</source>
        <translation>Snapshot %1 hat in dieser schreibgeschützten Datei keine Analyse nach diesen Regeln (Version %2); exportieren Sie ihn mit dieser trhealth-Version erneut</translation>
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
    <name>trh::ColumnFilterBar</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <source>Show only rows whose %1 contains this text</source>
        <translation>Nur Zeilen zeigen, deren Spalte „%1“ diesen Text enthält</translation>
    </message>
</context>
<context>
    <name>trh::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Eine Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Duplicate the connection</source>
        <translation>Die Verbindung duplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the connection</source>
        <translation>Die Verbindung entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Ser&amp;ver URL:</source>
        <translation>Se&amp;rver-URL:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>https://tanium.example.com</source>
        <translation>https://tanium.example.com</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>optional: PEM file of the CA that signed the server</source>
        <translation>optional: PEM-Datei der CA, die den Server signiert hat</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Die CA-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>CA f&amp;ile:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>REST API v2 (ask questions)</source>
        <translation>REST-API v2 (Fragen stellen)</translation>
    </message>
    <message>
        <source>API Gateway (GraphQL)</source>
        <translation>API Gateway (GraphQL)</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Completion thres&amp;hold:</source>
        <translation>Vollständigkeitssch&amp;welle:</translation>
    </message>
    <message>
        <source>Completion threshold in percent</source>
        <translation>Vollständigkeitsschwelle in Prozent</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>A question&apos;s answers are read once this share of the endpoints the server expects has answered, or when its timeout is over.</source>
        <translation>Die Antworten einer Frage werden gelesen, sobald dieser Anteil der vom Server erwarteten Endpunkte geantwortet hat oder ihre Zeitgrenze abgelaufen ist.</translation>
    </message>
    <message>
        <source>&amp;Question timeout:</source>
        <translation>Zeitgrenze für &amp;Fragen:</translation>
    </message>
    <message>
        <source>Question timeout in seconds</source>
        <translation>Zeitgrenze für Fragen in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Request ti&amp;meout:</source>
        <translation>Zeitgrenze für &amp;Anfragen:</translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation>Zeitgrenze für Anfragen in Sekunden</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Save the token in the &amp;keychain</source>
        <translation>Token im Schlüssel&amp;bund speichern</translation>
    </message>
    <message>
        <source>Save the token in the keychain</source>
        <translation>Token im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Otherwise the token is kept for this session only.</source>
        <translation>Sonst wird das Token nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>&amp;Forget Token</source>
        <translation>Token ver&amp;gessen</translation>
    </message>
    <message>
        <source>Forget the saved token</source>
        <translation>Das gespeicherte Token vergessen</translation>
    </message>
    <message>
        <source>Token status</source>
        <translation>Token-Status</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Die Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the connection</source>
        <translation>Die Verbindung speichern</translation>
    </message>
    <message>
        <source>A token is saved in the keychain.</source>
        <translation>Im Schlüsselbund ist ein Token gespeichert.</translation>
    </message>
    <message>
        <source>A token is kept for this session only (not in the keychain).</source>
        <translation>Ein Token wird nur für diese Sitzung behalten (nicht im Schlüsselbund).</translation>
    </message>
    <message>
        <source>No token is saved: paste the API token.</source>
        <translation>Es ist kein Token gespeichert: Fügen Sie das API-Token ein.</translation>
    </message>
    <message>
        <source>%1 A token is kept for this session only.</source>
        <translation>%1 Ein Token wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>No token yet: paste the API token.</source>
        <translation>Noch kein Token: Fügen Sie das API-Token ein.</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Suche im Schlüsselbund …</translation>
    </message>
    <message>
        <source>The token is kept for this session only.</source>
        <translation>Das Token wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation>Das Token wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>The token is saved in the keychain.</source>
        <translation>Das Token ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Fill in the new connection, then save it.</source>
        <translation>Füllen Sie die neue Verbindung aus und speichern Sie sie dann.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>The copy is saved with its own token: paste it, then save.</source>
        <translation>Die Kopie wird mit einem eigenen Token gespeichert: Fügen Sie es ein und speichern Sie dann.</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection &quot;%1&quot; and its saved token?</source>
        <translation>Die Verbindung „%1“ und ihr gespeichertes Token entfernen?</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>CA Certificate File</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Unsaved Connection</source>
        <translation>Nicht gespeicherte Verbindung</translation>
    </message>
    <message>
        <source>The connection cannot be saved: %1

Discard the changes?</source>
        <translation>Die Verbindung kann nicht gespeichert werden: %1

Die Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>trh::DemoBuilder</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Building the demo fleet…</source>
        <translation>Demo-Bestand wird erstellt …</translation>
    </message>
    <message>
        <source>Demo fleet progress</source>
        <translation>Fortschritt des Demo-Bestands</translation>
    </message>
    <message>
        <source>Demo Fleet</source>
        <translation>Demo-Bestand</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>trh::FetchDialog</name>
    <message>
        <source>Fetch from Server</source>
        <translation>Vom Server abrufen</translation>
    </message>
    <message>
        <source>Ask a Tanium server for the maintenance answers and add them to &lt;b&gt;%1&lt;/b&gt; as one new snapshot.</source>
        <translation>Die Wartungsantworten von einem Tanium-Server abfragen und als einen neuen Snapshot zu &lt;b&gt;%1&lt;/b&gt; hinzufügen.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>C&amp;onnections…</source>
        <translation>&amp;Verbindungen …</translation>
    </message>
    <message>
        <source>Edit the connections</source>
        <translation>Die Verbindungen bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>V&amp;erbindung:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>only if none is saved: used for this session only</source>
        <translation>nur, wenn keines gespeichert ist: gilt nur für diese Sitzung</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Token status</source>
        <translation>Token-Status</translation>
    </message>
    <message>
        <source>Snapshot label</source>
        <translation>Snapshot-Bezeichnung</translation>
    </message>
    <message>
        <source>optional; default: &quot;Fetched from &lt;server&gt;&quot;</source>
        <translation>optional; Standard: „Abgerufen von &lt;Server&gt;“</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Months of Threat Response alerts</source>
        <translation>Monate an Threat-Response-Alerts</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation> Monat(e)</translation>
    </message>
    <message>
        <source>&amp;Alerts of the last:</source>
        <translation>&amp;Alerts der letzten:</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Aktueller Schritt</translation>
    </message>
    <message>
        <source>Fetch progress</source>
        <translation>Fortschritt des Abrufs</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Fetch report</source>
        <translation>Bericht des Abrufs</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>Ab&amp;rufen</translation>
    </message>
    <message>
        <source>Start the fetch</source>
        <translation>Den Abruf starten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No connection yet: add one with Connections…</source>
        <translation>Noch keine Verbindung: Fügen Sie eine unter „Verbindungen …“ hinzu.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>API Gateway</source>
        <translation>API Gateway</translation>
    </message>
    <message>
        <source>REST API v2</source>
        <translation>REST-API v2</translation>
    </message>
    <message>
        <source>A token is kept for this session only (not in the keychain).</source>
        <translation>Ein Token wird nur für diese Sitzung behalten (nicht im Schlüsselbund).</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Suche im Schlüsselbund …</translation>
    </message>
    <message>
        <source>Choose a connection first (Connections…).</source>
        <translation>Wählen Sie zuerst eine Verbindung (Verbindungen …).</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>Das Token wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>No token for &quot;%1&quot;: paste the API token above, then fetch.</source>
        <translation>Kein Token für „%1“: Fügen Sie oben das API-Token ein und rufen Sie dann ab.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 …</translation>
    </message>
    <message>
        <source>Fetched snapshot %1 in %2 s.</source>
        <translation>Snapshot %1 in %2 s abgerufen.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The fetch failed: %1
Nothing was written; the workspace is unchanged.</source>
        <translation>Der Abruf ist fehlgeschlagen: %1
Es wurde nichts geschrieben; der Arbeitsbereich ist unverändert.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the fetch</source>
        <translation>Den Abruf abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>The site&apos;s dataset mapping cannot be read: %1</source>
        <translation>Die Datensatz-Zuordnung des Standorts kann nicht gelesen werden: %1</translation>
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
    <message>
        <source>Column filters</source>
        <translation>Spaltenfilter</translation>
    </message>
    <message>
        <source>Column Filters</source>
        <translation>Spaltenfilter</translation>
    </message>
    <message>
        <source>Show a filter box above each column</source>
        <translation>Über jeder Spalte ein Filterfeld zeigen</translation>
    </message>
    <message>
        <source>Show or hide the column filters</source>
        <translation>Spaltenfilter zeigen oder ausblenden</translation>
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
    <message>
        <source>Guidance entry</source>
        <translation>Leitfaden-Eintrag</translation>
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
    <message>
        <source>Tanium Driver problems (Windows)</source>
        <translation>Probleme mit dem Tanium Driver (Windows)</translation>
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
    <message numerus="yes">
        <source>Importing and analysing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert und ausgewertet …</numerusform>
            <numerusform>%n Dateien werden importiert und ausgewertet …</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Skip damaged CSV rows and mark the snapshot incomplete</source>
        <translation>Beschädigte CSV-Zeilen übersprin&amp;gen und den Snapshot als unvollständig kennzeichnen</translation>
    </message>
    <message>
        <source>Skip damaged CSV rows</source>
        <translation>Beschädigte CSV-Zeilen überspringen</translation>
    </message>
    <message>
        <source>A CSV file that was cut off or damaged is refused. With this ticked, its readable rows are imported, every skipped row is listed in the import report, and the snapshot is marked incomplete on the overview, in the report and in summary --json.</source>
        <translation>Eine abgeschnittene oder beschädigte CSV-Datei wird abgelehnt. Ist dies angekreuzt, werden ihre lesbaren Zeilen importiert, jede übersprungene Zeile steht im Importbericht, und der Snapshot wird in der Übersicht, im Bericht und in summary --json als unvollständig gekennzeichnet.</translation>
    </message>
    <message>
        <source>This snapshot is incomplete: damaged CSV rows were skipped (see below), so its figures miss the endpoints of those rows.</source>
        <translation>Dieser Snapshot ist unvollständig: Beschädigte CSV-Zeilen wurden übersprungen (siehe unten), daher fehlen in seinen Zahlen die Endpunkte dieser Zeilen.</translation>
    </message>
    <message>
        <source>To import the readable rows anyway, tick &quot;Skip damaged CSV rows&quot; and press Import again; the snapshot will be marked incomplete.</source>
        <translation>Um die lesbaren Zeilen trotzdem zu importieren, kreuzen Sie „Beschädigte CSV-Zeilen überspringen“ an und klicken Sie erneut auf Importieren; der Snapshot wird dann als unvollständig gekennzeichnet.</translation>
    </message>
    <message>
        <source>The site&apos;s dataset mapping cannot be read, so nothing can be imported until it is fixed or removed: %1</source>
        <translation>Die Datensatz-Zuordnung des Standorts kann nicht gelesen werden; bis sie korrigiert oder entfernt ist, kann nichts importiert werden: %1</translation>
    </message>
</context>
<context>
    <name>trh::LaunchArguments</name>
    <message>
        <source>%1 was not opened: only one workspace opens at a time, and %2 is the one opened.</source>
        <translation>%1 wurde nicht geöffnet: Es wird immer nur ein Arbeitsbereich geöffnet, und das ist %2.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a trhealth workspace; it was not opened.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein trhealth-Arbeitsbereich; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 is not a trhealth workspace (not an SQLite database); it was not opened. Files to import are given without --db.</source>
        <translation>%1 ist kein trhealth-Arbeitsbereich (keine SQLite-Datenbank); die Datei wurde nicht geöffnet. Zu importierende Dateien werden ohne --db angegeben.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read; it was not opened.</source>
        <translation>%1 ist keine lesbare Datei; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a trhealth workspace; it was neither opened nor imported.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein trhealth-Arbeitsbereich; sie wurde weder geöffnet noch importiert.</translation>
    </message>
    <message>
        <source>%1 does not exist; it was neither opened nor imported.</source>
        <translation>%1 existiert nicht; die Datei wurde weder geöffnet noch importiert.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read; it was neither opened nor imported.</source>
        <translation>%1 ist keine lesbare Datei; sie wurde weder geöffnet noch importiert.</translation>
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
    <message>
        <source>&amp;Fetch from Server…</source>
        <translation>Vom Server ab&amp;rufen …</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen …</translation>
    </message>
    <message>
        <source>New Workspace for the Fetch</source>
        <translation>Neuer Arbeitsbereich für den Abruf</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Export &amp;Snapshot File…</source>
        <translation>&amp;Snapshot-Datei exportieren …</translation>
    </message>
    <message>
        <source>Save snapshots with their findings, notes and checklist in a .trhealth file that colleagues open read-only</source>
        <translation>Snapshots mit Befunden, Notizen und Checkliste in einer .trhealth-Datei speichern, die Kollegen schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>%1 (read-only) — trhealth</source>
        <translation>%1 (schreibgeschützt) — trhealth</translation>
    </message>
    <message>
        <source>%1 is open read-only: a snapshot file (or a file that cannot be written) is never changed.</source>
        <translation>%1 ist schreibgeschützt geöffnet: Eine Snapshot-Datei (oder eine nicht beschreibbare Datei) wird nie verändert.</translation>
    </message>
    <message>
        <source>Import Tanium exports as a snapshot</source>
        <translation>Tanium-Exporte als Snapshot importieren</translation>
    </message>
    <message>
        <source>Snapshot file written: %1</source>
        <translation>Snapshot-Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>trhealth workspaces and snapshot files (*.trdb *.trhealth);;All files (*)</source>
        <translation>trhealth-Arbeitsbereiche und Snapshot-Dateien (*.trdb *.trhealth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Files not opened</source>
        <translation>Nicht geöffnete Dateien</translation>
    </message>
    <message>
        <source>The demo fleet could not be built: %1</source>
        <translation>Der Demo-Bestand konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Demo fleet not built: cancelled.</source>
        <translation>Demo-Bestand nicht erstellt: abgebrochen.</translation>
    </message>
    <message>
        <source>&amp;Manage Snapshots…</source>
        <translation>Snapshots ver&amp;walten …</translation>
    </message>
    <message>
        <source>See the size of each snapshot and delete old ones to give their space back</source>
        <translation>Die Größe jedes Snapshots sehen und alte löschen, um ihren Platz freizugeben</translation>
    </message>
</context>
<context>
    <name>trh::ManageSnapshotsDialog</name>
    <message>
        <source>Manage Snapshots — %1</source>
        <translation>Snapshots verwalten – %1</translation>
    </message>
    <message>
        <source>Newest first. Deleting snapshots gives their space back to the file system; select several with Ctrl or Shift.</source>
        <translation>Die neuesten zuerst. Gelöschte Snapshots geben ihren Platz an das Dateisystem zurück; mehrere wählen Sie mit Strg oder Umschalt.</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>What the snapshot adds to the workspace file; &quot;≈&quot;: estimated from its share of the rows (imported before trhealth measured sizes)</source>
        <translation>Was der Snapshot zur Arbeitsbereichsdatei beiträgt; „≈“: geschätzt aus seinem Anteil an den Zeilen (importiert, bevor trhealth Größen maß)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected snapshots</source>
        <translation>Die ausgewählten Snapshots löschen</translation>
    </message>
    <message>
        <source>The snapshots cannot be listed: %1</source>
        <translation>Die Snapshots können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Workspace file %1: %2</source>
        <translation>Arbeitsbereichsdatei %1: %2</translation>
    </message>
    <message>
        <source>%1 is open read-only (a snapshot file, or a file that cannot be written): its snapshots are listed, but none can be deleted.</source>
        <translation>%1 ist schreibgeschützt geöffnet (eine Snapshot-Datei oder eine nicht beschreibbare Datei): Ihre Snapshots werden aufgelistet, aber keiner kann gelöscht werden.</translation>
    </message>
    <message>
        <source>Snapshot %1, taken %2 UTC</source>
        <translation>Snapshot %1, aufgenommen %2 UTC</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <source>Analysed the first time the snapshot is shown or reported</source>
        <translation>Wird analysiert, wenn der Snapshot zum ersten Mal angezeigt oder berichtet wird</translation>
    </message>
    <message>
        <source>%1 bytes, measured when the snapshot was imported and analysed</source>
        <translation>%1 Bytes, gemessen beim Import und bei der Analyse des Snapshots</translation>
    </message>
    <message>
        <source>Estimated from the snapshot&apos;s share of the workspace&apos;s rows: it was imported before trhealth measured sizes</source>
        <translation>Geschätzt aus dem Anteil des Snapshots an den Zeilen des Arbeitsbereichs: Er wurde importiert, bevor trhealth Größen maß</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Damaged CSV rows were skipped when it was imported: its figures miss the endpoints of those rows</source>
        <translation>Beim Import wurden beschädigte CSV-Zeilen übersprungen: In seinen Zahlen fehlen die Endpunkte dieser Zeilen</translation>
    </message>
    <message>
        <source>The workspace has no snapshot.</source>
        <translation>Der Arbeitsbereich hat keinen Snapshot.</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s), none selected.</source>
        <translation>
            <numerusform>%n Snapshot, keiner ausgewählt.</numerusform>
            <numerusform>%n Snapshots, keiner ausgewählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 snapshot(s) selected, about %2.</source>
        <translation>
            <numerusform>%n von %1 Snapshots ausgewählt, etwa %2.</numerusform>
            <numerusform>%n von %1 Snapshots ausgewählt, etwa %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken %1.</source>
        <translation>Aufgenommen %1.</translation>
    </message>
    <message>
        <source>About %1 goes back to the file system.</source>
        <translation>Etwa %1 gehen an das Dateisystem zurück.</translation>
    </message>
    <message>
        <source>The notes and exceptions of endpoints found only in these snapshots are deleted with them, and so are the checklist sign-offs of months no remaining snapshot falls in.</source>
        <translation>Die Notizen und Ausnahmen von Endpunkten, die nur in diesen Snapshots vorkommen, werden mit ihnen gelöscht, ebenso die Abzeichnungen der Checkliste für Monate, in die kein verbleibender Snapshot fällt.</translation>
    </message>
    <message>
        <source>No snapshot is left: the workspace will be empty.</source>
        <translation>Es bleibt kein Snapshot übrig: Der Arbeitsbereich wird leer sein.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete Snapshots</source>
        <translation>Snapshots löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n snapshot(s)?</source>
        <translation>
            <numerusform>%n Snapshot löschen?</numerusform>
            <numerusform>%n Snapshots löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n snapshot(s)…</source>
        <translation>
            <numerusform>%n Snapshot wird gelöscht …</numerusform>
            <numerusform>%n Snapshots werden gelöscht …</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletion progress</source>
        <translation>Fortschritt des Löschens</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n snapshot(s).</source>
        <translation>
            <numerusform>%n Snapshot gelöscht.</numerusform>
            <numerusform>%n Snapshots gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) and exception(s) of endpoints no remaining snapshot has went with them.</source>
        <translation>
            <numerusform>%n Notiz oder Ausnahme von Endpunkten, die kein verbleibender Snapshot enthält, wurde mit ihnen gelöscht.</numerusform>
            <numerusform>%n Notizen und Ausnahmen von Endpunkten, die kein verbleibender Snapshot enthält, wurden mit ihnen gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checklist sign-offs of %n month(s) went with their last snapshot.</source>
        <translation>
            <numerusform>Die Abzeichnungen der Checkliste von %n Monat wurden mit seinem letzten Snapshot gelöscht.</numerusform>
            <numerusform>Die Abzeichnungen der Checkliste von %n Monaten wurden mit ihrem jeweils letzten Snapshot gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace file went from %1 to %2.</source>
        <translation>Die Arbeitsbereichsdatei ist von %1 auf %2 geschrumpft.</translation>
    </message>
    <message>
        <source>The workspace file stays at %1: the space freed is reused by the next import (and given back by the next deletion).</source>
        <translation>Die Arbeitsbereichsdatei bleibt bei %1: Der frei gewordene Platz wird vom nächsten Import wiederverwendet (und beim nächsten Löschen zurückgegeben).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The snapshots could not be deleted; nothing was changed.</source>
        <translation>Die Snapshots konnten nicht gelöscht werden; es wurde nichts geändert.</translation>
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
    <name>trh::OutputFile</name>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>ein FIFO (Named Pipe)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>something other than a file</source>
        <translation>etwas anderes als eine Datei</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>keine Ausgabedatei angegeben</translation>
    </message>
    <message>
        <source>%1: a symbolic link to %2, outside its folder; choose the file itself or a new name</source>
        <translation>%1: ein symbolischer Link auf %2 außerhalb seines Ordners; wählen Sie die Datei selbst oder einen neuen Namen</translation>
    </message>
    <message>
        <source>%1: %2, not a regular file; choose a file name</source>
        <translation>%1: %2, keine reguläre Datei; wählen Sie einen Dateinamen</translation>
    </message>
    <message>
        <source>%1: the disk holding %2 is full</source>
        <translation>%1: der Datenträger mit %2 ist voll</translation>
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
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n Tag alt</numerusform>
            <numerusform>%n Tage alt</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Incomplete snapshot.&lt;/b&gt; It was imported with damaged CSV rows skipped, so the figures below miss the endpoints of those rows. Export the answers again and import them without skipping to see the whole month.</source>
        <translation>&lt;b&gt;Unvollständiger Snapshot.&lt;/b&gt; Beim Import wurden beschädigte CSV-Zeilen übersprungen, daher fehlen in den Zahlen unten die Endpunkte dieser Zeilen. Exportieren Sie die Antworten erneut und importieren Sie sie ohne Überspringen, um den ganzen Monat zu sehen.</translation>
    </message>
    <message>
        <source>Incomplete snapshot</source>
        <translation>Unvollständiger Snapshot</translation>
    </message>
</context>
<context>
    <name>trh::ReportActions</name>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Export Report as P&amp;DF…</source>
        <translation>Bericht als P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>Export Report as &amp;HTML…</source>
        <translation>Bericht als &amp;HTML exportieren…</translation>
    </message>
    <message>
        <source>Export E&amp;vidence Appendix…</source>
        <translation>&amp;Nachweis-Anhang exportieren…</translation>
    </message>
    <message>
        <source>Report &amp;Organisation…</source>
        <translation>&amp;Organisation im Bericht…</translation>
    </message>
    <message>
        <source>Report Organisation</source>
        <translation>Organisation im Bericht</translation>
    </message>
    <message>
        <source>Organisation name on the report&apos;s cover and page headers:</source>
        <translation>Name der Organisation auf dem Deckblatt und in den Kopfzeilen des Berichts:</translation>
    </message>
    <message>
        <source>Report &amp;Logo…</source>
        <translation>&amp;Logo im Bericht…</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Report Logo</source>
        <translation>Logo im Bericht</translation>
    </message>
    <message>
        <source>;;All files (*)</source>
        <translation>;;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is not an image trhealth can read.</source>
        <translation>%1 ist kein Bild, das trhealth lesen kann.</translation>
    </message>
    <message>
        <source>&amp;Remove Report Logo</source>
        <translation>Logo im Bericht &amp;entfernen</translation>
    </message>
    <message>
        <source>Building the monthly report…</source>
        <translation>Monatsbericht wird erstellt…</translation>
    </message>
    <message>
        <source>Monthly Report</source>
        <translation>Monatsbericht</translation>
    </message>
    <message>
        <source>Export Report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Export Report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <source>HTML documents (*.html *.htm)</source>
        <translation>HTML-Dokumente (*.html *.htm)</translation>
    </message>
    <message>
        <source>Export Evidence Appendix to a New Folder</source>
        <translation>Nachweis-Anhang in einen neuen Ordner exportieren</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>Monthly Report — Print Preview</source>
        <translation>Monatsbericht — Druckvorschau</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Print the Monthly Report</source>
        <translation>Monatsbericht drucken</translation>
    </message>
</context>
<context>
    <name>trh::ReportDocument</name>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Endpoints failing the health check, per Threat Response domain</source>
        <translation>Endpunkte mit fehlgeschlagener Integritätsprüfung, je Threat-Response-Domäne</translation>
    </message>
    <message>
        <source>Endpoints per non-default setting (the ten most common)</source>
        <translation>Endpunkte je nicht standardmäßiger Einstellung (die zehn häufigsten)</translation>
    </message>
    <message>
        <source>Endpoints per tool: not installed, or at another version</source>
        <translation>Endpunkte je Tool: nicht installiert oder in anderer Version</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>version differs</source>
        <translation>Version weicht ab</translation>
    </message>
    <message>
        <source>Endpoints with an unexpected client extension version, per domain</source>
        <translation>Endpunkte mit unerwarteter Client-Extension-Version, je Domäne</translation>
    </message>
    <message>
        <source>Windows endpoints by Tanium Driver state</source>
        <translation>Windows-Endpunkte nach Zustand des Tanium Driver</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>service not running</source>
        <translation>Dienst läuft nicht</translation>
    </message>
    <message>
        <source>service not installed</source>
        <translation>Dienst nicht installiert</translation>
    </message>
    <message>
        <source>driver not installed</source>
        <translation>Treiber nicht installiert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Recorder not using the driver</source>
        <translation>Recorder nutzt den Treiber nicht</translation>
    </message>
    <message>
        <source>Linux endpoints by BPF support</source>
        <translation>Linux-Endpunkte nach BPF-Unterstützung</translation>
    </message>
    <message>
        <source>CO-RE supported</source>
        <translation>CO-RE unterstützt</translation>
    </message>
    <message>
        <source>BCC only</source>
        <translation>nur BCC</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
    <message>
        <source>Coverage waterfall: where each endpoint stops</source>
        <translation>Abdeckungs-Wasserfall: wo jeder Endpunkt hängen bleibt</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>abgedeckt</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>no profile</source>
        <translation>kein Profil</translation>
    </message>
    <message>
        <source>tools not deployed</source>
        <translation>Tools nicht verteilt</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Endpoints with a profile or intel problem</source>
        <translation>Endpunkte mit Profil- oder Intel-Problem</translation>
    </message>
    <message>
        <source>profile not in the list</source>
        <translation>Profil nicht in der Liste</translation>
    </message>
    <message>
        <source>outdated revision</source>
        <translation>veraltete Revision</translation>
    </message>
    <message>
        <source>wrong profile for group</source>
        <translation>falsches Profil für die Gruppe</translation>
    </message>
    <message>
        <source>intel outdated</source>
        <translation>Intel veraltet</translation>
    </message>
    <message>
        <source>Alert response times in hours (MTTI n = %1, MTTR n = %2)</source>
        <translation>Reaktionszeiten auf Alerts in Stunden (MTTI n = %1, MTTR n = %2)</translation>
    </message>
    <message>
        <source> h</source>
        <comment>hours</comment>
        <translation> h</translation>
    </message>
    <message>
        <source>MTTI mean</source>
        <translation>MTTI Mittelwert</translation>
    </message>
    <message>
        <source>MTTI median</source>
        <translation>MTTI Median</translation>
    </message>
    <message>
        <source>MTTI 90th percentile</source>
        <translation>MTTI 90. Perzentil</translation>
    </message>
    <message>
        <source>MTTR mean</source>
        <translation>MTTR Mittelwert</translation>
    </message>
    <message>
        <source>MTTR median</source>
        <translation>MTTR Median</translation>
    </message>
    <message>
        <source>MTTR 90th percentile</source>
        <translation>MTTR 90. Perzentil</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Threat Response maintenance report</source>
        <translation>Wartungsbericht Threat Response</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Verglichen mit</translation>
    </message>
    <message>
        <source>snapshot #%1 of %2</source>
        <translation>Snapshot #%1 vom %2</translation>
    </message>
    <message>
        <source>no earlier snapshot</source>
        <translation>kein früherer Snapshot</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Report produced</source>
        <translation>Bericht erstellt</translation>
    </message>
    <message>
        <source>Snapshot SHA-256</source>
        <translation>Snapshot-SHA-256</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datenquellen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The snapshot SHA-256 is the SHA-256 of the sorted SHA-256 values of its source files, one per line: on the export files, &quot;sha256sum FILES | cut -d&apos; &apos; -f1 | sort | sha256sum&quot; prints it.</source>
        <translation>Der Snapshot-SHA-256 ist der SHA-256 der sortierten SHA-256-Werte seiner Quelldateien, einer pro Zeile: für die Exportdateien gibt ihn &quot;sha256sum DATEIEN | cut -d&apos; &apos; -f1 | sort | sha256sum&quot; aus.</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>Zusammenfassung für die Leitung</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Threat Response coverage</source>
        <translation>Threat-Response-Abdeckung</translation>
    </message>
    <message>
        <source>change: %1</source>
        <translation>Veränderung: %1</translation>
    </message>
    <message>
        <source> pp</source>
        <comment>percentage points</comment>
        <translation> Pp.</translation>
    </message>
    <message>
        <source>Mean time to investigate</source>
        <translation>Mittlere Zeit bis zur Untersuchung</translation>
    </message>
    <message>
        <source>n = %1 alerts</source>
        <translation>n = %1 Alerts</translation>
    </message>
    <message>
        <source>Mean time to remediate</source>
        <translation>Mittlere Zeit bis zur Behebung</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Endpoints in the snapshot</source>
        <translation>Endpunkte im Snapshot</translation>
    </message>
    <message>
        <source>Endpoints covered</source>
        <translation>Abgedeckte Endpunkte</translation>
    </message>
    <message>
        <source>Endpoints with a health failure</source>
        <translation>Endpunkte mit Integritätsfehler</translation>
    </message>
    <message>
        <source>Windows: Tanium Driver or its service missing or stopped</source>
        <translation>Windows: Tanium Driver oder sein Dienst fehlt oder ist gestoppt</translation>
    </message>
    <message>
        <source>Windows: Recorder not using the Tanium Driver</source>
        <translation>Windows: Recorder nutzt den Tanium Driver nicht</translation>
    </message>
    <message>
        <source>Linux: BPF not supported</source>
        <translation>Linux: BPF nicht unterstützt</translation>
    </message>
    <message>
        <source>Linux: BPF CO-RE supported</source>
        <translation>Linux: BPF CO-RE unterstützt</translation>
    </message>
    <message>
        <source>No Threat Response profile</source>
        <translation>Kein Threat-Response-Profil</translation>
    </message>
    <message>
        <source>Wrong profile for the computer group</source>
        <translation>Falsches Profil für die Computergruppe</translation>
    </message>
    <message>
        <source>Outdated profile revision</source>
        <translation>Veraltete Profilrevision</translation>
    </message>
    <message>
        <source>Tools not installed (endpoints)</source>
        <translation>Tools nicht installiert (Endpunkte)</translation>
    </message>
    <message>
        <source>Tool version differs (endpoints)</source>
        <translation>Tool-Version weicht ab (Endpunkte)</translation>
    </message>
    <message>
        <source>Mean time to investigate, hours (n = %1)</source>
        <translation>Mittlere Zeit bis zur Untersuchung, Stunden (n = %1)</translation>
    </message>
    <message>
        <source>Mean time to remediate, hours (n = %1)</source>
        <translation>Mittlere Zeit bis zur Behebung, Stunden (n = %1)</translation>
    </message>
    <message>
        <source>Alerts unresolved for 7 days or more</source>
        <translation>Alerts seit 7 Tagen oder länger ungelöst</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>Offene Befunde</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>No open findings.</source>
        <translation>Keine offenen Befunde.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · severity %2 · %3 endpoint(s)</source>
        <translation>
            <numerusform>%1 · Schweregrad %2 · %3 Endpunkt</numerusform>
            <numerusform>%1 · Schweregrad %2 · %3 Endpunkte</numerusform>
        </translation>
    </message>
    <message>
        <source> · previous snapshot %1 (%2)</source>
        <translation> · vorheriger Snapshot %1 (%2)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
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
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>(%1 endpoints, aggregate export)</source>
        <translation>(%1 Endpunkte, aggregierter Export)</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>and %1 more — see appendix %2.csv</source>
        <translation>und %1 weitere — siehe Anhang %2.csv</translation>
    </message>
    <message>
        <source>not signed off</source>
        <translation>nicht abgezeichnet</translation>
    </message>
    <message>
        <source>signed off by %1 on %2</source>
        <translation>abgezeichnet von %1 am %2</translation>
    </message>
    <message>
        <source>Needs attention:</source>
        <translation>Handlungsbedarf:</translation>
    </message>
    <message>
        <source>In order:</source>
        <translation>In Ordnung:</translation>
    </message>
    <message>
        <source>Checklist: %1</source>
        <translation>Checkliste: %1</translation>
    </message>
    <message>
        <source>No findings for this step in this snapshot.</source>
        <translation>Keine Befunde zu diesem Schritt in diesem Snapshot.</translation>
    </message>
    <message>
        <source>Remediation guidance</source>
        <translation>Anleitung zur Behebung</translation>
    </message>
    <message>
        <source>For every open finding: what to do, where to act in Tanium, and how to check next month that it worked.</source>
        <translation>Für jeden offenen Befund: was zu tun ist, wo in Tanium, und wie man nächsten Monat prüft, dass es gewirkt hat.</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Abhilfemaßnahme</translation>
    </message>
    <message>
        <source>Where to act in Tanium</source>
        <translation>Wo in Tanium</translation>
    </message>
    <message>
        <source>How to verify next month</source>
        <translation>Prüfung im nächsten Monat</translation>
    </message>
    <message>
        <source>Exceptions in force and notes</source>
        <translation>Geltende Ausnahmen und Notizen</translation>
    </message>
    <message>
        <source>Accepted-risk exceptions valid on the snapshot&apos;s date. An accepted finding is still counted in the figures above.</source>
        <translation>Ausnahmen (akzeptierte Risiken), die am Datum des Snapshots gelten. Ein akzeptierter Befund zählt weiter in den Zahlen oben.</translation>
    </message>
    <message>
        <source>No exceptions in force.</source>
        <translation>Keine geltenden Ausnahmen.</translation>
    </message>
    <message>
        <source>No notes on this snapshot&apos;s findings.</source>
        <translation>Keine Notizen zu den Befunden dieses Snapshots.</translation>
    </message>
    <message>
        <source>Accepted until</source>
        <translation>Akzeptiert bis</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>and %1 more — see the workspace</source>
        <translation>und %1 weitere — siehe Arbeitsbereich</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Checklist sign-offs for %1</source>
        <translation>Abzeichnungen der Checkliste für %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Status from the data</source>
        <translation>Status laut Daten</translation>
    </message>
    <message>
        <source>Signed off by</source>
        <translation>Abgezeichnet von</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Am</translation>
    </message>
    <message>
        <source>About this report</source>
        <translation>Über diesen Bericht</translation>
    </message>
    <message>
        <source>Every figure is a count of the findings trhealth&apos;s health rules found in the snapshot; the same figures are printed by &quot;trhealth-cli summary --json&quot;. A figure the snapshot&apos;s data cannot give is shown as n/a, never as 0. Tables list the first %1 rows of each finding by endpoint name; the evidence appendix (trhealth-cli report --appendix DIR) has every row, one CSV file per finding code, with a manifest of SHA-256 values.</source>
        <translation>Jede Zahl zählt Befunde, die die Integritätsregeln von trhealth im Snapshot gefunden haben; dieselben Zahlen gibt &quot;trhealth-cli summary --json&quot; aus. Eine Zahl, die die Daten des Snapshots nicht hergeben, steht als k. A., nie als 0. Tabellen zeigen die ersten %1 Zeilen jedes Befunds nach Endpunktname; der Nachweis-Anhang (trhealth-cli report --appendix DIR) enthält jede Zeile, eine CSV-Datei je Befundcode, mit einem Manifest der SHA-256-Werte.</translation>
    </message>
    <message>
        <source>Snapshot #%1</source>
        <translation>Snapshot #%1</translation>
    </message>
    <message>
        <source>Snapshot SHA-256 %1</source>
        <translation>Snapshot-SHA-256 %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Threat Response maintenance report %1</source>
        <translation>Wartungsbericht Threat Response %1</translation>
    </message>
    <message>
        <source>Health failures</source>
        <translation>Integritätsfehler</translation>
    </message>
    <message>
        <source>endpoints · change: %1</source>
        <translation>Endpunkte · Veränderung: %1</translation>
    </message>
    <message>
        <source>Incomplete snapshot.</source>
        <translation>Unvollständiger Snapshot.</translation>
    </message>
    <message>
        <source>It was imported with damaged CSV rows skipped, so every figure in this report misses the endpoints of those rows.</source>
        <translation>Beim Import wurden beschädigte CSV-Zeilen übersprungen, daher fehlen in jeder Zahl dieses Berichts die Endpunkte dieser Zeilen.</translation>
    </message>
</context>
<context>
    <name>trh::Schema</name>
    <message>
        <source>unknown schema version %1</source>
        <translation>unbekannte Schemaversion %1</translation>
    </message>
    <message>
        <source>the expected schema could not be built</source>
        <translation>das erwartete Schema konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>the schema cannot be read: %1</source>
        <translation>das Schema kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file contains %1, which trhealth did not create</source>
        <translation>die Datei enthält %1, das nicht von trhealth angelegt wurde</translation>
    </message>
    <message>
        <source>the definition of %1 differs from trhealth&apos;s</source>
        <translation>die Definition von %1 weicht von der trhealth-Definition ab</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
</context>
<context>
    <name>trh::SnapshotFile</name>
    <message>
        <source>no snapshot chosen</source>
        <translation>kein Snapshot ausgewählt</translation>
    </message>
    <message>
        <source>the snapshot file cannot replace the workspace it comes from</source>
        <translation>die Snapshot-Datei kann nicht den Arbeitsbereich ersetzen, aus dem sie stammt</translation>
    </message>
    <message>
        <source>%1 has no snapshot %2</source>
        <translation>%1 hat keinen Snapshot %2</translation>
    </message>
    <message>
        <source>snapshot %1 cannot be analysed: %2</source>
        <translation>Snapshot %1 kann nicht analysiert werden: %2</translation>
    </message>
    <message>
        <source>the integrity check gave no answer</source>
        <translation>die Integritätsprüfung lieferte keine Antwort</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>die Datei ist beschädigt (%1)</translation>
    </message>
</context>
<context>
    <name>trh::SnapshotFileExport</name>
    <message>
        <source>Export Snapshot File</source>
        <translation>Snapshot-Datei exportieren</translation>
    </message>
    <message>
        <source>Snapshots to put in the file (with their findings, notes, checklist and import reports):</source>
        <translation>Snapshots für die Datei (mit Befunden, Notizen, Checkliste und Importberichten):</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>trhealth snapshot files (*.trhealth)</source>
        <translation>trhealth-Snapshot-Dateien (*.trhealth)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n snapshot(s) to %1…</source>
        <translation>
            <numerusform>%n Snapshot wird nach %1 exportiert …</numerusform>
            <numerusform>%n Snapshots werden nach %1 exportiert …</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>trh::SnapshotRemoval</name>
    <message>
        <source>the snapshots could not be removed</source>
        <translation>die Snapshots konnten nicht entfernt werden</translation>
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
<context>
    <name>trh::Store</name>
    <message>
        <source>a snapshot file opens read-only; import into or change a workspace (.trdb) instead</source>
        <translation>eine Snapshot-Datei wird nur schreibgeschützt geöffnet; importieren oder ändern Sie stattdessen einen Arbeitsbereich (.trdb)</translation>
    </message>
    <message>
        <source>the file holds no trhealth data</source>
        <translation>die Datei enthält keine trhealth-Daten</translation>
    </message>
    <message>
        <source>%1; nothing was written to it — restore it from a backup</source>
        <translation>%1; es wurde nichts hineingeschrieben – stellen Sie ihn aus einer Sicherung wieder her</translation>
    </message>
</context>
<context>
    <name>trh::WorkProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>trh::Workspace</name>
    <message>
        <source>%1 is read-only: no snapshot can be removed</source>
        <translation>%1 ist schreibgeschützt: es kann kein Snapshot entfernt werden</translation>
    </message>
</context>
<context>
    <name>trh::fetch::Connection</name>
    <message>
        <source>No server address is given.</source>
        <translation>Es ist keine Serveradresse angegeben.</translation>
    </message>
    <message>
        <source>The server address is not a valid URL; write it like https://tanium.example.com.</source>
        <translation>Die Serveradresse ist keine gültige URL; schreiben Sie sie wie https://tanium.example.com.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>Die Serveradresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for this computer (localhost); use https:// for %1.</source>
        <translation>Unverschlüsseltes http:// ist nur für diesen Computer (localhost) erlaubt; verwenden Sie https:// für %1.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password; the API token is given separately.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten; das API-Token wird getrennt angegeben.</translation>
    </message>
    <message>
        <source>The server address must not contain a query or a fragment.</source>
        <translation>Die Serveradresse darf weder Abfrage noch Fragment enthalten.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The completion threshold must be more than 0 % and at most 100 %.</source>
        <translation>Die Vollständigkeitsschwelle muss über 0 % und höchstens 100 % liegen.</translation>
    </message>
    <message>
        <source>The question timeout must be at least one second.</source>
        <translation>Die Zeitgrenze für Fragen muss mindestens eine Sekunde betragen.</translation>
    </message>
    <message>
        <source>The request timeout must be at least one second.</source>
        <translation>Die Zeitgrenze für Anfragen muss mindestens eine Sekunde betragen.</translation>
    </message>
</context>
<context>
    <name>trh::fetch::ConnectionStore</name>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation>Eine Verbindung namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>The settings file could not be written.</source>
        <translation>Die Einstellungsdatei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The connection needs a name.</source>
        <translation>Die Verbindung braucht einen Namen.</translation>
    </message>
    <message>
        <source>The connection name must not start or end with a space.</source>
        <translation>Der Name der Verbindung darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The connection name must not contain / or \.</source>
        <translation>Der Name der Verbindung darf weder / noch \ enthalten.</translation>
    </message>
    <message>
        <source>The connection name is too long (at most 100 characters).</source>
        <translation>Der Name der Verbindung ist zu lang (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>The connection name must not contain control characters.</source>
        <translation>Der Name der Verbindung darf keine Steuerzeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>trh::fetch::Fetcher</name>
    <message>
        <source>No API token is given.</source>
        <translation>Es ist kein API-Token angegeben.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the answers: %1</source>
        <translation>Für die Antworten kann kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>%1: the server&apos;s answer is not valid JSON (%2 at byte %3).</source>
        <translation>%1: Die Antwort des Servers ist kein gültiges JSON (%2 bei Byte %3).</translation>
    </message>
    <message>
        <source>Asking: %1</source>
        <translation>Frage: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No endpoint answered; nothing is kept for it.</source>
        <translation>Kein Endpunkt hat geantwortet; dafür wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Asking &quot;%1&quot;</source>
        <translation>Frage „%1“ stellen</translation>
    </message>
    <message>
        <source>%1: the server&apos;s answer has no question id.</source>
        <translation>%1: Die Antwort des Servers enthält keine Fragen-ID.</translation>
    </message>
    <message>
        <source>Checking the answers to &quot;%1&quot;</source>
        <translation>Antworten auf „%1“ prüfen</translation>
    </message>
    <message>
        <source>%1: the server&apos;s answer has no result_infos.</source>
        <translation>%1: Die Antwort des Servers enthält keine result_infos.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 endpoints answered</source>
        <translation>%1: %2 von %3 Endpunkten haben geantwortet</translation>
    </message>
    <message>
        <source>only %1 of %2 endpoints had answered after %3 s (%4 %, threshold %5 %); endpoints still answering count as pending</source>
        <translation>nach %3 s hatten nur %1 von %2 Endpunkten geantwortet (%4 %, Schwelle %5 %); noch antwortende Endpunkte zählen als ausstehend</translation>
    </message>
    <message>
        <source>Reading the answers to &quot;%1&quot; from row %2</source>
        <translation>Antworten auf „%1“ ab Zeile %2 lesen</translation>
    </message>
    <message>
        <source>%1: the server&apos;s answer has no data.result_sets.</source>
        <translation>%1: Die Antwort des Servers enthält kein data.result_sets.</translation>
    </message>
    <message>
        <source>%1: %2 rows read</source>
        <translation>%1: %2 Zeilen gelesen</translation>
    </message>
    <message>
        <source>%1: the server keeps sending pages; stopped.</source>
        <translation>%1: Der Server sendet immer weitere Seiten; abgebrochen.</translation>
    </message>
    <message>
        <source>Reading %1 through the API Gateway</source>
        <translation>%1 über das API Gateway lesen</translation>
    </message>
    <message>
        <source>%1: the API Gateway reported: %2</source>
        <translation>%1: Das API Gateway meldete: %2</translation>
    </message>
    <message>
        <source>%1: the server&apos;s answer has no data.endpoints.</source>
        <translation>%1: Die Antwort des Servers enthält kein data.endpoints.</translation>
    </message>
    <message>
        <source>the API Gateway reported: %1</source>
        <translation>das API Gateway meldete: %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 endpoints read</source>
        <translation>%1: %2 von %3 Endpunkten gelesen</translation>
    </message>
    <message>
        <source>%1: the API Gateway says more pages follow but gives no new cursor.</source>
        <translation>%1: Laut API Gateway folgen weitere Seiten, es liefert aber keinen neuen Cursor.</translation>
    </message>
    <message>
        <source>Reading Threat Response alerts</source>
        <translation>Threat-Response-Alarme lesen</translation>
    </message>
    <message>
        <source>Reading Threat Response alerts from %1</source>
        <translation>Threat-Response-Alarme ab %1 lesen</translation>
    </message>
    <message>
        <source>the Threat Response alerts API is not there (404); the snapshot has no alerts</source>
        <translation>die Alarm-API von Threat Response ist nicht vorhanden (404); der Snapshot enthält keine Alarme</translation>
    </message>
    <message>
        <source>%1: expected a list of alerts.</source>
        <translation>%1: Eine Liste von Alarmen wurde erwartet.</translation>
    </message>
    <message>
        <source>Threat Response alerts: %1 read</source>
        <translation>Threat-Response-Alarme: %1 gelesen</translation>
    </message>
    <message>
        <source>Storing the snapshot</source>
        <translation>Snapshot speichern</translation>
    </message>
    <message>
        <source>Nothing was fetched: no question had any answers.</source>
        <translation>Nichts abgerufen: Keine Frage hatte Antworten.</translation>
    </message>
    <message>
        <source>Fetched from %1</source>
        <translation>Abgerufen von %1</translation>
    </message>
    <message>
        <source>Storing the snapshot: %1 %</source>
        <translation>Snapshot speichern: %1 %</translation>
    </message>
    <message>
        <source>The fetched answers could not be stored: %1</source>
        <translation>Die abgerufenen Antworten konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The fetch was cancelled; the workspace is unchanged.</source>
        <translation>Der Abruf wurde abgebrochen; der Arbeitsbereich ist unverändert.</translation>
    </message>
    <message>
        <source>A fetch is already running.</source>
        <translation>Es läuft bereits ein Abruf.</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1</translation>
    </message>
    <message>
        <source>%1 answered, but not with JSON: is this a Tanium server?</source>
        <translation>%1 hat geantwortet, aber nicht mit JSON: Ist das ein Tanium-Server?</translation>
    </message>
    <message>
        <source>Connected to %1; the API token was accepted.</source>
        <translation>Mit %1 verbunden; das API-Token wurde angenommen.</translation>
    </message>
    <message>
        <source>The API token has characters no token has (spaces, line breaks or non-ASCII); check where it was copied from.</source>
        <translation>Das API-Token enthält Zeichen, die kein Token hat (Leerzeichen, Zeilenumbrüche oder Nicht-ASCII); prüfen Sie, woher es kopiert wurde.</translation>
    </message>
    <message>
        <source>left out: %1</source>
        <translation>weggelassen: %1</translation>
    </message>
    <message>
        <source>Nothing was fetched: no question had any answers (%1).</source>
        <translation>Nichts abgerufen: Keine Frage hatte Antworten (%1).</translation>
    </message>
</context>
<context>
    <name>trh::fetch::HttpClient</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1: the server&apos;s answer is larger than %2; stopped reading it.</source>
        <translation>%1: Die Antwort des Servers ist größer als %2; das Lesen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1: the TLS certificate of %2 is not trusted (%3). If the server uses a private CA, give its certificate as the CA file.</source>
        <translation>%1: Dem TLS-Zertifikat von %2 wird nicht vertraut (%3). Verwendet der Server eine eigene CA, geben Sie deren Zertifikat als CA-Datei an.</translation>
    </message>
    <message>
        <source>%1: the server refused the API token (401 Unauthorized). The token is wrong, expired or revoked.</source>
        <translation>%1: Der Server hat das API-Token abgelehnt (401 Unauthorized). Das Token ist falsch, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>%1: access denied (403 Forbidden). The token&apos;s user lacks a permission this needs, or this computer&apos;s IP address is not among the token&apos;s trusted addresses.</source>
        <translation>%1: Zugriff verweigert (403 Forbidden). Dem Benutzer des Tokens fehlt eine dafür nötige Berechtigung, oder die IP-Adresse dieses Computers gehört nicht zu den vertrauenswürdigen Adressen des Tokens.</translation>
    </message>
    <message>
        <source>%1: the server answered HTTP %2.</source>
        <translation>%1: Der Server antwortete mit HTTP %2.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%1: cannot reach %2: %3.</source>
        <translation>%1: %2 ist nicht erreichbar: %3.</translation>
    </message>
    <message>
        <source>%1: the server answered HTTP %2%3.</source>
        <translation>%1: Der Server antwortete mit HTTP %2%3.</translation>
    </message>
    <message>
        <source>%1 Gave up after %2 attempts.</source>
        <translation>%1 Nach %2 Versuchen aufgegeben.</translation>
    </message>
</context>
<context>
    <name>trh::fetch::TokenStore</name>
    <message>
        <source>Access to the keychain was denied (%1).</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert (%1).</translation>
    </message>
    <message>
        <source>No keychain is available (%1). The token can be used for this session only and is not saved.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1). Das Token kann nur für diese Sitzung verwendet werden und wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Einzelheiten</translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain (%1).</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund entfernt werden (%1).</translation>
    </message>
</context>
</TS>
