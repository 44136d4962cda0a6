<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>CallTimer</name>
    <message>
        <source>Opening done?</source>
        <translation>開場完成了嗎？</translation>
    </message>
    <message>
        <source>Core problem clear?</source>
        <translation>核心問題釐清了嗎？</translation>
    </message>
    <message>
        <source>Time to close?</source>
        <translation>該收尾了嗎？</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>未在通話</translation>
    </message>
    <message>
        <source>Ctrl+N starts a call and its timer</source>
        <translation>按 Ctrl+N 開始通話並計時</translation>
    </message>
    <message>
        <source>Talk time. Cues at 0:30, 3:00 and 5:00. Ctrl+E ends the call.</source>
        <translation>通話時間。0:30、3:00 和 5:00 時會提醒。按 Ctrl+E 結束通話。</translation>
    </message>
    <message>
        <source>Wrap-up %1</source>
        <translation>話後 %1</translation>
    </message>
    <message>
        <source>Wrap-up time, until the record is finalised (Ctrl+Enter).</source>
        <translation>話後處理時間，計到紀錄送出為止（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Talk time + wrap-up time of the finalised call</source>
        <translation>已送出通話的通話時間 + 話後處理時間</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Esc or F1 goes back to the list.</source>
        <translation>按 Esc 或 F1 回到清單。</translation>
    </message>
    <message>
        <source>From the softphone or anywhere else: run agent-assist again (for example from a desktop shortcut) and the panel comes forward with the search ready.</source>
        <translation>在軟體電話或其他任何地方：再執行一次 agent-assist（例如點桌面捷徑），面板就會回到最前面，可以直接搜尋。</translation>
    </message>
</context>
<context>
    <name>CopyFlow</name>
    <message>
        <source>This is a reminder for you, not words for the customer: nothing copied.</source>
        <translation>這是給您的提醒，不是對客戶說的話：沒有複製。</translation>
    </message>
    <message>
        <source>Copied · %1</source>
        <translation>已複製 · %1</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to CSV</source>
        <translation>匯出為 CSV</translation>
    </message>
    <message>
        <source>Call records</source>
        <translation>通話紀錄</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>後續追蹤</translation>
    </message>
    <message>
        <source>Report workbook (XLSX)</source>
        <translation>報表活頁簿 (XLSX)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Raw: UTC times, for other systems</source>
        <translation>原始格式：UTC 時間，供其他系統使用</translation>
    </message>
    <message>
        <source>Plain UTF-8 with ISO 8601 UTC times and no escaping; import reads it back</source>
        <translation>純 UTF-8，時間為 ISO 8601 格式的 UTC 時間，不做跳脫處理；可用匯入功能讀回</translation>
    </message>
    <message>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Calls are picked by start day, follow-ups by due day (local days, inclusive).</source>
        <translation>通話依開始日期篩選，後續追蹤依到期日期篩選（本地日期，含頭尾兩天）。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消匯出</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Export the report workbook</source>
        <translation>匯出報表活頁簿</translation>
    </message>
    <message>
        <source>Save the report workbook</source>
        <translation>儲存報表活頁簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>開始日期晚於結束日期。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n call(s) written to %1</source>
        <translation>
            <numerusform>已將 %n 通通話的報表寫入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已匯出 %n 列到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消匯出，未寫入任何檔案。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <source>Export failed (see the log).</source>
        <translation>匯出失敗（詳見記錄檔）。</translation>
    </message>
</context>
<context>
    <name>FillForm</name>
    <message>
        <source>Tab: next field · Enter: copy · Esc: back</source>
        <translation>Tab：下一欄 · Enter：複製 · Esc：返回</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the filled-in text (Enter)</source>
        <translation>複製填好的內容（Enter）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the list without copying (Esc)</source>
        <translation>不複製，回到清單（Esc）</translation>
    </message>
    <message>
        <source>Still empty: %1</source>
        <translation>尚未填寫：%1</translation>
    </message>
</context>
<context>
    <name>FollowUpDelegate</name>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即將到期</translation>
    </message>
</context>
<context>
    <name>FollowUpFlow</name>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 分鐘</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小時</translation>
    </message>
    <message>
        <source>Next business day, opening time</source>
        <translation>下一個工作日上班時</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>已延到 %1 再提醒</translation>
    </message>
    <message>
        <source>That record is no longer in the store.</source>
        <translation>這筆紀錄已不在資料庫中。</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>還有 %n 筆</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) came due while the panel was closed</source>
        <translation>
            <numerusform>面板關閉期間有 %n 筆追蹤事項到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due now</source>
        <translation>
            <numerusform>%n 筆追蹤事項現在到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a follow-up due %1 to this call? (Ctrl+T)</source>
        <translation>為這通電話新增一筆 %1 到期的追蹤事項？（Ctrl+T）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>No follow-up to add: copy a dated promise first.</source>
        <translation>沒有可新增的追蹤事項：請先複製一則有日期的承諾。</translation>
    </message>
    <message>
        <source>me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>No call running: follow-up %1 kept in a draft record, listed under Follow-ups (Ctrl+3). Ctrl+N starts the call on it.</source>
        <translation>目前沒有通話：追蹤事項（%1）已存入一筆草稿紀錄，列在後續追蹤中（Ctrl+3）。按 Ctrl+N 在這筆紀錄上開始通話。</translation>
    </message>
    <message>
        <source>Follow-up added: %1 · listed under Follow-ups (Ctrl+3)</source>
        <translation>已新增追蹤事項：%1 · 列在後續追蹤中（Ctrl+3）</translation>
    </message>
</context>
<context>
    <name>FollowUpListModel</name>
    <message>
        <source>no contact yet</source>
        <translation>尚無聯絡方式</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <source>Due soon: %1</source>
        <translation>即將到期：%1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>到期：%1</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>No open follow-ups. Dated promises you copy can add one.</source>
        <translation>沒有待辦的追蹤事項。複製有日期的承諾時可以順便新增。</translation>
    </message>
    <message numerus="yes">
        <source>%n open follow-up(s)</source>
        <translation>
            <numerusform>%n 筆待辦追蹤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 筆已逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LintHighlighter</name>
    <message>
        <source>It is like: %1</source>
        <translation>打個比方：%1</translation>
    </message>
    <message>
        <source>Say instead: %1</source>
        <translation>改成這樣說：%1</translation>
    </message>
    <message>
        <source>Right-click or the Menu key to fix it.</source>
        <translation>按右鍵或選單鍵修正。</translation>
    </message>
    <message>
        <source>Make it a dated commitment: %1</source>
        <translation>改成有明確時間的承諾：%1</translation>
    </message>
    <message>
        <source>Say it plainly: %1</source>
        <translation>說得白話一點：%1</translation>
    </message>
    <message>
        <source>Add the analogy: %1</source>
        <translation>加上比喻：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Agent Assist</source>
        <translation>客服助手</translation>
    </message>
    <message>
        <source>Loading playbook…</source>
        <translation>正在載入話術庫…</translation>
    </message>
    <message>
        <source>Search: 中文, pinyin, English</source>
        <translation>搜尋：中文、拼音、English</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部情緒階段</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Fill in…</source>
        <translation>填空…</translation>
    </message>
    <message>
        <source>Next wording</source>
        <translation>下一個說法</translation>
    </message>
    <message numerus="yes">
        <source>%n phrasing(s) · F1 for shortcuts</source>
        <translation>
            <numerusform>共 %n 則話術 · 按 F1 檢視快速鍵</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches. Try pinyin, fewer words, or Alt+0.</source>
        <translation>找不到符合的話術。試試拼音、少打幾個字，或按 Alt+0。</translation>
    </message>
    <message>
        <source>✓ used in this call</source>
        <translation>✓ 本通電話已使用</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加入收藏</translation>
    </message>
    <message>
        <source>Star removed</source>
        <translation>已取消收藏</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>設定已儲存</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>設定未儲存：%1</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Handoff copied and kept in the record</source>
        <translation>交接說明已複製，並存入紀錄</translation>
    </message>
    <message>
        <source>New call · %1</source>
        <translation>新通話 · %1</translation>
    </message>
    <message>
        <source>No call is running (Ctrl+N starts one).</source>
        <translation>目前沒有通話（按 Ctrl+N 開始）。</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved call note(s) from last time.</source>
        <translation>
            <numerusform>已還原上次 %n 筆未儲存的通話紀錄。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept as draft record(s) under Recent.</source>
        <translation>
            <numerusform>另有 %n 筆已存為草稿，可在「最近」中找到。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes could not be kept as a draft: %1 They stay in the form.</source>
        <translation>紀錄無法存為草稿：%1 內容仍保留在表單中。</translation>
    </message>
    <message>
        <source>Note the facts and demands first.</source>
        <translation>請先記下事實與訴求。</translation>
    </message>
    <message>
        <source>Drafted: check the wording (Ctrl+Z undoes).</source>
        <translation>已擬好草稿：請檢查措辭（Ctrl+Z 復原）。</translation>
    </message>
    <message>
        <source>Final record</source>
        <translation>已送出的紀錄</translation>
    </message>
    <message>
        <source>Call running · draft</source>
        <translation>通話中 · 草稿</translation>
    </message>
    <message>
        <source>Call ended · talk %1 · wrap-up running (Ctrl+E resumes the call)</source>
        <translation>通話已結束 · 通話 %1 · 話後計時中（按 Ctrl+E 恢復通話）</translation>
    </message>
    <message>
        <source>Call resumed · talk time goes on from %1</source>
        <translation>通話已恢復 · 通話時間從 %1 繼續計時</translation>
    </message>
    <message>
        <source>Wrap-up · Ctrl+Enter finalises, Ctrl+E resumes</source>
        <translation>話後處理 · 按 Ctrl+Enter 送出，按 Ctrl+E 恢復通話</translation>
    </message>
    <message>
        <source>Draft · Ctrl+N starts a call</source>
        <translation>草稿 · 按 Ctrl+N 開始通話</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>新通話</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>結束通話</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢復通話</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>送出</translation>
    </message>
    <message>
        <source>✎ Draft request and key problem</source>
        <translation>✎ 擬寫來電事由與核心問題</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>稍後提醒…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
</context>
<context>
    <name>NotesForm</name>
    <message>
        <source>While listening</source>
        <translation>邊聽邊記</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>後續追蹤</translation>
    </message>
    <message>
        <source>separate with ;</source>
        <translation>用 ; 分隔</translation>
    </message>
    <message>
        <source>More fields (%1)</source>
        <translation>更多欄位（%1）</translation>
    </message>
    <message>
        <source>Show or hide the fields the centre does not require</source>
        <translation>顯示或隱藏中心未要求填寫的欄位</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>Open a record saved earlier</source>
        <translation>開啟先前儲存的紀錄</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>尚缺：%1</translation>
    </message>
</context>
<context>
    <name>PanelPages</name>
    <message>
        <source>Playbook</source>
        <translation>話術</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>追蹤</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
</context>
<context>
    <name>PanelState</name>
    <message numerus="yes">
        <source>%n playbook problem(s) skipped, e.g. %1</source>
        <translation>
            <numerusform>已略過 %n 個話術問題，例如：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The playbook could not be loaded: %1</source>
        <translation>話術庫無法載入：%1</translation>
    </message>
    <message>
        <source>The store could not be opened; your notes are kept as drafts.</source>
        <translation>無法開啟資料庫，通話紀錄會先存為草稿。</translation>
    </message>
    <message>
        <source>Favourites and history are off: %1</source>
        <translation>收藏與使用紀錄已停用：%1</translation>
    </message>
    <message>
        <source>Favourites and history could not be saved (see the log).</source>
        <translation>收藏與使用紀錄無法儲存（詳見記錄檔）。</translation>
    </message>
    <message>
        <source>No backup today: %1</source>
        <translation>今天沒有備份：%1</translation>
    </message>
    <message>
        <source>No backup today (see the log).</source>
        <translation>今天沒有備份（詳見記錄檔）。</translation>
    </message>
</context>
<context>
    <name>PanelSync</name>
    <message>
        <source>Team sync failed: %1</source>
        <translation>團隊同步失敗：%1</translation>
    </message>
    <message>
        <source>Team sync: offline · last synced %1</source>
        <translation>團隊同步：離線 · 上次同步 %1</translation>
    </message>
    <message>
        <source>Team sync %1 · %2 sent</source>
        <translation>團隊同步 %1 · 已上傳 %2 筆</translation>
    </message>
    <message>
        <source>%1 record(s) erased team-wide removed here</source>
        <translation>已依團隊刪除要求移除本機 %1 筆記錄</translation>
    </message>
    <message>
        <source>%1 conflict(s): the newer edit was kept</source>
        <translation>%1 處衝突：已保留較新的修改</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <source>My phrase</source>
        <translation>我的話術</translation>
    </message>
    <message>
        <source>words it is found by, separated by commas</source>
        <translation>用於搜尋的詞，以逗號分隔</translation>
    </message>
    <message>
        <source>optional, e.g. th1</source>
        <translation>選填，例如 th1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Shortcode</source>
        <translation>快捷碼</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>話術內容</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Blanks found: %1</source>
        <translation>找到的空格：%1</translation>
    </message>
</context>
<context>
    <name>PhraseFlow</name>
    <message>
        <source>Only your own phrases can be deleted; Ctrl+Shift+C edits a copy.</source>
        <translation>只能刪除你自己的話術；Ctrl+Shift+C 可編輯一份副本。</translation>
    </message>
    <message>
        <source>Deleted “%1” (Alt+U brings it back)</source>
        <translation>已刪除「%1」（Alt+U 可復原）</translation>
    </message>
    <message>
        <source>Nothing to undo in your phrases</source>
        <translation>你的話術沒有可復原的變更</translation>
    </message>
    <message>
        <source>Your last phrase change is undone</source>
        <translation>已復原你對話術的上一次變更</translation>
    </message>
    <message>
        <source>No team server is set: run &apos;agent-assist sync --login URL&apos; first</source>
        <translation>尚未設定團隊伺服器：請先執行 &apos;agent-assist sync --login URL&apos;</translation>
    </message>
    <message>
        <source>You have no phrases of your own to publish</source>
        <translation>你還沒有可發佈的自己的話術</translation>
    </message>
    <message>
        <source>Publishing team pack %1…</source>
        <translation>正在發佈團隊話術包 %1…</translation>
    </message>
    <message>
        <source>Published team pack %1 (%2 phrases); agents get it at their next sync</source>
        <translation>已發佈團隊話術包 %1（%2 則話術）；客服人員下次同步時即可取得</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>未發佈：%1</translation>
    </message>
    <message>
        <source>Saved as your phrase: %1 (Alt+U undoes)</source>
        <translation>已儲存為你的話術：%1（Alt+U 可復原）</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Plain meaning</source>
        <translation>白話說明</translation>
    </message>
    <message>
        <source>It is like…</source>
        <translation>打個比方…</translation>
    </message>
    <message>
        <source>⚠ Avoid this — a reminder for you, never copied</source>
        <translation>⚠ 避免這樣說——只是提醒您，不會被複製</translation>
    </message>
    <message>
        <source>Wording %1 of %2 · Alt+→ next</source>
        <translation>說法 %1/%2 · Alt+→ 下一個</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>說法</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish my phrases to the team</source>
        <translation>把我的話術發佈給團隊</translation>
    </message>
    <message>
        <source>e.g. team-billing</source>
        <translation>例如 team-billing</translation>
    </message>
    <message>
        <source>the name agents see</source>
        <translation>客服人員看到的名稱</translation>
    </message>
    <message>
        <source>Team pack id</source>
        <translation>團隊話術包 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Phrases (Space ticks or unticks)</source>
        <translation>話術（空白鍵勾選或取消）</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>發佈</translation>
    </message>
</context>
<context>
    <name>RecordFollowUps</name>
    <message>
        <source>None yet.</source>
        <translation>目前沒有。</translation>
    </message>
    <message>
        <source>Who keeps this promise</source>
        <translation>由誰負責兌現這個承諾</translation>
    </message>
    <message>
        <source>Due: pick a time</source>
        <translation>到期時間：請選擇</translation>
    </message>
    <message>
        <source>When it must be done</source>
        <translation>必須完成的時間</translation>
    </message>
    <message>
        <source>Plan: what will be done</source>
        <translation>計畫：要做哪些事</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Add this follow-up to the record</source>
        <translation>將這筆追蹤事項加入紀錄</translation>
    </message>
    <message>
        <source>Cancel this follow-up</source>
        <translation>取消這筆追蹤事項</translation>
    </message>
    <message>
        <source>Still empty: %1</source>
        <translation>尚未填寫：%1</translation>
    </message>
    <message>
        <source>%1 is in the past: pick a later time</source>
        <translation>%1已過：請選擇較晚的時間</translation>
    </message>
</context>
<context>
    <name>RecordSaver</name>
    <message>
        <source>Not final yet: saved as a draft.</source>
        <translation>尚無法送出：已存為草稿。</translation>
    </message>
    <message>
        <source>Not final yet: saved as a draft. The call is still running.</source>
        <translation>尚無法送出：已存為草稿。通話仍在進行。</translation>
    </message>
    <message>
        <source>Final · %1</source>
        <translation>已送出 · %1</translation>
    </message>
    <message>
        <source>Saved · %1</source>
        <translation>已儲存 · %1</translation>
    </message>
    <message>
        <source>Final · %1 · call ended, talk %2</source>
        <translation>已送出 · %1 · 通話已結束，通話 %2</translation>
    </message>
    <message>
        <source>Card numbers are never stored: masked in %1.</source>
        <translation>卡號一律不儲存：%1 中的卡號已遮蔽。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <source>Not saved: %1 Your notes stay in the form.</source>
        <translation>未儲存：%1 內容仍保留在表單中。</translation>
    </message>
    <message>
        <source>Not saved (see the log). Your notes stay in the form.</source>
        <translation>未儲存（詳見記錄檔）。內容仍保留在表單中。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Agent Assist settings</source>
        <translation>客服助手設定</translation>
    </message>
    <message>
        <source>as you say it on the phone</source>
        <translation>在電話中自我介紹用的名字</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>您的名字(&amp;Y)</translation>
    </message>
    <message>
        <source>Agent &amp;ID</source>
        <translation>客服編號(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dock on</source>
        <translation>停駐位置(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Country (holidays)</source>
        <translation>國家/地區（國定假日）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Office hours</source>
        <translation>上班時間(&amp;O)</translation>
    </message>
    <message>
        <source>After copying, paste into the window I came from</source>
        <translation>複製後貼到我原來的視窗</translation>
    </message>
    <message>
        <source>&amp;Summon key (from any program)</source>
        <translation>叫出鍵（任何程式中）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>跟隨系統（%1）</translation>
    </message>
    <message>
        <source>Applies after a restart: quit Agent Assist (Ctrl+Q) and open it again.</source>
        <translation>重新啟動後生效：請先結束客服助手（Ctrl+Q），再重新開啟。</translation>
    </message>
    <message>
        <source>Office hours: write them as HH:MM-HH:MM, e.g. 09:00-18:00, ending after they start.</source>
        <translation>上班時間：請寫成 HH:MM-HH:MM，例如 09:00-18:00，結束要晚於開始。</translation>
    </message>
    <message>
        <source>Summon key: hold Ctrl, Alt or Meta with one key, e.g. Ctrl+Alt+Space.</source>
        <translation>叫出鍵：按住 Ctrl、Alt 或 Meta 再加一個鍵，例如 Ctrl+Alt+Space。</translation>
    </message>
    <message>
        <source>Country: the holiday calendar does not know %1; use a country code such as CN, HK, TW or US.</source>
        <translation>國家/地區：國定假日行事曆裡沒有 %1；請填寫國家/地區代碼，例如 CN、HK、TW 或 US。</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>My shift</source>
        <translation>我的班次</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>今日通話</translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation>平均處理時長</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>未完成的後續追蹤</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>已逾期的後續追蹤</translation>
    </message>
    <message>
        <source>Promises kept today</source>
        <translation>今日兌現的承諾</translation>
    </message>
    <message>
        <source>Handle time is talk plus wrap-up time. A promise is kept when its follow-up is done by the due time; counted once it is due.</source>
        <translation>處理時長 = 通話時長 + 話後整理時長。後續追蹤在到期前完成即為兌現承諾；到期後才計入。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Write today&apos;s report…</source>
        <translation>產生今日報表…</translation>
    </message>
    <message>
        <source>My shift · %1</source>
        <translation>我的班次 · %1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%2 個中兌現 %1 個（%3%）</translation>
    </message>
    <message>
        <source>none due yet</source>
        <translation>尚無到期</translation>
    </message>
    <message>
        <source>Figures not read: %1</source>
        <translation>無法讀取資料：%1</translation>
    </message>
    <message>
        <source>Save today&apos;s report</source>
        <translation>儲存今日報表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在產生報表…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n call(s) written to %1</source>
        <translation>
            <numerusform>已將 %n 通通話的報表寫入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>已取消報表，未寫入任何檔案。</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>報表未寫入：%1</translation>
    </message>
    <message>
        <source>Report not written (see the log).</source>
        <translation>報表未寫入（詳見記錄檔）。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show or hide the panel</source>
        <translation>顯示/隱藏面板</translation>
    </message>
    <message>
        <source>Agent Assist</source>
        <translation>客服助手</translation>
    </message>
</context>
<context>
    <name>_Message</name>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Playbook</source>
        <translation>話術庫</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>通話紀錄</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>後續追蹤</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Search the playbook</source>
        <translation>搜尋話術庫</translation>
    </message>
    <message>
        <source>Move through the results</source>
        <translation>在結果中上下移動</translation>
    </message>
    <message>
        <source>Copy the selected wording</source>
        <translation>複製選取的說法</translation>
    </message>
    <message>
        <source>Fill in the blanks, then copy</source>
        <translation>先填空，再複製</translation>
    </message>
    <message>
        <source>Star or unstar the selection</source>
        <translation>收藏或取消收藏選取項目</translation>
    </message>
    <message>
        <source>Next wording</source>
        <translation>下一個說法</translation>
    </message>
    <message>
        <source>Previous wording</source>
        <translation>上一個說法</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>依類別篩選</translation>
    </message>
    <message>
        <source>Filter by emotion stage</source>
        <translation>依情緒階段篩選</translation>
    </message>
    <message>
        <source>Show all categories and stages</source>
        <translation>顯示全部類別與階段</translation>
    </message>
    <message>
        <source>Clear the search; again: hide</source>
        <translation>清除搜尋；再按一次：隱藏</translation>
    </message>
    <message>
        <source>Save as my phrase (the filled-in words, or a new one)</source>
        <translation>存為我的話術（已填寫的內容，或新增）</translation>
    </message>
    <message>
        <source>Edit my phrase, or edit a copy of the selection</source>
        <translation>編輯我的話術，或編輯所選話術的副本</translation>
    </message>
    <message>
        <source>Delete my selected phrase</source>
        <translation>刪除所選的我的話術</translation>
    </message>
    <message>
        <source>Undo the last change to my phrases</source>
        <translation>復原對我的話術的上一次變更</translation>
    </message>
    <message>
        <source>Publish my phrases to the team (supervisors)</source>
        <translation>把我的話術發佈給團隊（主管）</translation>
    </message>
    <message>
        <source>Start a new call and its timer</source>
        <translation>開始新通話並計時</translation>
    </message>
    <message>
        <source>End the call (wrap-up time starts); again: resume it</source>
        <translation>結束通話（開始話後計時）；再按一次：恢復通話</translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation>儲存紀錄</translation>
    </message>
    <message>
        <source>Finalise the record</source>
        <translation>送出紀錄</translation>
    </message>
    <message>
        <source>Draft request and key problem from facts, emotions, demands</source>
        <translation>依事實、情緒、訴求擬寫來電事由與核心問題</translation>
    </message>
    <message>
        <source>Write the handoff, copy it and keep it in the record</source>
        <translation>撰寫交接說明，複製並存入紀錄</translation>
    </message>
    <message>
        <source>Add the offered follow-up to this call</source>
        <translation>將建議的追蹤事項加入這通電話</translation>
    </message>
    <message>
        <source>Mark the follow-up done</source>
        <translation>將追蹤事項標為完成</translation>
    </message>
    <message>
        <source>Snooze the follow-up</source>
        <translation>追蹤事項稍後再提醒</translation>
    </message>
    <message>
        <source>Open the follow-up&apos;s record</source>
        <translation>開啟追蹤事項所屬的紀錄</translation>
    </message>
    <message>
        <source>Export records to CSV</source>
        <translation>將紀錄匯出為 CSV</translation>
    </message>
    <message>
        <source>Show the playbook</source>
        <translation>顯示話術庫</translation>
    </message>
    <message>
        <source>Show the call notes</source>
        <translation>顯示通話紀錄</translation>
    </message>
    <message>
        <source>Show the follow-ups</source>
        <translation>顯示後續追蹤</translation>
    </message>
    <message>
        <source>Show my shift and today&apos;s report</source>
        <translation>顯示我的班次和今日報表</translation>
    </message>
    <message>
        <source>Hide the panel</source>
        <translation>隱藏面板</translation>
    </message>
    <message>
        <source>Dock on the other edge</source>
        <translation>停駐到另一側</translation>
    </message>
    <message>
        <source>Move to the next screen</source>
        <translation>移到下一個螢幕</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Quit Agent Assist</source>
        <translation>結束客服助手</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>Cannot reach the clipboard: install xclip or xsel (X11) or wl-clipboard (Wayland), then copy again.</source>
        <translation>無法存取剪貼簿：請安裝 xclip 或 xsel（X11）或 wl-clipboard（Wayland），然後再複製一次。</translation>
    </message>
    <message>
        <source>Cannot reach the system clipboard; copy again in a moment.</source>
        <translation>暫時無法存取系統剪貼簿，請稍後再複製一次。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Opening</source>
        <translation>開場</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Questioning</source>
        <translation>提問</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Plain language</source>
        <translation>術語解釋</translation>
    </message>
    <message>
        <source>De-escalation</source>
        <translation>情緒安撫</translation>
    </message>
    <message>
        <source>Sandwich</source>
        <translation>三明治溝通</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>客訴處理</translation>
    </message>
    <message>
        <source>Crisis notice</source>
        <translation>危機通知</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承諾</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Written reply</source>
        <translation>書面回覆</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>異議處理</translation>
    </message>
    <message>
        <source>Proactive care</source>
        <translation>主動關懷</translation>
    </message>
    <message>
        <source>Cross-cultural</source>
        <translation>跨文化溝通</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>平靜</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不滿</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>憤怒</translation>
    </message>
    <message>
        <source>Hostile</source>
        <translation>對抗</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <source>your agent ID</source>
        <translation>您的客服編號</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客戶姓名</translation>
    </message>
    <message>
        <source>customer title</source>
        <translation>客戶稱呼</translation>
    </message>
    <message>
        <source>customer contact</source>
        <translation>客戶聯絡方式</translation>
    </message>
    <message>
        <source>account</source>
        <translation>客戶帳號</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>左側</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>右側</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>結束時間</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>通話方向</translation>
    </message>
    <message>
        <source>Connected?</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>參與人員</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客戶姓名</translation>
    </message>
    <message>
        <source>How to address</source>
        <translation>稱呼</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>來電情緒</translation>
    </message>
    <message>
        <source>Emotion at end</source>
        <translation>結束時情緒</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事實</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>情緒</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>訴求</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>來電事由</translation>
    </message>
    <message>
        <source>Key problem</source>
        <translation>核心問題</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決狀態</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>結案分類</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>升級至</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>追蹤事項</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期時間</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>計畫</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>當面</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>線上聊天</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>來電</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>外撥</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>內部</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>無人接聽</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙線</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>語音信箱</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>撥號失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rational: data first</source>
        <translation>理性型：先講數據</translation>
    </message>
    <message>
        <source>Emotional: stories</source>
        <translation>感性型：多舉實例</translation>
    </message>
    <message>
        <source>Direct: point first</source>
        <translation>直接型：先講重點</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>還不確定</translation>
    </message>
    <message>
        <source>L1 basic inquiry</source>
        <translation>L1 一般諮詢</translation>
    </message>
    <message>
        <source>L2 complex inquiry</source>
        <translation>L2 複雜諮詢</translation>
    </message>
    <message>
        <source>L3 technical fault</source>
        <translation>L3 技術故障</translation>
    </message>
    <message>
        <source>L4 major complaint</source>
        <translation>L4 重大客訴</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation>部分解決</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Information provided</source>
        <translation>已提供資訊</translation>
    </message>
    <message>
        <source>Resolved on first contact</source>
        <translation>首次聯絡即解決</translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation>已約定回電</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升級</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已轉接</translation>
    </message>
    <message>
        <source>Complaint logged</source>
        <translation>已登記客訴</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>無需處理</translation>
    </message>
</context>
<context>
    <name>summon</name>
    <message>
        <source>No summon key on Wayland: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>無法在 Wayland 上使用叫出鍵：請在桌面的鍵盤設定中把「agent-assist --toggle」綁定到一個按鍵。</translation>
    </message>
    <message>
        <source>No summon key on this desktop: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>此桌面無法使用叫出鍵：請在桌面的鍵盤設定中把「agent-assist --toggle」綁定到一個按鍵。</translation>
    </message>
    <message>
        <source>Show or hide the Agent Assist panel</source>
        <translation>顯示或隱藏 Agent Assist 面板</translation>
    </message>
    <message>
        <source>Summon key %1: another program holds it, or it is not a key here; choose another in Settings (Ctrl+,).</source>
        <translation>叫出鍵 %1：已被其他程式占用，或此處沒有這個鍵；請在設定（Ctrl+,）中另選一個。</translation>
    </message>
    <message>
        <source>Summon key %1: the desktop did not give it; bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>叫出鍵 %1：桌面沒有分配該按鍵；請在桌面的鍵盤設定中把「agent-assist --toggle」綁定到一個按鍵。</translation>
    </message>
    <message>
        <source>Copied; the window you came from did not take focus, paste with Ctrl+V.</source>
        <translation>已複製；原來的視窗沒有取得焦點，請用 Ctrl+V 貼上。</translation>
    </message>
</context>
</TS>
