<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallTimer</name>
    <message>
        <source>Opening done?</source>
        <translation>开场做完了吗？</translation>
    </message>
    <message>
        <source>Core problem clear?</source>
        <translation>核心问题弄清了吗？</translation>
    </message>
    <message>
        <source>Time to close?</source>
        <translation>该收尾了吗？</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>未在通话</translation>
    </message>
    <message>
        <source>Ctrl+N starts a call and its timer</source>
        <translation>按 Ctrl+N 开始通话并计时</translation>
    </message>
    <message>
        <source>Talk time. Cues at 0:30, 3:00 and 5:00. Ctrl+E ends the call.</source>
        <translation>通话时长。0:30、3:00 和 5:00 时会提示。按 Ctrl+E 结束通话。</translation>
    </message>
    <message>
        <source>Wrap-up %1</source>
        <translation>话后 %1</translation>
    </message>
    <message>
        <source>Wrap-up time, until the record is finalised (Ctrl+Enter).</source>
        <translation>话后处理时间，计到记录提交为止（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Talk time + wrap-up time of the finalised call</source>
        <translation>已提交通话的通话时长 + 话后处理时间</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Esc or F1 goes back to the list.</source>
        <translation>按 Esc 或 F1 返回列表。</translation>
    </message>
    <message>
        <source>From the softphone or anywhere else: run agent-assist again (for example from a desktop shortcut) and the panel comes forward with the search ready.</source>
        <translation>在软电话或其他任何地方：再次运行 agent-assist（比如双击桌面快捷方式），面板就会回到最前面，可以直接搜索。</translation>
    </message>
</context>
<context>
    <name>CopyFlow</name>
    <message>
        <source>This is a reminder for you, not words for the customer: nothing copied.</source>
        <translation>这是给你的提醒，不是对客户说的话：没有复制。</translation>
    </message>
    <message>
        <source>Copied · %1</source>
        <translation>已复制 · %1</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>Call records</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Report workbook (XLSX)</source>
        <translation>报表工作簿 (XLSX)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Raw: UTC times, for other systems</source>
        <translation>原始格式：UTC 时间，供其他系统使用</translation>
    </message>
    <message>
        <source>Plain UTF-8 with ISO 8601 UTC times and no escaping; import reads it back</source>
        <translation>纯 UTF-8，时间为 ISO 8601 格式的 UTC 时间，不做转义；可以用导入功能读回</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Calls are picked by start day, follow-ups by due day (local days, inclusive).</source>
        <translation>通话按开始日期筛选，跟进事项按到期日期筛选（本地日期，含首尾两天）。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the report workbook</source>
        <translation>导出报表工作簿</translation>
    </message>
    <message>
        <source>Save the report workbook</source>
        <translation>保存报表工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n call(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 通通话的报表写入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入文件。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export failed (see the log).</source>
        <translation>导出失败（详见日志）。</translation>
    </message>
</context>
<context>
    <name>FillForm</name>
    <message>
        <source>Tab: next field · Enter: copy · Esc: back</source>
        <translation>Tab：下一项 · Enter：复制 · Esc：返回</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the filled-in text (Enter)</source>
        <translation>复制填好的内容（Enter）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the list without copying (Esc)</source>
        <translation>不复制，返回列表（Esc）</translation>
    </message>
    <message>
        <source>Still empty: %1</source>
        <translation>还没填：%1</translation>
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
        <translation>即将到期</translation>
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
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>Next business day, opening time</source>
        <translation>下一个工作日上班时</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>已推迟到 %1 再提醒</translation>
    </message>
    <message>
        <source>That record is no longer in the store.</source>
        <translation>这条记录已经不在数据库里了。</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) came due while the panel was closed</source>
        <translation>
            <numerusform>面板关闭期间有 %n 条跟进到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due now</source>
        <translation>
            <numerusform>%n 条跟进现在到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a follow-up due %1 to this call? (Ctrl+T)</source>
        <translation>为这通电话添加一条 %1 到期的跟进？（Ctrl+T）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>No follow-up to add: copy a dated promise first.</source>
        <translation>没有可添加的跟进：先复制一条带日期的承诺。</translation>
    </message>
    <message>
        <source>me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>No call running: follow-up %1 kept in a draft record, listed under Follow-ups (Ctrl+3). Ctrl+N starts the call on it.</source>
        <translation>当前没有通话：跟进（%1）已存入一条草稿记录，列在跟进事项中（Ctrl+3）。按 Ctrl+N 在这条记录上开始通话。</translation>
    </message>
    <message>
        <source>Follow-up added: %1 · listed under Follow-ups (Ctrl+3)</source>
        <translation>已添加跟进：%1 · 列在跟进事项中（Ctrl+3）</translation>
    </message>
</context>
<context>
    <name>FollowUpListModel</name>
    <message>
        <source>no contact yet</source>
        <translation>尚无联系方式</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <source>Due soon: %1</source>
        <translation>即将到期：%1</translation>
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
        <translation>没有待办的跟进。复制带日期的承诺时可以顺手添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n open follow-up(s)</source>
        <translation>
            <numerusform>%n 条待办跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条已逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LintHighlighter</name>
    <message>
        <source>It is like: %1</source>
        <translation>打个比方：%1</translation>
    </message>
    <message>
        <source>Say instead: %1</source>
        <translation>换个说法：%1</translation>
    </message>
    <message>
        <source>Right-click or the Menu key to fix it.</source>
        <translation>右键单击或按菜单键修改。</translation>
    </message>
    <message>
        <source>Make it a dated commitment: %1</source>
        <translation>改成有具体时间的承诺：%1</translation>
    </message>
    <message>
        <source>Say it plainly: %1</source>
        <translation>说得通俗些：%1</translation>
    </message>
    <message>
        <source>Add the analogy: %1</source>
        <translation>加上比方：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Agent Assist</source>
        <translation>坐席助手</translation>
    </message>
    <message>
        <source>Loading playbook…</source>
        <translation>正在加载话术库…</translation>
    </message>
    <message>
        <source>Search: 中文, pinyin, English</source>
        <translation>搜索：中文、拼音、English</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部情绪阶段</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Fill in…</source>
        <translation>填空…</translation>
    </message>
    <message>
        <source>Next wording</source>
        <translation>下一个说法</translation>
    </message>
    <message numerus="yes">
        <source>%n phrasing(s) · F1 for shortcuts</source>
        <translation>
            <numerusform>共 %n 条话术 · 按 F1 查看快捷键</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches. Try pinyin, fewer words, or Alt+0.</source>
        <translation>没有匹配的话术。试试拼音、少输几个字，或按 Alt+0。</translation>
    </message>
    <message>
        <source>✓ used in this call</source>
        <translation>✓ 本次通话已用</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <source>Star removed</source>
        <translation>已取消收藏</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>设置没有保存：%1</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Handoff copied and kept in the record</source>
        <translation>交接说明已复制，并存入记录</translation>
    </message>
    <message>
        <source>New call · %1</source>
        <translation>新通话 · %1</translation>
    </message>
    <message>
        <source>No call is running (Ctrl+N starts one).</source>
        <translation>当前没有通话（按 Ctrl+N 开始）。</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved call note(s) from last time.</source>
        <translation>
            <numerusform>已恢复上次 %n 条未保存的通话记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept as draft record(s) under Recent.</source>
        <translation>
            <numerusform>另有 %n 条已存为草稿，可在“最近”里找到。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes could not be kept as a draft: %1 They stay in the form.</source>
        <translation>记录没能存为草稿：%1 内容仍保留在表单里。</translation>
    </message>
    <message>
        <source>Note the facts and demands first.</source>
        <translation>请先记下事实和诉求。</translation>
    </message>
    <message>
        <source>Drafted: check the wording (Ctrl+Z undoes).</source>
        <translation>已起草：请检查措辞（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <source>Final record</source>
        <translation>已提交的记录</translation>
    </message>
    <message>
        <source>Call running · draft</source>
        <translation>通话中 · 草稿</translation>
    </message>
    <message>
        <source>Call ended · talk %1 · wrap-up running (Ctrl+E resumes the call)</source>
        <translation>通话已结束 · 通话 %1 · 话后计时中（按 Ctrl+E 恢复通话）</translation>
    </message>
    <message>
        <source>Call resumed · talk time goes on from %1</source>
        <translation>通话已恢复 · 通话时长从 %1 继续计时</translation>
    </message>
    <message>
        <source>Wrap-up · Ctrl+Enter finalises, Ctrl+E resumes</source>
        <translation>话后处理 · 按 Ctrl+Enter 提交，按 Ctrl+E 恢复通话</translation>
    </message>
    <message>
        <source>Draft · Ctrl+N starts a call</source>
        <translation>草稿 · 按 Ctrl+N 开始通话</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>新通话</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>结束通话</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>✎ Draft request and key problem</source>
        <translation>✎ 起草来电事由和核心问题</translation>
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
        <translation>稍后提醒…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>NotesForm</name>
    <message>
        <source>While listening</source>
        <translation>边听边记</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>separate with ;</source>
        <translation>用 ; 分隔</translation>
    </message>
    <message>
        <source>More fields (%1)</source>
        <translation>更多字段（%1）</translation>
    </message>
    <message>
        <source>Show or hide the fields the centre does not require</source>
        <translation>显示或隐藏中心不要求填写的字段</translation>
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
        <translation>打开之前保存的记录</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>还缺：%1</translation>
    </message>
</context>
<context>
    <name>PanelPages</name>
    <message>
        <source>Playbook</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
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
            <numerusform>已跳过 %n 处话术问题，例如：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The playbook could not be loaded: %1</source>
        <translation>话术库加载失败：%1</translation>
    </message>
    <message>
        <source>The store could not be opened; your notes are kept as drafts.</source>
        <translation>无法打开数据库，通话记录先存为草稿。</translation>
    </message>
    <message>
        <source>Favourites and history are off: %1</source>
        <translation>收藏和使用记录已停用：%1</translation>
    </message>
    <message>
        <source>Favourites and history could not be saved (see the log).</source>
        <translation>收藏和使用记录没能保存（详见日志）。</translation>
    </message>
    <message>
        <source>No backup today: %1</source>
        <translation>今天没有备份：%1</translation>
    </message>
    <message>
        <source>No backup today (see the log).</source>
        <translation>今天没有备份（详见日志）。</translation>
    </message>
</context>
<context>
    <name>PanelSync</name>
    <message>
        <source>Team sync failed: %1</source>
        <translation>团队同步失败：%1</translation>
    </message>
    <message>
        <source>Team sync: offline · last synced %1</source>
        <translation>团队同步：离线 · 上次同步 %1</translation>
    </message>
    <message>
        <source>Team sync %1 · %2 sent</source>
        <translation>团队同步 %1 · 已上传 %2 条</translation>
    </message>
    <message>
        <source>%1 record(s) erased team-wide removed here</source>
        <translation>已按团队删除要求移除本机 %1 条记录</translation>
    </message>
    <message>
        <source>%1 conflict(s): the newer edit was kept</source>
        <translation>%1 处冲突：已保留较新的修改</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <source>My phrase</source>
        <translation>我的话术</translation>
    </message>
    <message>
        <source>words it is found by, separated by commas</source>
        <translation>用于搜索的词，用逗号分隔</translation>
    </message>
    <message>
        <source>optional, e.g. th1</source>
        <translation>可选，例如 th1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Shortcode</source>
        <translation>快捷码</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>话术内容</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Blanks found: %1</source>
        <translation>找到的空白：%1</translation>
    </message>
</context>
<context>
    <name>PhraseFlow</name>
    <message>
        <source>Only your own phrases can be deleted; Ctrl+Shift+C edits a copy.</source>
        <translation>只能删除你自己的话术；Ctrl+Shift+C 可编辑一份副本。</translation>
    </message>
    <message>
        <source>Deleted “%1” (Alt+U brings it back)</source>
        <translation>已删除“%1”（Alt+U 可恢复）</translation>
    </message>
    <message>
        <source>Nothing to undo in your phrases</source>
        <translation>你的话术没有可撤销的更改</translation>
    </message>
    <message>
        <source>Your last phrase change is undone</source>
        <translation>已撤销你对话术的上一次更改</translation>
    </message>
    <message>
        <source>No team server is set: run &apos;agent-assist sync --login URL&apos; first</source>
        <translation>尚未设置团队服务器：请先运行 &apos;agent-assist sync --login URL&apos;</translation>
    </message>
    <message>
        <source>You have no phrases of your own to publish</source>
        <translation>你还没有可发布的自己的话术</translation>
    </message>
    <message>
        <source>Publishing team pack %1…</source>
        <translation>正在发布团队话术包 %1…</translation>
    </message>
    <message>
        <source>Published team pack %1 (%2 phrases); agents get it at their next sync</source>
        <translation>已发布团队话术包 %1（%2 条话术）；坐席下次同步时即可获得</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>未发布：%1</translation>
    </message>
    <message>
        <source>Saved as your phrase: %1 (Alt+U undoes)</source>
        <translation>已保存为你的话术：%1（Alt+U 可撤销）</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Plain meaning</source>
        <translation>大白话</translation>
    </message>
    <message>
        <source>It is like…</source>
        <translation>打个比方…</translation>
    </message>
    <message>
        <source>⚠ Avoid this — a reminder for you, never copied</source>
        <translation>⚠ 避免这样说——只是提醒你，不会被复制</translation>
    </message>
    <message>
        <source>Wording %1 of %2 · Alt+→ next</source>
        <translation>说法 %1/%2 · Alt+→ 下一个</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>说法</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish my phrases to the team</source>
        <translation>把我的话术发布给团队</translation>
    </message>
    <message>
        <source>e.g. team-billing</source>
        <translation>例如 team-billing</translation>
    </message>
    <message>
        <source>the name agents see</source>
        <translation>坐席看到的名称</translation>
    </message>
    <message>
        <source>Team pack id</source>
        <translation>团队话术包 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phrases (Space ticks or unticks)</source>
        <translation>话术（空格键勾选或取消）</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
</context>
<context>
    <name>RecordFollowUps</name>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>Who keeps this promise</source>
        <translation>由谁兑现这个承诺</translation>
    </message>
    <message>
        <source>Due: pick a time</source>
        <translation>到期时间：请选择</translation>
    </message>
    <message>
        <source>When it must be done</source>
        <translation>必须完成的时间</translation>
    </message>
    <message>
        <source>Plan: what will be done</source>
        <translation>计划：要做什么</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add this follow-up to the record</source>
        <translation>把这条跟进加到记录里</translation>
    </message>
    <message>
        <source>Cancel this follow-up</source>
        <translation>取消这条跟进</translation>
    </message>
    <message>
        <source>Still empty: %1</source>
        <translation>还没填：%1</translation>
    </message>
    <message>
        <source>%1 is in the past: pick a later time</source>
        <translation>%1已过：请选一个更晚的时间</translation>
    </message>
</context>
<context>
    <name>RecordSaver</name>
    <message>
        <source>Not final yet: saved as a draft.</source>
        <translation>还不能提交：已存为草稿。</translation>
    </message>
    <message>
        <source>Not final yet: saved as a draft. The call is still running.</source>
        <translation>还不能提交：已存为草稿。通话仍在进行。</translation>
    </message>
    <message>
        <source>Final · %1</source>
        <translation>已提交 · %1</translation>
    </message>
    <message>
        <source>Saved · %1</source>
        <translation>已保存 · %1</translation>
    </message>
    <message>
        <source>Final · %1 · call ended, talk %2</source>
        <translation>已提交 · %1 · 通话已结束，通话 %2</translation>
    </message>
    <message>
        <source>Card numbers are never stored: masked in %1.</source>
        <translation>卡号一律不保存：%1 中的卡号已遮盖。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: %1 Your notes stay in the form.</source>
        <translation>未保存：%1 内容仍保留在表单里。</translation>
    </message>
    <message>
        <source>Not saved (see the log). Your notes stay in the form.</source>
        <translation>未保存（详见日志）。内容仍保留在表单里。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Agent Assist settings</source>
        <translation>坐席助手设置</translation>
    </message>
    <message>
        <source>as you say it on the phone</source>
        <translation>电话里自我介绍用的名字</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>你的名字(&amp;Y)</translation>
    </message>
    <message>
        <source>Agent &amp;ID</source>
        <translation>工号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dock on</source>
        <translation>停靠位置(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Country (holidays)</source>
        <translation>国家/地区（节假日）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Office hours</source>
        <translation>上班时间(&amp;O)</translation>
    </message>
    <message>
        <source>After copying, paste into the window I came from</source>
        <translation>复制后粘贴到我原来的窗口</translation>
    </message>
    <message>
        <source>&amp;Summon key (from any program)</source>
        <translation>呼出键（任何程序中）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Applies after a restart: quit Agent Assist (Ctrl+Q) and open it again.</source>
        <translation>重启后生效：先退出坐席助手（Ctrl+Q），再重新打开。</translation>
    </message>
    <message>
        <source>Office hours: write them as HH:MM-HH:MM, e.g. 09:00-18:00, ending after they start.</source>
        <translation>上班时间：请写成 HH:MM-HH:MM，如 09:00-18:00，结束要晚于开始。</translation>
    </message>
    <message>
        <source>Summon key: hold Ctrl, Alt or Meta with one key, e.g. Ctrl+Alt+Space.</source>
        <translation>呼出键：按住 Ctrl、Alt 或 Meta 再加一个键，例如 Ctrl+Alt+Space。</translation>
    </message>
    <message>
        <source>Country: the holiday calendar does not know %1; use a country code such as CN, HK, TW or US.</source>
        <translation>国家/地区：节假日日历里没有 %1；请填写国家/地区代码，如 CN、HK、TW 或 US。</translation>
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
        <translation>今日通话</translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>未完成的跟进</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>已逾期的跟进</translation>
    </message>
    <message>
        <source>Promises kept today</source>
        <translation>今日兑现的承诺</translation>
    </message>
    <message>
        <source>Handle time is talk plus wrap-up time. A promise is kept when its follow-up is done by the due time; counted once it is due.</source>
        <translation>处理时长 = 通话时长 + 话后整理时长。跟进在到期前完成即为兑现承诺；到期后才计入。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Write today&apos;s report…</source>
        <translation>生成今日报表…</translation>
    </message>
    <message>
        <source>My shift · %1</source>
        <translation>我的班次 · %1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%2 个中兑现 %1 个（%3%）</translation>
    </message>
    <message>
        <source>none due yet</source>
        <translation>暂无到期</translation>
    </message>
    <message>
        <source>Figures not read: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>Save today&apos;s report</source>
        <translation>保存今日报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n call(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 通通话的报表写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>已取消报表，没有写入文件。</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>报表未写入：%1</translation>
    </message>
    <message>
        <source>Report not written (see the log).</source>
        <translation>报表未写入（详见日志）。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show or hide the panel</source>
        <translation>显示/隐藏面板</translation>
    </message>
    <message>
        <source>Agent Assist</source>
        <translation>坐席助手</translation>
    </message>
</context>
<context>
    <name>_Message</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Playbook</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Search the playbook</source>
        <translation>搜索话术库</translation>
    </message>
    <message>
        <source>Move through the results</source>
        <translation>在结果里上下移动</translation>
    </message>
    <message>
        <source>Copy the selected wording</source>
        <translation>复制选中的说法</translation>
    </message>
    <message>
        <source>Fill in the blanks, then copy</source>
        <translation>先填空，再复制</translation>
    </message>
    <message>
        <source>Star or unstar the selection</source>
        <translation>收藏或取消收藏选中项</translation>
    </message>
    <message>
        <source>Next wording</source>
        <translation>下一个说法</translation>
    </message>
    <message>
        <source>Previous wording</source>
        <translation>上一个说法</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <source>Filter by emotion stage</source>
        <translation>按情绪阶段筛选</translation>
    </message>
    <message>
        <source>Show all categories and stages</source>
        <translation>显示全部类别和阶段</translation>
    </message>
    <message>
        <source>Clear the search; again: hide</source>
        <translation>清空搜索；再按一次：隐藏</translation>
    </message>
    <message>
        <source>Save as my phrase (the filled-in words, or a new one)</source>
        <translation>存为我的话术（已填写的内容，或新建）</translation>
    </message>
    <message>
        <source>Edit my phrase, or edit a copy of the selection</source>
        <translation>编辑我的话术，或编辑所选话术的副本</translation>
    </message>
    <message>
        <source>Delete my selected phrase</source>
        <translation>删除所选的我的话术</translation>
    </message>
    <message>
        <source>Undo the last change to my phrases</source>
        <translation>撤销对我的话术的上一次更改</translation>
    </message>
    <message>
        <source>Publish my phrases to the team (supervisors)</source>
        <translation>把我的话术发布给团队（主管）</translation>
    </message>
    <message>
        <source>Start a new call and its timer</source>
        <translation>开始新通话并计时</translation>
    </message>
    <message>
        <source>End the call (wrap-up time starts); again: resume it</source>
        <translation>结束通话（开始话后计时）；再按一次：恢复通话</translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Finalise the record</source>
        <translation>提交记录</translation>
    </message>
    <message>
        <source>Draft request and key problem from facts, emotions, demands</source>
        <translation>根据事实、情绪、诉求起草来电事由和核心问题</translation>
    </message>
    <message>
        <source>Write the handoff, copy it and keep it in the record</source>
        <translation>写好交接说明，复制并存入记录</translation>
    </message>
    <message>
        <source>Add the offered follow-up to this call</source>
        <translation>把建议的跟进加到这通电话</translation>
    </message>
    <message>
        <source>Mark the follow-up done</source>
        <translation>把跟进标为已完成</translation>
    </message>
    <message>
        <source>Snooze the follow-up</source>
        <translation>跟进稍后再提醒</translation>
    </message>
    <message>
        <source>Open the follow-up&apos;s record</source>
        <translation>打开跟进所属的记录</translation>
    </message>
    <message>
        <source>Export records to CSV</source>
        <translation>把记录导出为 CSV</translation>
    </message>
    <message>
        <source>Show the playbook</source>
        <translation>显示话术库</translation>
    </message>
    <message>
        <source>Show the call notes</source>
        <translation>显示通话记录</translation>
    </message>
    <message>
        <source>Show the follow-ups</source>
        <translation>显示跟进事项</translation>
    </message>
    <message>
        <source>Show my shift and today&apos;s report</source>
        <translation>显示我的班次和今日报表</translation>
    </message>
    <message>
        <source>Hide the panel</source>
        <translation>隐藏面板</translation>
    </message>
    <message>
        <source>Dock on the other edge</source>
        <translation>停靠到另一侧</translation>
    </message>
    <message>
        <source>Move to the next screen</source>
        <translation>移到下一个屏幕</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Quit Agent Assist</source>
        <translation>退出坐席助手</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>Cannot reach the clipboard: install xclip or xsel (X11) or wl-clipboard (Wayland), then copy again.</source>
        <translation>无法访问剪贴板：请安装 xclip 或 xsel（X11）或 wl-clipboard（Wayland），然后重新复制。</translation>
    </message>
    <message>
        <source>Cannot reach the system clipboard; copy again in a moment.</source>
        <translation>暂时无法访问系统剪贴板，请稍后再复制。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Questioning</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Plain language</source>
        <translation>术语解释</translation>
    </message>
    <message>
        <source>De-escalation</source>
        <translation>情绪安抚</translation>
    </message>
    <message>
        <source>Sandwich</source>
        <translation>三明治沟通</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Crisis notice</source>
        <translation>危机通知</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Written reply</source>
        <translation>书面回复</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议处理</translation>
    </message>
    <message>
        <source>Proactive care</source>
        <translation>主动关怀</translation>
    </message>
    <message>
        <source>Cross-cultural</source>
        <translation>跨文化沟通</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <source>Hostile</source>
        <translation>对抗</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>your agent ID</source>
        <translation>你的工号</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>customer title</source>
        <translation>客户称呼</translation>
    </message>
    <message>
        <source>customer contact</source>
        <translation>客户联系方式</translation>
    </message>
    <message>
        <source>account</source>
        <translation>客户账号</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>呼叫方向</translation>
    </message>
    <message>
        <source>Connected?</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>How to address</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>来电情绪</translation>
    </message>
    <message>
        <source>Emotion at end</source>
        <translation>结束时情绪</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>来电事由</translation>
    </message>
    <message>
        <source>Key problem</source>
        <translation>核心问题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决情况</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>结案分类</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>升级至</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>语音信箱</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>呼叫失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rational: data first</source>
        <translation>理性型：先摆数据</translation>
    </message>
    <message>
        <source>Emotional: stories</source>
        <translation>感性型：多举实例</translation>
    </message>
    <message>
        <source>Direct: point first</source>
        <translation>直接型：先说结论</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>还不确定</translation>
    </message>
    <message>
        <source>L1 basic inquiry</source>
        <translation>L1 基础咨询</translation>
    </message>
    <message>
        <source>L2 complex inquiry</source>
        <translation>L2 复杂咨询</translation>
    </message>
    <message>
        <source>L3 technical fault</source>
        <translation>L3 技术故障</translation>
    </message>
    <message>
        <source>L4 major complaint</source>
        <translation>L4 重大投诉</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation>部分解决</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Information provided</source>
        <translation>已提供信息</translation>
    </message>
    <message>
        <source>Resolved on first contact</source>
        <translation>首次联系即解决</translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation>已约定回电</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <source>Complaint logged</source>
        <translation>已登记投诉</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>无需处理</translation>
    </message>
</context>
<context>
    <name>summon</name>
    <message>
        <source>No summon key on Wayland: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>无法在 Wayland 上使用呼出键：请在桌面的键盘设置中把“agent-assist --toggle”绑定到一个按键。</translation>
    </message>
    <message>
        <source>No summon key on this desktop: bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>此桌面无法使用呼出键：请在桌面的键盘设置中把“agent-assist --toggle”绑定到一个按键。</translation>
    </message>
    <message>
        <source>Show or hide the Agent Assist panel</source>
        <translation>显示或隐藏 Agent Assist 面板</translation>
    </message>
    <message>
        <source>Summon key %1: another program holds it, or it is not a key here; choose another in Settings (Ctrl+,).</source>
        <translation>呼出键 %1：已被其他程序占用，或此处没有这个键；请在设置（Ctrl+,）中另选一个。</translation>
    </message>
    <message>
        <source>Summon key %1: the desktop did not give it; bind “agent-assist --toggle” to a key in your desktop&apos;s keyboard settings.</source>
        <translation>呼出键 %1：桌面没有分配该按键；请在桌面的键盘设置中把“agent-assist --toggle”绑定到一个按键。</translation>
    </message>
    <message>
        <source>Copied; the window you came from did not take focus, paste with Ctrl+V.</source>
        <translation>已复制；原来的窗口没有取得焦点，请用 Ctrl+V 粘贴。</translation>
    </message>
</context>
</TS>
