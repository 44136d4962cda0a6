<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CallTimer</name>
    <message>
        <source>Opening done?</source>
        <translation>Opening done?</translation>
    </message>
    <message>
        <source>Core problem clear?</source>
        <translation>Core problem clear?</translation>
    </message>
    <message>
        <source>Time to close?</source>
        <translation>Time to close?</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <source>Ctrl+N starts a call and its timer</source>
        <translation>Ctrl+N starts a call and its timer</translation>
    </message>
    <message>
        <source>Talk time. Cues at 0:30, 3:00 and 5:00. Ctrl+E ends the call.</source>
        <translation>Talk time. Cues at 0:30, 3:00 and 5:00. Ctrl+E ends the call.</translation>
    </message>
    <message>
        <source>Wrap-up %1</source>
        <translation>Wrap-up %1</translation>
    </message>
    <message>
        <source>Wrap-up time, until the record is finalised (Ctrl+Enter).</source>
        <translation>Wrap-up time, until the record is finalised (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Talk time + wrap-up time of the finalised call</source>
        <translation>Talk time + wrap-up time of the finalised call</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Esc or F1 goes back to the list.</source>
        <translation>Esc or F1 goes back to the list.</translation>
    </message>
    <message>
        <source>From the softphone or anywhere else: run agent-assist again (for example from a desktop shortcut) and the panel comes forward with the search ready.</source>
        <translation>From the softphone or anywhere else: run agent-assist again (for example from a desktop shortcut) and the panel comes forward with the search ready.</translation>
    </message>
</context>
<context>
    <name>CopyFlow</name>
    <message>
        <source>This is a reminder for you, not words for the customer: nothing copied.</source>
        <translation>This is a reminder for you, not words for the customer: nothing copied.</translation>
    </message>
    <message>
        <source>Copied · %1</source>
        <translation>Copied · %1</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to CSV</source>
        <translation>Export to CSV</translation>
    </message>
    <message>
        <source>Call records</source>
        <translation>Call records</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Report workbook (XLSX)</source>
        <translation>Report workbook (XLSX)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>All dates</translation>
    </message>
    <message>
        <source>Raw: UTC times, for other systems</source>
        <translation>Raw: UTC times, for other systems</translation>
    </message>
    <message>
        <source>Plain UTF-8 with ISO 8601 UTC times and no escaping; import reads it back</source>
        <translation>Plain UTF-8 with ISO 8601 UTC times and no escaping; import reads it back</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Calls are picked by start day, follow-ups by due day (local days, inclusive).</source>
        <translation>Calls are picked by start day, follow-ups by due day (local days, inclusive).</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export the report workbook</source>
        <translation>Export the report workbook</translation>
    </message>
    <message>
        <source>Save the report workbook</source>
        <translation>Save the report workbook</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>The first day is after the last day.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n call(s) written to %1</source>
        <translation>
            <numerusform>Report of %n call written to %1</numerusform>
            <numerusform>Report of %n calls written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n row exported to %1</numerusform>
            <numerusform>%n rows exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Export failed (see the log).</source>
        <translation>Export failed (see the log).</translation>
    </message>
</context>
<context>
    <name>FillForm</name>
    <message>
        <source>Tab: next field · Enter: copy · Esc: back</source>
        <translation>Tab: next field · Enter: copy · Esc: back</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the filled-in text (Enter)</source>
        <translation>Copy the filled-in text (Enter)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Back to the list without copying (Esc)</source>
        <translation>Back to the list without copying (Esc)</translation>
    </message>
    <message>
        <source>Still empty: %1</source>
        <translation>Still empty: %1</translation>
    </message>
</context>
<context>
    <name>FollowUpDelegate</name>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>due soon</translation>
    </message>
</context>
<context>
    <name>FollowUpFlow</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>Next business day, opening time</source>
        <translation>Next business day, opening time</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Snoozed until %1</translation>
    </message>
    <message>
        <source>That record is no longer in the store.</source>
        <translation>That record is no longer in the store.</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>(draft)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) came due while the panel was closed</source>
        <translation>
            <numerusform>%n follow-up came due while the panel was closed</numerusform>
            <numerusform>%n follow-ups came due while the panel was closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due now</source>
        <translation>
            <numerusform>%n follow-up due now</numerusform>
            <numerusform>%n follow-ups due now</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a follow-up due %1 to this call? (Ctrl+T)</source>
        <translation>Add a follow-up due %1 to this call? (Ctrl+T)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>No follow-up to add: copy a dated promise first.</source>
        <translation>No follow-up to add: copy a dated promise first.</translation>
    </message>
    <message>
        <source>me</source>
        <translation>me</translation>
    </message>
    <message>
        <source>No call running: follow-up %1 kept in a draft record, listed under Follow-ups (Ctrl+3). Ctrl+N starts the call on it.</source>
        <translation>No call running: follow-up %1 kept in a draft record, listed under Follow-ups (Ctrl+3). Ctrl+N starts the call on it.</translation>
    </message>
    <message>
        <source>Follow-up added: %1 · listed under Follow-ups (Ctrl+3)</source>
        <translation>Follow-up added: %1 · listed under Follow-ups (Ctrl+3)</translation>
    </message>
</context>
<context>
    <name>FollowUpListModel</name>
    <message>
        <source>no contact yet</source>
        <translation>no contact yet</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Overdue since %1</translation>
    </message>
    <message>
        <source>Due soon: %1</source>
        <translation>Due soon: %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>No open follow-ups. Dated promises you copy can add one.</source>
        <translation>No open follow-ups. Dated promises you copy can add one.</translation>
    </message>
    <message numerus="yes">
        <source>%n open follow-up(s)</source>
        <translation>
            <numerusform>%n open follow-up</numerusform>
            <numerusform>%n open follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LintHighlighter</name>
    <message>
        <source>It is like: %1</source>
        <translation>It is like: %1</translation>
    </message>
    <message>
        <source>Say instead: %1</source>
        <translation>Say instead: %1</translation>
    </message>
    <message>
        <source>Right-click or the Menu key to fix it.</source>
        <translation>Right-click or the Menu key to fix it.</translation>
    </message>
    <message>
        <source>Make it a dated commitment: %1</source>
        <translation>Make it a dated commitment: %1</translation>
    </message>
    <message>
        <source>Say it plainly: %1</source>
        <translation>Say it plainly: %1</translation>
    </message>
    <message>
        <source>Add the analogy: %1</source>
        <translation>Add the analogy: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Agent Assist</source>
        <translation>Agent Assist</translation>
    </message>
    <message>
        <source>Loading playbook…</source>
        <translation>Loading playbook…</translation>
    </message>
    <message>
        <source>Search: 中文, pinyin, English</source>
        <translation>Search: 中文, pinyin, English</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Fill in…</source>
        <translation>Fill in…</translation>
    </message>
    <message>
        <source>Next wording</source>
        <translation>Next wording</translation>
    </message>
    <message numerus="yes">
        <source>%n phrasing(s) · F1 for shortcuts</source>
        <translation>
            <numerusform>%n phrasing · F1 for shortcuts</numerusform>
            <numerusform>%n phrasings · F1 for shortcuts</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches. Try pinyin, fewer words, or Alt+0.</source>
        <translation>Nothing matches. Try pinyin, fewer words, or Alt+0.</translation>
    </message>
    <message>
        <source>✓ used in this call</source>
        <translation>✓ used in this call</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Starred</translation>
    </message>
    <message>
        <source>Star removed</source>
        <translation>Star removed</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Settings not saved: %1</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Handoff copied and kept in the record</source>
        <translation>Handoff copied and kept in the record</translation>
    </message>
    <message>
        <source>New call · %1</source>
        <translation>New call · %1</translation>
    </message>
    <message>
        <source>No call is running (Ctrl+N starts one).</source>
        <translation>No call is running (Ctrl+N starts one).</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved call note(s) from last time.</source>
        <translation>
            <numerusform>Restored %n unsaved call note from last time.</numerusform>
            <numerusform>Restored %n unsaved call notes from last time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept as draft record(s) under Recent.</source>
        <translation>
            <numerusform>%n kept as a draft record under Recent.</numerusform>
            <numerusform>%n kept as draft records under Recent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes could not be kept as a draft: %1 They stay in the form.</source>
        <translation>Your notes could not be kept as a draft: %1 They stay in the form.</translation>
    </message>
    <message>
        <source>Note the facts and demands first.</source>
        <translation>Note the facts and demands first.</translation>
    </message>
    <message>
        <source>Drafted: check the wording (Ctrl+Z undoes).</source>
        <translation>Drafted: check the wording (Ctrl+Z undoes).</translation>
    </message>
    <message>
        <source>Final record</source>
        <translation>Final record</translation>
    </message>
    <message>
        <source>Call running · draft</source>
        <translation>Call running · draft</translation>
    </message>
    <message>
        <source>Call ended · talk %1 · wrap-up running (Ctrl+E resumes the call)</source>
        <translation>Call ended · talk %1 · wrap-up running (Ctrl+E resumes the call)</translation>
    </message>
    <message>
        <source>Call resumed · talk time goes on from %1</source>
        <translation>Call resumed · talk time goes on from %1</translation>
    </message>
    <message>
        <source>Wrap-up · Ctrl+Enter finalises, Ctrl+E resumes</source>
        <translation>Wrap-up · Ctrl+Enter finalises, Ctrl+E resumes</translation>
    </message>
    <message>
        <source>Draft · Ctrl+N starts a call</source>
        <translation>Draft · Ctrl+N starts a call</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>New call</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>End call</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>✎ Draft request and key problem</source>
        <translation>✎ Draft request and key problem</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Snooze…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>NotesForm</name>
    <message>
        <source>While listening</source>
        <translation>While listening</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>separate with ;</source>
        <translation>separate with ;</translation>
    </message>
    <message>
        <source>More fields (%1)</source>
        <translation>More fields (%1)</translation>
    </message>
    <message>
        <source>Show or hide the fields the centre does not require</source>
        <translation>Show or hide the fields the centre does not require</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>Open a record saved earlier</source>
        <translation>Open a record saved earlier</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Still missing: %1</translation>
    </message>
</context>
<context>
    <name>PanelPages</name>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
</context>
<context>
    <name>PanelState</name>
    <message numerus="yes">
        <source>%n playbook problem(s) skipped, e.g. %1</source>
        <translation>
            <numerusform>%n playbook problem skipped, e.g. %1</numerusform>
            <numerusform>%n playbook problems skipped, e.g. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The playbook could not be loaded: %1</source>
        <translation>The playbook could not be loaded: %1</translation>
    </message>
    <message>
        <source>The store could not be opened; your notes are kept as drafts.</source>
        <translation>The store could not be opened; your notes are kept as drafts.</translation>
    </message>
    <message>
        <source>Favourites and history are off: %1</source>
        <translation>Favourites and history are off: %1</translation>
    </message>
    <message>
        <source>Favourites and history could not be saved (see the log).</source>
        <translation>Favourites and history could not be saved (see the log).</translation>
    </message>
    <message>
        <source>No backup today: %1</source>
        <translation>No backup today: %1</translation>
    </message>
    <message>
        <source>No backup today (see the log).</source>
        <translation>No backup today (see the log).</translation>
    </message>
</context>
<context>
    <name>PanelSync</name>
    <message>
        <source>Team sync failed: %1</source>
        <translation>Team sync failed: %1</translation>
    </message>
    <message>
        <source>Team sync: offline · last synced %1</source>
        <translation>Team sync: offline · last synced %1</translation>
    </message>
    <message>
        <source>Team sync %1 · %2 sent</source>
        <translation>Team sync %1 · %2 sent</translation>
    </message>
    <message>
        <source>%1 record(s) erased team-wide removed here</source>
        <translation>%1 record(s) erased team-wide removed here</translation>
    </message>
    <message>
        <source>%1 conflict(s): the newer edit was kept</source>
        <translation>%1 conflict(s): the newer edit was kept</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <source>My phrase</source>
        <translation>My phrase</translation>
    </message>
    <message>
        <source>words it is found by, separated by commas</source>
        <translation>words it is found by, separated by commas</translation>
    </message>
    <message>
        <source>optional, e.g. th1</source>
        <translation>optional, e.g. th1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Shortcode</source>
        <translation>Shortcode</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Words</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Blanks found: %1</source>
        <translation>Blanks found: %1</translation>
    </message>
</context>
<context>
    <name>PhraseFlow</name>
    <message>
        <source>Only your own phrases can be deleted; Ctrl+Shift+C edits a copy.</source>
        <translation>Only your own phrases can be deleted; Ctrl+Shift+C edits a copy.</translation>
    </message>
    <message>
        <source>Deleted “%1” (Alt+U brings it back)</source>
        <translation>Deleted “%1” (Alt+U brings it back)</translation>
    </message>
    <message>
        <source>Nothing to undo in your phrases</source>
        <translation>Nothing to undo in your phrases</translation>
    </message>
    <message>
        <source>Your last phrase change is undone</source>
        <translation>Your last phrase change is undone</translation>
    </message>
    <message>
        <source>No team server is set: run &apos;agent-assist sync --login URL&apos; first</source>
        <translation>No team server is set: run &apos;agent-assist sync --login URL&apos; first</translation>
    </message>
    <message>
        <source>You have no phrases of your own to publish</source>
        <translation>You have no phrases of your own to publish</translation>
    </message>
    <message>
        <source>Publishing team pack %1…</source>
        <translation>Publishing team pack %1…</translation>
    </message>
    <message>
        <source>Published team pack %1 (%2 phrases); agents get it at their next sync</source>
        <translation>Published team pack %1 (%2 phrases); agents get it at their next sync</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message>
        <source>Saved as your phrase: %1 (Alt+U undoes)</source>
        <translation>Saved as your phrase: %1 (Alt+U undoes)</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Plain meaning</source>
        <translation>Plain meaning</translation>
    </message>
    <message>
        <source>It is like…</source>
        <translation>It is like…</translation>
    </message>
    <message>
        <source>⚠ Avoid this — a reminder for you, never copied</source>
        <translation>⚠ Avoid this — a reminder for you, never copied</translation>
    </message>
    <message>
        <source>Wording %1 of %2 · Alt+→ next</source>
        <translation>Wording %1 of %2 · Alt+→ next</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Wording</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish my phrases to the team</source>
        <translation>Publish my phrases to the team</translation>
    </message>
    <message>
        <source>e.g. team-billing</source>
        <translation>e.g. team-billing</translation>
    </message>
    <message>
        <source>the name agents see</source>
        <translation>the name agents see</translation>
    </message>
    <message>
        <source>Team pack id</source>
        <translation>Team pack id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phrases (Space ticks or unticks)</source>
        <translation>Phrases (Space ticks or unticks)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
</context>
<context>
    <name>RecordFollowUps</name>
    <message>
        <source>None yet.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <source>Who keeps this promise</source>
        <translation>Who keeps this promise</translation>
    </message>
    <message>
        <source>Due: pick a time</source>
        <translation>Due: pick a time</translation>
    </message>
    <message>
        <source>When it must be done</source>
        <translation>When it must be done</translation>
    </message>
    <message>
        <source>Plan: what will be done</source>
        <translation>Plan: what will be done</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add this follow-up to the record</source>
        <translation>Add this follow-up to the record</translation>
    </message>
    <message>
        <source>Cancel this follow-up</source>
        <translation>Cancel this follow-up</translation>
    </message>
    <message>
        <source>Still empty: %1</source>
        <translation>Still empty: %1</translation>
    </message>
    <message>
        <source>%1 is in the past: pick a later time</source>
        <translation>%1 is in the past: pick a later time</translation>
    </message>
</context>
<context>
    <name>RecordSaver</name>
    <message>
        <source>Not final yet: saved as a draft.</source>
        <translation>Not final yet: saved as a draft.</translation>
    </message>
    <message>
        <source>Not final yet: saved as a draft. The call is still running.</source>
        <translation>Not final yet: saved as a draft. The call is still running.</translation>
    </message>
    <message>
        <source>Final · %1</source>
        <translation>Final · %1</translation>
    </message>
    <message>
        <source>Saved · %1</source>
        <translation>Saved · %1</translation>
    </message>
    <message>
        <source>Final · %1 · call ended, talk %2</source>
        <translation>Final · %1 · call ended, talk %2</translation>
    </message>
    <message>
        <source>Card numbers are never stored: masked in %1.</source>
        <translation>Card numbers are never stored: masked in %1.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 Your notes stay in the form.</source>
        <translation>Not saved: %1 Your notes stay in the form.</translation>
    </message>
    <message>
        <source>Not saved (see the log). Your notes stay in the form.</source>
        <translation>Not saved (see the log). Your notes stay in the form.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Agent Assist settings</source>
        <translation>Agent Assist settings</translation>
    </message>
    <message>
        <source>as you say it on the phone</source>
        <translation>as you say it on the phone</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>&amp;Your name</translation>
    </message>
    <message>
        <source>Agent &amp;ID</source>
        <translation>Agent &amp;ID</translation>
    </message>
    <message>
        <source>&amp;Dock on</source>
        <translation>&amp;Dock on</translation>
    </message>
    <message>
        <source>&amp;Country (holidays)</source>
        <translation>&amp;Country (holidays)</translation>
    </message>
    <message>
        <source>&amp;Office hours</source>
        <translation>&amp;Office hours</translation>
    </message>
    <message>
        <source>After copying, paste into the window I came from</source>
        <translation>After copying, paste into the window I came from</translation>
    </message>
    <message>
        <source>&amp;Summon key (from any program)</source>
        <translation>&amp;Summon key (from any program)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>Same as the system (%1)</translation>
    </message>
    <message>
        <source>Applies after a restart: quit Agent Assist (Ctrl+Q) and open it again.</source>
        <translation>Applies after a restart: quit Agent Assist (Ctrl+Q) and open it again.</translation>
    </message>
    <message>
        <source>Office hours: write them as HH:MM-HH:MM, e.g. 09:00-18:00, ending after they start.</source>
        <translation>Office hours: write them as HH:MM-HH:MM, e.g. 09:00-18:00, ending after they start.</translation>
    </message>
    <message>
        <source>Summon key: hold Ctrl, Alt or Meta with one key, e.g. Ctrl+Alt+Space.</source>
        <translation>Summon key: hold Ctrl, Alt or Meta with one key, e.g. Ctrl+Alt+Space.</translation>
    </message>
    <message>
        <source>Country: the holiday calendar does not know %1; use a country code such as CN, HK, TW or US.</source>
        <translation>Country: the holiday calendar does not know %1; use a country code such as CN, HK, TW or US.</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>My shift</source>
        <translation>My shift</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>Calls today</translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation>Average handle time</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <source>Promises kept today</source>
        <translation>Promises kept today</translation>
    </message>
    <message>
        <source>Handle time is talk plus wrap-up time. A promise is kept when its follow-up is done by the due time; counted once it is due.</source>
        <translation>Handle time is talk plus wrap-up time. A promise is kept when its follow-up is done by the due time; counted once it is due.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Write today&apos;s report…</source>
        <translation>Write today&apos;s report…</translation>
    </message>
    <message>
        <source>My shift · %1</source>
        <translation>My shift · %1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 of %2 (%3%)</translation>
    </message>
    <message>
        <source>none due yet</source>
        <translation>none due yet</translation>
    </message>
    <message>
        <source>Figures not read: %1</source>
        <translation>Figures not read: %1</translation>
    </message>
    <message>
        <source>Save today&apos;s report</source>
        <translation>Save today&apos;s report</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n call(s) written to %1</source>
        <translation>
            <numerusform>Report of %n call written to %1</numerusform>
            <numerusform>Report of %n calls written to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>Report cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>Report not written: %1</translation>
    </message>
    <message>
        <source>Report not written (see the log).</source>
        <translation>Report not written (see the log).</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show or hide the panel</source>
        <translation>Show or hide the panel</translation>
    </message>
    <message>
        <source>Agent Assist</source>
        <translation>Agent Assist</translation>
    </message>
</context>
<context>
    <name>_Message</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>Call notes</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Search the playbook</source>
        <translation>Search the playbook</translation>
    </message>
    <message>
        <source>Move through the results</source>
        <translation>Move through the results</translation>
    </message>
    <message>
        <source>Copy the selected wording</source>
        <translation>Copy the selected wording</translation>
    </message>
    <message>
        <source>Fill in the blanks, then copy</source>
        <translation>Fill in the blanks, then copy</translation>
    </message>
    <message>
        <source>Star or unstar the selection</source>
        <translation>Star or unstar the selection</translation>
    </message>
    <message>
        <source>Next wording</source>
        <translation>Next wording</translation>
    </message>
    <message>
        <source>Previous wording</source>
        <translation>Previous wording</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>Filter by emotion stage</source>
        <translation>Filter by emotion stage</translation>
    </message>
    <message>
        <source>Show all categories and stages</source>
        <translation>Show all categories and stages</translation>
    </message>
    <message>
        <source>Clear the search; again: hide</source>
        <translation>Clear the search; again: hide</translation>
    </message>
    <message>
        <source>Save as my phrase (the filled-in words, or a new one)</source>
        <translation>Save as my phrase (the filled-in words, or a new one)</translation>
    </message>
    <message>
        <source>Edit my phrase, or edit a copy of the selection</source>
        <translation>Edit my phrase, or edit a copy of the selection</translation>
    </message>
    <message>
        <source>Delete my selected phrase</source>
        <translation>Delete my selected phrase</translation>
    </message>
    <message>
        <source>Undo the last change to my phrases</source>
        <translation>Undo the last change to my phrases</translation>
    </message>
    <message>
        <source>Publish my phrases to the team (supervisors)</source>
        <translation>Publish my phrases to the team (supervisors)</translation>
    </message>
    <message>
        <source>Start a new call and its timer</source>
        <translation>Start a new call and its timer</translation>
    </message>
    <message>
        <source>End the call (wrap-up time starts); again: resume it</source>
        <translation>End the call (wrap-up time starts); again: resume it</translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation>Save the record</translation>
    </message>
    <message>
        <source>Finalise the record</source>
        <translation>Finalise the record</translation>
    </message>
    <message>
        <source>Draft request and key problem from facts, emotions, demands</source>
        <translation>Draft request and key problem from facts, emotions, demands</translation>
    </message>
    <message>
        <source>Write the handoff, copy it and keep it in the record</source>
        <translation>Write the handoff, copy it and keep it in the record</translation>
    </message>
    <message>
        <source>Add the offered follow-up to this call</source>
        <translation>Add the offered follow-up to this call</translation>
    </message>
    <message>
        <source>Mark the follow-up done</source>
        <translation>Mark the follow-up done</translation>
    </message>
    <message>
        <source>Snooze the follow-up</source>
        <translation>Snooze the follow-up</translation>
    </message>
    <message>
        <source>Open the follow-up&apos;s record</source>
        <translation>Open the follow-up&apos;s record</translation>
    </message>
    <message>
        <source>Export records to CSV</source>
        <translation>Export records to CSV</translation>
    </message>
    <message>
        <source>Show the playbook</source>
        <translation>Show the playbook</translation>
    </message>
    <message>
        <source>Show the call notes</source>
        <translation>Show the call notes</translation>
    </message>
    <message>
        <source>Show the follow-ups</source>
        <translation>Show the follow-ups</translation>
    </message>
    <message>
        <source>Show my shift and today&apos;s report</source>
        <translation>Show my shift and today&apos;s report</translation>
    </message>
    <message>
        <source>Hide the panel</source>
        <translation>Hide the panel</translation>
    </message>
    <message>
        <source>Dock on the other edge</source>
        <translation>Dock on the other edge</translation>
    </message>
    <message>
        <source>Move to the next screen</source>
        <translation>Move to the next screen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Quit Agent Assist</source>
        <translation>Quit Agent Assist</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>Cannot reach the clipboard: install xclip or xsel (X11) or wl-clipboard (Wayland), then copy again.</source>
        <translation>Cannot reach the clipboard: install xclip or xsel (X11) or wl-clipboard (Wayland), then copy again.</translation>
    </message>
    <message>
        <source>Cannot reach the system clipboard; copy again in a moment.</source>
        <translation>Cannot reach the system clipboard; copy again in a moment.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Questioning</source>
        <translation>Questioning</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation>Confirming</translation>
    </message>
    <message>
        <source>Plain language</source>
        <translation>Plain language</translation>
    </message>
    <message>
        <source>De-escalation</source>
        <translation>De-escalation</translation>
    </message>
    <message>
        <source>Sandwich</source>
        <translation>Sandwich</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Crisis notice</source>
        <translation>Crisis notice</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <source>Written reply</source>
        <translation>Written reply</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Proactive care</source>
        <translation>Proactive care</translation>
    </message>
    <message>
        <source>Cross-cultural</source>
        <translation>Cross-cultural</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Angry</translation>
    </message>
    <message>
        <source>Hostile</source>
        <translation>Hostile</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>your name</translation>
    </message>
    <message>
        <source>your agent ID</source>
        <translation>your agent ID</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>customer name</translation>
    </message>
    <message>
        <source>customer title</source>
        <translation>customer title</translation>
    </message>
    <message>
        <source>customer contact</source>
        <translation>customer contact</translation>
    </message>
    <message>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Left edge</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Right edge</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Connected?</source>
        <translation>Connected?</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>How to address</source>
        <translation>How to address</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Customer type</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emotion</translation>
    </message>
    <message>
        <source>Emotion at end</source>
        <translation>Emotion at end</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Emotions</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Key problem</source>
        <translation>Key problem</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>Online chat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Rational: data first</source>
        <translation>Rational: data first</translation>
    </message>
    <message>
        <source>Emotional: stories</source>
        <translation>Emotional: stories</translation>
    </message>
    <message>
        <source>Direct: point first</source>
        <translation>Direct: point first</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>Not sure yet</translation>
    </message>
    <message>
        <source>L1 basic inquiry</source>
        <translation>L1 basic inquiry</translation>
    </message>
    <message>
        <source>L2 complex inquiry</source>
        <translation>L2 complex inquiry</translation>
    </message>
    <message>
        <source>L3 technical fault</source>
        <translation>L3 technical fault</translation>
    </message>
    <message>
        <source>L4 major complaint</source>
        <translation>L4 major complaint</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation>Partly resolved</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>Information provided</source>
        <translation>Information provided</translation>
    </message>
    <message>
        <source>Resolved on first contact</source>
        <translation>Resolved on first contact</translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation>Callback scheduled</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Complaint logged</source>
        <translation>Complaint logged</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>No action needed</translation>
    </message>
</context>
<context>
    <name>summon</name>
    <message>
        <source>No summon key on Wayland: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>No summon key on Wayland: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</translation>
    </message>
    <message>
        <source>No summon key on this desktop: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>No summon key on this desktop: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</translation>
    </message>
    <message>
        <source>Show or hide the Agent Assist panel</source>
        <translation>Show or hide the Agent Assist panel</translation>
    </message>
    <message>
        <source>Summon key %1: another program holds it, or it is not a key here; choose another in Settings (Ctrl+,).</source>
        <translation>Summon key %1: another program holds it, or it is not a key here; choose another in Settings (Ctrl+,).</translation>
    </message>
    <message>
        <source>Summon key %1: the desktop did not give it; bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>Summon key %1: the desktop did not give it; bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</translation>
    </message>
    <message>
        <source>Copied; the window you came from did not take focus, paste with Ctrl+V.</source>
        <translation>Copied; the window you came from did not take focus, paste with Ctrl+V.</translation>
    </message>
</context>
</TS>
