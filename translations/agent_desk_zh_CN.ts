<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="37"/>
        <source>Edit article</source>
        <translation>编辑文章</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="37"/>
        <source>New article</source>
        <translation>新建文章</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="46"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="47"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="55"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="55"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="56"/>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="56"/>
        <location filename="../agent_desk/ui/article_editor.py" line="63"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="57"/>
        <source>Ta&amp;gs (comma separated):</source>
        <translation>标签(逗号分隔)(&amp;G):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="57"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="58"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="58"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="59"/>
        <source>&amp;Body:</source>
        <translation>正文(&amp;B):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="59"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="68"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="83"/>
        <source>Title, category and body must not be empty.</source>
        <translation>标题、分类和正文都不能为空。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="85"/>
        <source>The body is longer than %1 characters.</source>
        <translation>正文超过了 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/article_editor.py" line="87"/>
        <source>At most 12 tags of up to 32 characters, and a category of up to 32.</source>
        <translation>最多 12 个标签,每个最长 32 个字符;分类最长 32 个字符。</translation>
    </message>
</context>
<context>
    <name>ChatTabs</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="30"/>
        <source>PRACTICE</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="34"/>
        <source>(%1 new)</source>
        <translation>(%1 条新消息)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="36"/>
        <source>[closed]</source>
        <translation>[已结束]</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="38"/>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="36"/>
        <source>waiting %1 s</source>
        <translation>已等待 %1 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="37"/>
        <source>waiting %1 min %2 s</source>
        <translation>已等待 %1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="114"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="117"/>
        <source>Waiting time</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="119"/>
        <source>Typing indicator</source>
        <translation>输入状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="121"/>
        <source>Chat state</source>
        <translation>会话状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="124"/>
        <source>Response timer</source>
        <translation>响应计时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="126"/>
        <source>Answer ratio (答问比)</source>
        <translation>答问比</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="130"/>
        <source>Escalation</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="134"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="139"/>
        <source>Private note from your lead</source>
        <translation>组长的私信</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="142"/>
        <source>Observed</source>
        <translation>被旁听</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="162"/>
        <source>Messages with %1</source>
        <translation>与 %1 的消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="170"/>
        <source>Reply to %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="171"/>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>回车发送,Shift+回车换行</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="172"/>
        <source>Type a reply. Enter sends, Shift+Enter adds a line.</source>
        <translation>输入回复。回车发送,Shift+回车换行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="176"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="177"/>
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="212"/>
        <source>Earlier chats with this shop</source>
        <translation>该顾客在本店的历史会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="214"/>
        <source>Earlier chats with this customer</source>
        <translation>该顾客的历史会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="232"/>
        <source>customer is typing…</source>
        <translation>顾客正在输入…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="235"/>
        <source>Closed (read-only)</source>
        <translation>已结束(只读)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="237"/>
        <source>No longer yours (read-only)</source>
        <translation>已转给他人(只读)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="326"/>
        <source>No earlier chats</source>
        <translation>没有历史会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="329"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="330"/>
        <source>, rated %1 of 5</source>
        <translation>,评分 %1/5</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="157"/>
        <source>Floor dashboard</source>
        <translation>现场看板</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="160"/>
        <source>Live figures</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="163"/>
        <source>Today&apos;s figures</source>
        <translation>今日数据</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="166"/>
        <source>Chart: queue and crisis quotient over the last hours</source>
        <translation>图表:最近几小时的排队数和危机系数</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="168"/>
        <source>Chart: first-response times today</source>
        <translation>图表:今日首次响应时间分布</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="172"/>
        <source>Per-agent figures today</source>
        <translation>今日各客服数据</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="175"/>
        <source>CSV file to export to</source>
        <translation>导出的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="176"/>
        <source>&amp;Export CSV</source>
        <translation>导出 CSV(&amp;E)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="178"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="194"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="194"/>
        <source>busy</source>
        <translation>繁忙</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="194"/>
        <source>OVERLOAD</source>
        <translation>超负荷</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="197"/>
        <source>Agents online %1 (available %2, away %3, paused %4) · active chats %5 · queue %6, longest wait %7 s · capacity %8 · CQ %9 (%10)</source>
        <translation>在线客服 %1(接待 %2,离开 %3,暂停 %4) · 进行中会话 %5 · 排队 %6,最长等待 %7 秒 · 产能 %8 · 危机系数 %9(%10)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="227"/>
        <source>first reply %1 on average, %2 within target</source>
        <translation>首次回复平均 %1,%2 达标</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="230"/>
        <source>average response %1</source>
        <translation>平均响应 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="231"/>
        <source>答问比 %1</source>
        <translation>答问比 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="232"/>
        <source>satisfied %1, dissatisfied %2, rated %3</source>
        <translation>满意率 %1,不满率 %2,参评率 %3</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="236"/>
        <source>%1 escalations, %2 chats closed</source>
        <translation>转接 %1 次,结束会话 %2 个</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="244"/>
        <source>Queue</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="245"/>
        <source>CQ × 10</source>
        <translation>危机系数 × 10</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="252"/>
        <source>Queue and CQ (minutes)</source>
        <translation>排队与危机系数(分钟)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="257"/>
        <source>First replies</source>
        <translation>首次回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="263"/>
        <source>First-response times today</source>
        <translation>今日首次响应时间</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="279"/>
        <source>No first replies yet today.</source>
        <translation>今天还没有首次回复。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="281"/>
        <source>First replies today by time taken: %1.</source>
        <translation>今天的首次回复按用时分布：%1。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="285"/>
        <source>No queue figures yet.</source>
        <translation>还没有排队数据。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="289"/>
        <source>Over the last %1 hours: %2 waiting now, at most %3; CQ now %4, at most %5.</source>
        <translation>过去 %1 小时：当前排队 %2 人，最多 %3 人；当前 CQ %4，最高 %5。</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="153"/>
        <source>Not connected: try again when the connection is back.</source>
        <translation>未连接:请在连接恢复后重试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="225"/>
        <source>PRACTICE with %1: not a real customer</source>
        <translation>练习(带教 %1):不是真实顾客</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="226"/>
        <source>Practice chat from %1</source>
        <translation>来自 %1 的练习会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="229"/>
        <source>New chat from %1</source>
        <translation>%1 发起了新会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="290"/>
        <source>%1 says: %2</source>
        <translation>%1 说:%2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="293"/>
        <source>%1 left the chat</source>
        <translation>%1 已离开会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="333"/>
        <source>The chat with %1 moved to another agent</source>
        <translation>与 %1 的会话已转给其他客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="340"/>
        <source>Connection lost. Reconnecting… Your unsent messages are kept.</source>
        <translation>连接已断开,正在重连…未发出的消息已保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="344"/>
        <source>Your session has ended: please log in again. (%1)</source>
        <translation>登录已失效,请重新登录。(%1)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="349"/>
        <source>The desk stopped connecting: %1</source>
        <translation>工作台已停止连接:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="366"/>
        <source>Reconnected. %1 messages arrived while you were away.</source>
        <translation>已重新连接。断线期间收到 %1 条消息。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="385"/>
        <source>A message to %1 was not sent: %2</source>
        <translation>发给 %1 的消息未发出:%2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="406"/>
        <source>No customer is waiting for an answer</source>
        <translation>没有等待回复的顾客</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="507"/>
        <source>Watching (read-only): the agent handles this chat</source>
        <translation>旁听中(只读):由客服接待此会话</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../agent_desk/ui/app.py" line="157"/>
        <source>There is no CA file at %1.</source>
        <translation>%1 处没有 CA 证书文件。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/app.py" line="173"/>
        <source>The server&apos;s certificate is not trusted (%1). If your team uses its own certificate, enter its file under CA file (or start the desk with --ca-file).</source>
        <translation>服务器证书不受信任(%1)。如果团队使用自己的证书,请在“CA 文件”中填写该证书文件(或用 --ca-file 启动工作台)。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/app.py" line="184"/>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/app.py" line="191"/>
        <source>No usable system keyring was found, so your session is kept in memory only: you will need to log in again next time. Your password is never stored.</source>
        <translation>没有找到可用的系统钥匙串,登录会话只保存在内存中:下次需要重新登录。密码从不保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/app.py" line="282"/>
        <source>Language saved. Restart the desk to translate every open window.</source>
        <translation>语言已保存。重启工作台后所有窗口都会切换。</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="26"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="27"/>
        <source>Your session has ended. Log in again.</source>
        <translation>登录已失效，请重新登录。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="28"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="29"/>
        <source>That is no longer there: it may have been closed or deleted.</source>
        <translation>该内容已不存在：可能已被关闭或删除。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="32"/>
        <source>That cannot be done now.</source>
        <translation>当前无法执行此操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="33"/>
        <source>The server asked the desk to slow down. Try again in a moment.</source>
        <translation>服务器要求放慢发送速度，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="36"/>
        <source>The server cannot save anything just now. Nothing was changed; try again later.</source>
        <translation>服务器暂时无法保存任何内容。未做任何更改，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="39"/>
        <source>The server failed to do this. Nothing was changed; try again.</source>
        <translation>服务器执行失败。未做任何更改，请重试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="42"/>
        <source>This desk is too old or too new for the server. Ask your team lead for the right version.</source>
        <translation>此工作台版本与服务器不匹配，请向组长索取正确的版本。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="51"/>
        <source>This chat has closed.</source>
        <translation>此会话已结束。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="54"/>
        <source>This chat is already closed.</source>
        <translation>此会话已经结束。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="57"/>
        <source>This chat is no longer yours: it has moved to someone else.</source>
        <translation>此会话已不归您：已转给其他人。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="60"/>
        <source>This chat is not there any more.</source>
        <translation>此会话已不存在。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="63"/>
        <source>A message needs some text.</source>
        <translation>消息不能为空。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="76"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="84"/>
        <source>Too many failed logins. Try again in a minute.</source>
        <translation>登录失败次数过多，请 1 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="85"/>
        <source>Too many failed logins. Try again in %n minutes.</source>
        <translation>登录失败次数过多，请 %n 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/error_text.py" line="91"/>
        <source>The server did not accept this.</source>
        <translation>服务器未接受此请求。</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="80"/>
        <source>Escalate the chat with %1</source>
        <translation>转接与 %1 的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="81"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="83"/>
        <source>Escalation reason</source>
        <translation>转接原因</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="89"/>
        <source>&amp;Note for the specialist (optional):</source>
        <translation>给专家的备注(可选)(&amp;N):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="92"/>
        <source>Note for the specialist</source>
        <translation>给专家的备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="95"/>
        <source>&amp;Escalate</source>
        <translation>转接(&amp;E)</translation>
    </message>
</context>
<context>
    <name>Escalation</name>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="39"/>
        <source>Product expert</source>
        <translation>商品专家</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="40"/>
        <source>Refund / after-sales</source>
        <translation>退款/售后</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="41"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="42"/>
        <source>Technical</source>
        <translation>技术问题</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="43"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="52"/>
        <source>Escalated (%1): waiting for a specialist, place %2</source>
        <translation>已转接(%1):等待专家接待,排第 %2 位</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="54"/>
        <source>Escalated (%1): waiting for a specialist</source>
        <translation>已转接(%1):等待专家接待</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="58"/>
        <source>Escalated (%1): taken by %2</source>
        <translation>已转接(%1):%2 已接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="61"/>
        <source>Escalation resolved by %1</source>
        <translation>转接已由 %1 处理完毕</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="65"/>
        <source>Sent back by the specialist: %1</source>
        <translation>专家已退回:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="68"/>
        <source>Escalation cancelled: the chat is yours again</source>
        <translation>已取消转接:会话回到你这里</translation>
    </message>
</context>
<context>
    <name>Escalations</name>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="150"/>
        <source>&amp;Escalation</source>
        <translation>转接(&amp;E)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="152"/>
        <source>&amp;Escalate this chat…</source>
        <translation>转接当前会话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="154"/>
        <source>&amp;Cancel my escalation</source>
        <translation>取消我的转接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="156"/>
        <source>&amp;Send back to the agent…</source>
        <translation>退回给客服(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="170"/>
        <source>Open one of your chats to escalate it</source>
        <translation>请先打开你接待中的会话再转接</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="191"/>
        <source>Only a specialist sends a chat back</source>
        <translation>只有专家可以退回会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="230"/>
        <source>Escalated to you:
%1</source>
        <translation>转接给你的会话:
%1</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="90"/>
        <source>F&amp;loor</source>
        <translation>现场(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="91"/>
        <source>&amp;Live chats…</source>
        <translation>实时会话(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="92"/>
        <source>&amp;Dashboard…</source>
        <translation>看板(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="93"/>
        <source>&amp;QC queue…</source>
        <translation>质检队列(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="94"/>
        <source>&amp;Whisper to the agent…</source>
        <translation>给客服发私信(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="96"/>
        <location filename="../agent_desk/ui/floor.py" line="111"/>
        <source>My QC &amp;scores…</source>
        <translation>我的质检成绩(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="111"/>
        <source>QC &amp;scores…</source>
        <translation>质检成绩(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="150"/>
        <source>Watching %1 with %2</source>
        <translation>正在旁听 %2 与 %1 的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="174"/>
        <source>Note sent</source>
        <translation>私信已发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="182"/>
        <source>Private note from %1: %2</source>
        <translation>%1 的私信:%2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="189"/>
        <source>👁 A team lead is watching this chat</source>
        <translation>👁 组长正在旁听这个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="192"/>
        <source>The team lead stopped watching</source>
        <translation>组长已停止旁听</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="197"/>
        <source>QC score %1/100 for a chat (appeal: %2)</source>
        <translation>质检成绩 %1/100(申诉:%2)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="205"/>
        <source>Floor %1: crisis quotient %2</source>
        <translation>现场状态 %1:危机系数 %2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="230"/>
        <source>Exported the agent table</source>
        <translation>已导出客服数据表</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="245"/>
        <source>Nothing waiting for QC today</source>
        <translation>今天没有待质检的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="248"/>
        <source>QC: %1 with %2</source>
        <translation>质检:%1 与 %2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="260"/>
        <source>QC score saved</source>
        <translation>质检成绩已保存</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="273"/>
        <source>Exported %1 QC scores</source>
        <translation>已导出 %1 条质检成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="277"/>
        <source>Appeal sent</source>
        <translation>申诉已提交</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor.py" line="283"/>
        <source>Appeal resolved</source>
        <translation>申诉已处理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="20"/>
        <source>late first reply</source>
        <translation>首次回复超时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="21"/>
        <source>答问比 out of band</source>
        <translation>答问比超出范围</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="22"/>
        <source>long chat</source>
        <translation>会话过长</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="23"/>
        <source>low rating before</source>
        <translation>曾给差评</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="24"/>
        <source>escalated</source>
        <translation>已转接</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="83"/>
        <location filename="../agent_desk/ui/floor_models.py" line="104"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="84"/>
        <source>(queued)</source>
        <translation>(排队中)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="86"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="88"/>
        <source>Waiting s</source>
        <translation>等待(秒)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="92"/>
        <source>Handling min</source>
        <translation>接待(分)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="95"/>
        <source>First reply s</source>
        <translation>首次回复(秒)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="96"/>
        <location filename="../agent_desk/ui/floor_models.py" line="111"/>
        <source>答问比</source>
        <translation>答问比</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="97"/>
        <source>Escalation</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="98"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="105"/>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="106"/>
        <source>Online h</source>
        <translation>在线(小时)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="107"/>
        <source>CPH</source>
        <translation>每小时接待</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="108"/>
        <source>First reply avg s</source>
        <translation>首次回复平均(秒)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="109"/>
        <source>Within target</source>
        <translation>达标率</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="110"/>
        <source>Avg response s</source>
        <translation>平均响应(秒)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="112"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="113"/>
        <source>Dissatisfied</source>
        <translation>不满率</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="114"/>
        <source>Rated</source>
        <translation>参评率</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_models.py" line="115"/>
        <source>Escalated</source>
        <translation>转接</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="25"/>
        <location filename="../agent_desk/ui/history_dialog.py" line="28"/>
        <source>Closed chats</source>
        <translation>已结束的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="26"/>
        <source>&amp;Closed chats, newest first (Enter opens one):</source>
        <translation>已结束的会话,最新的在前(回车打开)(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="32"/>
        <source> · rated %1 of 5</source>
        <translation> · 评分 %1/5</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="36"/>
        <source>No closed chats yet</source>
        <translation>还没有已结束的会话</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <location filename="../agent_desk/ui/knowledge.py" line="61"/>
        <source>Search the knowledge base</source>
        <translation>搜索知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge.py" line="77"/>
        <source>Suggested for: %1</source>
        <translation>为这句推荐:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge.py" line="79"/>
        <source>%1 articles for “%2”</source>
        <translation>“%2”共 %1 篇文章</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge.py" line="110"/>
        <source>Open a chat to insert into</source>
        <translation>请先打开一个会话再插入</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge.py" line="144"/>
        <source>Article saved</source>
        <translation>文章已保存</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge.py" line="150"/>
        <source>Article deleted</source>
        <translation>文章已删除</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="68"/>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="72"/>
        <source>Search the knowledge base</source>
        <translation>搜索知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="73"/>
        <source>Search articles (F4)</source>
        <translation>搜索文章(F4)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="76"/>
        <source>Knowledge results heading</source>
        <translation>知识库结果标题</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="78"/>
        <source>Articles: Enter inserts the answer, Shift+Enter the excerpt</source>
        <translation>文章:回车插入答案,Shift+回车插入摘录</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="82"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="83"/>
        <source>Insert &amp;answer</source>
        <translation>插入答案(&amp;A)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="84"/>
        <source>Insert e&amp;xcerpt</source>
        <translation>插入摘录(&amp;X)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="85"/>
        <source>&amp;New article…</source>
        <translation>新建文章(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="86"/>
        <source>&amp;Edit article…</source>
        <translation>编辑文章(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>LiveChatsWindow</name>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="78"/>
        <source>Live chats on the floor</source>
        <translation>现场实时会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="88"/>
        <source>Live chats: Enter watches, W whispers to the agent</source>
        <translation>实时会话:回车旁听,W 给客服发私信</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="90"/>
        <source>Show chats with flag</source>
        <translation>按标记筛选</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="91"/>
        <source>All chats</source>
        <translation>全部会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="95"/>
        <source>&amp;Flag:</source>
        <translation>标记(&amp;F):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="98"/>
        <source>Sort by column</source>
        <translation>按列排序</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="104"/>
        <source>S&amp;ort:</source>
        <translation>排序(&amp;O):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="107"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="119"/>
        <source>%1 live chats</source>
        <translation>%1 个实时会话</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="30"/>
        <source>Log in to AgentDesk</source>
        <translation>登录 AgentDesk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="32"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="34"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="37"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="40"/>
        <source>&amp;Remember me on this computer</source>
        <translation>在这台电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="42"/>
        <source>Keeps your session in the system keyring, never your password</source>
        <translation>只在系统钥匙串中保存登录会话,从不保存密码</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="44"/>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="46"/>
        <source>Optional: a PEM file to trust when your team&apos;s server has its own certificate</source>
        <translation>可选:团队服务器使用自有证书时要信任的 PEM 文件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="48"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="51"/>
        <source>Login message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="54"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="55"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="56"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="57"/>
        <source>&amp;CA file:</source>
        <translation>CA 文件(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="60"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="72"/>
        <source>Enter the server, your user name and your password.</source>
        <translation>请输入服务器、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="80"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="65"/>
        <source>AgentDesk — %1</source>
        <translation>AgentDesk — %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="76"/>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="81"/>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="86"/>
        <source>My status</source>
        <translation>我的状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="88"/>
        <source>Available</source>
        <translation>在线接待</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="89"/>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="90"/>
        <source>Paused (no new chats)</source>
        <translation>暂停(不接新会话)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="93"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="98"/>
        <source>My concurrent chat limit</source>
        <translation>我的同时接待上限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="99"/>
        <source>&amp;Chat limit:</source>
        <translation>接待上限(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="102"/>
        <source>Chats I hold</source>
        <translation>当前接待数</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="104"/>
        <source>My figures today</source>
        <translation>我今天的数据</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="115"/>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="118"/>
        <source>No chats yet. New chats open here as tabs.</source>
        <translation>暂无会话。新会话会以标签页打开。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="131"/>
        <source>&amp;Chats</source>
        <translation>会话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="132"/>
        <source>Go to the most &amp;urgent chat</source>
        <translation>转到最紧急的会话(&amp;U)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="134"/>
        <source>&amp;Close chat…</source>
        <translation>结束会话(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="136"/>
        <source>Closed chats (&amp;history)…</source>
        <translation>历史会话(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="140"/>
        <source>Go to chat %1</source>
        <translation>转到第 %1 个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="143"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="228"/>
        <source>%1 of %2 chats</source>
        <translation>%1/%2 个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="234"/>
        <source>Today&apos;s 答问比 %1</source>
        <translation>今日答问比 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="236"/>
        <source>first replies %1 s on average</source>
        <translation>首次回复平均 %1 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="240"/>
        <source>%1% within target</source>
        <translation>%1% 达标</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="241"/>
        <source>%1 chats</source>
        <translation>%1 个会话</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="45"/>
        <source>Customer joined the queue</source>
        <translation>顾客进入排队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="47"/>
        <source>Chat assigned to %1</source>
        <translation>会话已分配给 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="49"/>
        <source>Chat moved back to the queue</source>
        <translation>会话已退回排队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="53"/>
        <source>The customer left the chat</source>
        <translation>顾客已离开会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="55"/>
        <source>Chat closed (%1)</source>
        <translation>会话已结束(%1)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="57"/>
        <source>Chat closed</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="60"/>
        <source>Escalated to the specialist team</source>
        <translation>已转接给专家团队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="62"/>
        <source>Escalation cancelled: back with %1</source>
        <translation>已取消转接:回到 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="66"/>
        <source>Sent back to %1 by the specialist</source>
        <translation>专家已退回给 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="70"/>
        <source>Customer rated the chat %1 of 5</source>
        <translation>顾客评分 %1/5</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="78"/>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="80"/>
        <source>not sent: %1. Press R to retry or Delete to cancel.</source>
        <translation>未发出:%1。按 R 重试,按 Delete 取消。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="82"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>OpenPracticeDialog</name>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="50"/>
        <source>Open a practice room</source>
        <translation>开设练习房间</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="52"/>
        <source>Trainees: Space ticks one</source>
        <translation>学员:按空格勾选</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="54"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="54"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="60"/>
        <source>Invite by user name, comma separated</source>
        <translation>按用户名邀请,用逗号分隔</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="62"/>
        <source>Scenario</source>
        <translation>练习剧本</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="63"/>
        <source>Free-form (no script)</source>
        <translation>自由练习(无剧本)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="67"/>
        <source>Room title</source>
        <translation>房间名称</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="70"/>
        <source>&amp;Trainees:</source>
        <translation>学员(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="71"/>
        <source>&amp;Invite by name:</source>
        <translation>按名字邀请(&amp;I):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="72"/>
        <source>&amp;Scenario:</source>
        <translation>剧本(&amp;S):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="73"/>
        <source>Tit&amp;le:</source>
        <translation>标题(&amp;L):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="75"/>
        <source>&amp;Open room</source>
        <translation>开设房间(&amp;O)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="95"/>
        <source>Pick at least one trainee.</source>
        <translation>请至少选择一名学员。</translation>
    </message>
</context>
<context>
    <name>PhraseManager</name>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="67"/>
        <source>Manage quick replies</source>
        <translation>管理快捷短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="77"/>
        <source>My phrases</source>
        <translation>我的短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="78"/>
        <source>Team phrases</source>
        <translation>团队短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="79"/>
        <source>Which phrases</source>
        <translation>短语范围</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="81"/>
        <source>Phrases: Alt+Up and Alt+Down reorder</source>
        <translation>短语:Alt+上/下 调整顺序</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="92"/>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="92"/>
        <location filename="../agent_desk/ui/phrase_manager.py" line="99"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="93"/>
        <source>C&amp;ode:</source>
        <translation>编码(&amp;O):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="93"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="94"/>
        <source>&amp;Text:</source>
        <translation>内容(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="94"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="95"/>
        <source>&amp;English:</source>
        <translation>英文(&amp;E):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="95"/>
        <source>English text</source>
        <translation>英文内容</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="100"/>
        <source>Placeholders: {customer_name} {agent_name} {shop_name} {order_id}</source>
        <translation>可用占位符:{customer_name} {agent_name} {shop_name} {order_id}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="104"/>
        <source>Phrase manager message</source>
        <translation>短语管理提示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="105"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="126"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="127"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="128"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="129"/>
        <source>&amp;Pin / unpin (Alt+1…9)</source>
        <translation>置顶/取消置顶(&amp;P)(Alt+1…9)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="130"/>
        <source>Use as &amp;greeting (F2)</source>
        <translation>设为欢迎语(&amp;G)(F2)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="131"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="132"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="133"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="178"/>
        <source>pinned %1</source>
        <translation>置顶第 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="180"/>
        <source>greeting</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="224"/>
        <source>Only leads and admins change team phrases.</source>
        <translation>只有组长和管理员可以修改团队短语。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="252"/>
        <source>Import phrases</source>
        <translation>导入短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="252"/>
        <location filename="../agent_desk/ui/phrase_manager.py" line="257"/>
        <source>Phrases (*.csv *.json)</source>
        <translation>短语文件 (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_manager.py" line="257"/>
        <source>Export phrases</source>
        <translation>导出短语</translation>
    </message>
</context>
<context>
    <name>PhrasePalette</name>
    <message>
        <location filename="../agent_desk/ui/phrase_palette.py" line="41"/>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_palette.py" line="44"/>
        <source>Matching quick replies</source>
        <translation>匹配的快捷短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_palette.py" line="46"/>
        <source>Search quick replies</source>
        <translation>搜索快捷短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_palette.py" line="47"/>
        <source>Code, pinyin initials or words; Enter inserts</source>
        <translation>编码、拼音首字母或文字;回车插入</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_palette.py" line="48"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_palette.py" line="67"/>
        <source>%1 matching</source>
        <translation>匹配 %1 条</translation>
    </message>
</context>
<context>
    <name>PlaceholderBar</name>
    <message>
        <location filename="../agent_desk/ui/placeholder_bar.py" line="22"/>
        <source>Customer&apos;s name</source>
        <translation>顾客称呼</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/placeholder_bar.py" line="23"/>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/placeholder_bar.py" line="24"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/placeholder_bar.py" line="25"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/placeholder_bar.py" line="84"/>
        <source>%1 for this reply (Enter to use, Esc to drop):</source>
        <translation>这条回复需要%1(回车确认,Esc 放弃):</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="71"/>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="72"/>
        <source>&amp;Open a practice room…</source>
        <translation>开设练习房间(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="74"/>
        <source>&amp;New scenario…</source>
        <translation>新建剧本(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="77"/>
        <source>&amp;Edit a scenario…</source>
        <translation>编辑剧本(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="80"/>
        <source>My practice &amp;results…</source>
        <translation>我的练习成绩(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="122"/>
        <source>Practice room open with %1 trainees</source>
        <translation>练习房间已开设,共 %1 名学员</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="137"/>
        <source>Practice ended: score each trainee from their tile</source>
        <translation>练习已结束:请在每名学员的卡片上打分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="177"/>
        <source>Score saved for %1</source>
        <translation>已保存 %1 的成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="190"/>
        <source>Your practice was scored %1 of 100 by %2</source>
        <translation>你的练习成绩:%1 分(满分100),评分人 %2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="207"/>
        <source>Exported %1 results</source>
        <translation>已导出 %1 条成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice.py" line="228"/>
        <source>Scenario saved</source>
        <translation>剧本已保存</translation>
    </message>
</context>
<context>
    <name>PracticeConsole</name>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="108"/>
        <source>Practice room: %1</source>
        <translation>练习房间:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="116"/>
        <source>Customer (you)</source>
        <translation>顾客(你)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="126"/>
        <source>Say it to</source>
        <translation>发送给</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="127"/>
        <source>All trainees</source>
        <translation>全部学员</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="131"/>
        <source>Say as the customer (Enter sends)</source>
        <translation>以顾客身份发言(回车发送)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="132"/>
        <source>Type as the customer; Enter sends</source>
        <translation>以顾客身份输入,回车发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="136"/>
        <source>Scripted line and key points</source>
        <translation>剧本台词与要点</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="137"/>
        <source>&amp;Next scripted line (Ctrl+N)</source>
        <translation>下一句台词(&amp;N)(Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="141"/>
        <source>&amp;End practice</source>
        <translation>结束练习(&amp;E)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="144"/>
        <source>Say it &amp;to:</source>
        <translation>发送给(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="177"/>
        <source>Line %1 sent (%2 left): %3 — key points: %4</source>
        <translation>已发送第 %1 句(还剩 %2 句):%3 — 要点:%4</translation>
    </message>
</context>
<context>
    <name>QcHistory</name>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="319"/>
        <source>QC scores</source>
        <translation>质检成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="321"/>
        <source>QC scores, newest first</source>
        <translation>质检成绩,最新的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="324"/>
        <source>%1 · %2/100 by %3 · appeal: %4</source>
        <translation>%1 · %2/100,质检人 %3 · 申诉:%4</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="330"/>
        <source>Reason or note</source>
        <translation>原因或备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="333"/>
        <source>&amp;Uphold</source>
        <translation>维持(&amp;U)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="336"/>
        <source>&amp;Appeal</source>
        <translation>申诉(&amp;A)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="341"/>
        <source>CSV file to export to</source>
        <translation>导出的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="342"/>
        <source>&amp;Export CSV</source>
        <translation>导出 CSV(&amp;E)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="347"/>
        <source>&amp;Reason or note:</source>
        <translation>原因或备注(&amp;R):</translation>
    </message>
</context>
<context>
    <name>QuickReplies</name>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="61"/>
        <source>Quick replies were updated</source>
        <translation>快捷短语已更新</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="80"/>
        <source>&amp;Quick replies</source>
        <translation>快捷短语(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="81"/>
        <source>Search quick replies…</source>
        <translation>搜索快捷短语…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="82"/>
        <source>Send my greeting</source>
        <translation>发送我的欢迎语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="83"/>
        <source>Manage quick replies…</source>
        <translation>管理快捷短语…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="87"/>
        <source>Insert pinned reply %1</source>
        <translation>插入置顶短语 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="112"/>
        <source>No reply is pinned at %1</source>
        <translation>第 %1 位没有置顶短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/quick_replies.py" line="121"/>
        <source>Choose a greeting first: Quick replies → Manage</source>
        <translation>请先设置欢迎语:快捷短语 → 管理</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="210"/>
        <source>Replay: %1</source>
        <translation>回放:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="214"/>
        <source>Replayed messages</source>
        <translation>回放的消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="215"/>
        <source>&amp;Next message</source>
        <translation>下一条(&amp;N)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="216"/>
        <source>&amp;Play with timing</source>
        <translation>按原速播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="247"/>
        <source>%1 of %2 messages</source>
        <translation>第 %1 条,共 %2 条</translation>
    </message>
</context>
<context>
    <name>ResponseWatch</name>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="83"/>
        <location filename="../agent_desk/ui/response_watch.py" line="113"/>
        <source>first reply</source>
        <translation>首次回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="85"/>
        <location filename="../agent_desk/ui/response_watch.py" line="115"/>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="88"/>
        <source>%1: %2 s left for a %3</source>
        <translation>%1:%3还剩 %2 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="93"/>
        <source>⚠ late %1s</source>
        <translation>⚠ 超时 %1 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="95"/>
        <source>%1: late by %2 s</source>
        <translation>%1:已超时 %2 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="102"/>
        <source>%1 is waiting: %2 s left</source>
        <translation>%1 在等待:还剩 %2 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="118"/>
        <source>Late %1 to %2</source>
        <translation>%2 的%1已超时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="130"/>
        <source>the customer asked more than you answered: anything left unanswered?</source>
        <translation>顾客问得比你答得多:有没有漏回的问题?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="133"/>
        <source>many short messages: combine them?</source>
        <translation>短消息太多:要不要合并成一条?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/response_watch.py" line="136"/>
        <source>答问比 %1</source>
        <translation>答问比 %1</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="181"/>
        <source>Practice results</source>
        <translation>练习成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="184"/>
        <source>Practice results, newest first</source>
        <translation>练习成绩,最新的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="188"/>
        <source>%1 · %2: %3/100</source>
        <translation>%1 · %2:%3/100</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="193"/>
        <source>No results yet</source>
        <translation>还没有成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="195"/>
        <source>CSV file to export to</source>
        <translation>导出的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="196"/>
        <source>&amp;Export CSV</source>
        <translation>导出 CSV(&amp;E)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="198"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ScenarioChooser</name>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="330"/>
        <source>Edit a scenario</source>
        <translation>编辑剧本</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="332"/>
        <source>Scenarios: Enter edits one</source>
        <translation>剧本:回车编辑</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="339"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="281"/>
        <source>Edit scenario</source>
        <translation>编辑剧本</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="281"/>
        <source>New scenario</source>
        <translation>新建剧本</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="283"/>
        <source>Scenario title</source>
        <translation>剧本名称</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="285"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="286"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="289"/>
        <source>Customer name</source>
        <translation>顾客称呼</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="292"/>
        <source>Script: one customer line per line; key points start with &apos;- &apos;</source>
        <translation>剧本:每行一句顾客台词;要点以“- ”开头</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="295"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="296"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="297"/>
        <source>&amp;Customer name:</source>
        <translation>顾客称呼(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="298"/>
        <source>&amp;Script:</source>
        <translation>剧本(&amp;S):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="315"/>
        <source>A scenario needs a title and at least one customer line.</source>
        <translation>剧本需要名称和至少一句顾客台词。</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="116"/>
        <source>Score %1</source>
        <translation>给 %1 打分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="124"/>
        <source> points off</source>
        <translation> 分扣除</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="126"/>
        <source>%1 deduction</source>
        <translation>%1 扣分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="135"/>
        <source>Comments for the trainee</source>
        <translation>给学员的评语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="136"/>
        <source>&amp;Comments:</source>
        <translation>评语(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="119"/>
        <source>Total score</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_dialogs.py" line="151"/>
        <source>Total: %1 / 100</source>
        <translation>总分:%1 / 100</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="116"/>
        <source>Send the chat back</source>
        <translation>退回会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="117"/>
        <source>&amp;Note for the agent:</source>
        <translation>给客服的备注(&amp;N):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="120"/>
        <source>Note for the agent</source>
        <translation>给客服的备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="124"/>
        <source>Send &amp;back</source>
        <translation>退回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/escalation.py" line="134"/>
        <source>Say why, so the agent knows what to do next.</source>
        <translation>请写明原因,方便客服继续处理。</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="39"/>
        <source>Play &amp;sounds</source>
        <translation>播放提示音(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="40"/>
        <source>&amp;Taskbar alerts</source>
        <translation>任务栏提醒(&amp;T)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="43"/>
        <source>Screen-reader &amp;announcements</source>
        <translation>读屏播报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="49"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="51"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="79"/>
        <source>Show response &amp;countdown</source>
        <translation>显示响应倒计时(&amp;C)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="83"/>
        <source>答问比 &amp;hints</source>
        <translation>答问比提示(&amp;H)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="86"/>
        <source>&amp;Flash the taskbar when a reply is late</source>
        <translation>回复超时时闪烁任务栏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="91"/>
        <source>Order tabs by &amp;urgency</source>
        <translation>按紧急程度排列标签页(&amp;U)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="93"/>
        <source>&amp;Lengthen my timers</source>
        <translation>延长我的计时(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="96"/>
        <source>%1×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="107"/>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="110"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="111"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="112"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="120"/>
        <source>Te&amp;xt size</source>
        <translation>文字大小(&amp;X)</translation>
    </message>
</context>
<context>
    <name>ShortcutMap</name>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="70"/>
        <source>Go to chat %1</source>
        <translation>转到第 %1 个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="72"/>
        <source>Insert pinned reply %1</source>
        <translation>插入置顶短语 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="74"/>
        <source>Show the keyboard shortcuts</source>
        <translation>显示键盘快捷键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="75"/>
        <source>Go to the most urgent chat</source>
        <translation>转到最紧急的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="76"/>
        <source>Close chat</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="77"/>
        <source>Closed chats (history)</source>
        <translation>已结束的会话(历史)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="78"/>
        <source>Search quick replies</source>
        <translation>搜索快捷短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="79"/>
        <source>Send my greeting</source>
        <translation>发送我的欢迎语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="80"/>
        <source>Manage quick replies</source>
        <translation>管理快捷短语</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="81"/>
        <source>Search the knowledge base</source>
        <translation>搜索知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="82"/>
        <source>Escalate this chat</source>
        <translation>升级此会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="83"/>
        <source>Cancel my escalation</source>
        <translation>撤销我的升级</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="84"/>
        <source>Send back to the agent</source>
        <translation>退回给客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="85"/>
        <source>Open a practice room</source>
        <translation>开设练习房间</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="86"/>
        <source>New practice scenario</source>
        <translation>新建对聊剧本</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="87"/>
        <source>Edit a practice scenario</source>
        <translation>编辑对聊剧本</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="88"/>
        <source>My practice results</source>
        <translation>我的对聊成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="89"/>
        <source>Live chats</source>
        <translation>实时会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="90"/>
        <source>Floor dashboard</source>
        <translation>现场看板</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="91"/>
        <source>QC queue</source>
        <translation>质检队列</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="92"/>
        <source>Whisper to the agent</source>
        <translation>悄悄话给客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="93"/>
        <source>QC scores</source>
        <translation>质检成绩</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="94"/>
        <source>Change keyboard shortcuts</source>
        <translation>修改键盘快捷键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="158"/>
        <source>Use one key combination, not a series.</source>
        <translation>请使用一个组合键,而不是一串按键。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="167"/>
        <source>%1 is needed for typing and moving about.</source>
        <translation>%1 用于输入和移动,不能占用。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="173"/>
        <source>%1 types a character. Add Ctrl or Alt, or use a function key such as F6.</source>
        <translation>%1 会输入字符。请加上 Ctrl 或 Alt,或使用 F6 等功能键。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="179"/>
        <source>%1 is kept for menus and labelled fields (the underlined letters).</source>
        <translation>%1 保留给菜单和带标签的输入框(带下划线的字母)。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_map.py" line="234"/>
        <source>%1 is already the key for “%2”. Change that one first.</source>
        <translation>%1 已是“%2”的快捷键。请先修改那一项。</translation>
    </message>
</context>
<context>
    <name>ShortcutSettings</name>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="241"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>ShortcutSettingsDialog</name>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="87"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="90"/>
        <source>Choose an action and press Enter, then press its new key. Single keys such as F6 suit foot pedals and one-hand use. Changes apply at once and are kept.</source>
        <translation>选择一个操作并按回车,再按下新的按键。F6 等单键适合脚踏板和单手操作。修改立即生效并会保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="97"/>
        <source>Actions and their keys</source>
        <translation>操作及其按键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="98"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="98"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="102"/>
        <source>&amp;Key:</source>
        <translation>按键(&amp;K):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="107"/>
        <source>Shortcut message</source>
        <translation>快捷键提示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="109"/>
        <source>&amp;Reset to default</source>
        <translation>恢复默认(&amp;R)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="111"/>
        <source>Re&amp;move key</source>
        <translation>移除按键(&amp;M)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="113"/>
        <source>Reset &amp;all to defaults</source>
        <translation>全部恢复默认(&amp;A)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="159"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="177"/>
        <source>New key for %1</source>
        <translation>%1 的新按键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="179"/>
        <source>Default: %1</source>
        <translation>默认:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="207"/>
        <source>“%1” has no key now.</source>
        <translation>“%1”现在没有快捷键。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="209"/>
        <source>“%1” is now %2.</source>
        <translation>“%1”现在是 %2。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="211"/>
        <source>It needs %1 keys held at once; one key or two are easier with one hand.</source>
        <translation>需要同时按住 %1 个键;单手操作时一个或两个键更方便。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcut_settings.py" line="221"/>
        <source>Every action has its default key again.</source>
        <translation>所有操作已恢复默认按键。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../agent_desk/ui/shortcuts_help.py" line="28"/>
        <location filename="../agent_desk/ui/shortcuts_help.py" line="38"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcuts_help.py" line="31"/>
        <source>Every action can be reached by keyboard. The full map is in docs/desk.md. Change keys… gives an action another key (Settings → Keyboard shortcuts).</source>
        <translation>每个操作都可以用键盘完成。完整键位表见 docs/desk.md。“修改按键…”可为操作换一个按键(设置 → 键盘快捷键)。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcuts_help.py" line="45"/>
        <source>&amp;Change keys…</source>
        <translation>修改按键(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcuts_help.py" line="58"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/shortcuts_help.py" line="59"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>SlashCompleter</name>
    <message>
        <location filename="../agent_desk/ui/slash_completer.py" line="62"/>
        <source>Quick reply suggestions</source>
        <translation>快捷短语候选</translation>
    </message>
</context>
<context>
    <name>SoundMenu</name>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="23"/>
        <source>&amp;New chat</source>
        <translation>新会话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="24"/>
        <source>New &amp;message in another chat</source>
        <translation>其他会话的新消息(&amp;M)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="25"/>
        <source>&amp;Late reply (timer breach)</source>
        <translation>回复超时(计时超限)(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="32"/>
        <source>Sound &amp;cues</source>
        <translation>提示音(&amp;C)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="42"/>
        <source>&amp;On</source>
        <translation>开启(&amp;O)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="51"/>
        <source>Volume %1%</source>
        <translation>音量 %1%</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sound_menu.py" line="59"/>
        <source>&amp;Try it</source>
        <translation>试听(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TraineeTile</name>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="52"/>
        <source>Practice chat of %1</source>
        <translation>%1 的练习会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="55"/>
        <source>Figures of %1</source>
        <translation>%1 的数据</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="57"/>
        <source>Score…</source>
        <translation>打分…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="58"/>
        <source>Score %1</source>
        <translation>给 %1 打分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="60"/>
        <source>Replay…</source>
        <translation>回放…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="61"/>
        <source>Replay the practice of %1</source>
        <translation>回放 %1 的练习</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="85"/>
        <source>First reply %1 · average %2 · 答问比 %3</source>
        <translation>首次回复 %1 · 平均 %2 · 答问比 %3</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/practice_console.py" line="90"/>
        <source>typing…</source>
        <translation>正在输入…</translation>
    </message>
</context>
<context>
    <name>WhisperDialog</name>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="129"/>
        <source>Private note to %1</source>
        <translation>给 %1 的私信</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="131"/>
        <source>Private note (the customer never sees it)</source>
        <translation>私信(顾客看不到)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="135"/>
        <source>&amp;Send note</source>
        <translation>发送备注(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/floor_windows.py" line="139"/>
        <source>The customer never sees this note.</source>
        <translation>顾客看不到这条私信。</translation>
    </message>
</context>
<context>
    <name>WrapUp</name>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="14"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="15"/>
        <source>Order or delivery status</source>
        <translation>订单或物流查询</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="16"/>
        <source>Size or product advice</source>
        <translation>尺码或商品咨询</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="17"/>
        <source>Return or refund</source>
        <translation>退换货或退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="18"/>
        <source>Promotion or coupon question</source>
        <translation>活动或优惠券咨询</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="19"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="20"/>
        <source>Customer stopped replying</source>
        <translation>顾客未再回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="21"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="28"/>
        <source>Close chat with %1</source>
        <translation>结束与 %1 的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="29"/>
        <source>&amp;Wrap-up code:</source>
        <translation>小结类型(&amp;W):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="31"/>
        <source>Wrap-up code</source>
        <translation>小结类型</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="39"/>
        <source>&amp;Close chat</source>
        <translation>结束会话(&amp;C)</translation>
    </message>
</context>
<context>
    <name>self.manager</name>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="74"/>
        <source>Phrase saved.</source>
        <translation>短语已保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="78"/>
        <source>Phrase deleted.</source>
        <translation>短语已删除。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="88"/>
        <source>Moved.</source>
        <translation>已移动。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="94"/>
        <source>At most nine phrases can be pinned (Alt+1…9).</source>
        <translation>最多只能置顶九条短语(Alt+1…9)。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="97"/>
        <source>Pins saved.</source>
        <translation>置顶已保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="101"/>
        <source>Greeting saved: F2 sends it.</source>
        <translation>欢迎语已保存:按 F2 发送。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="109"/>
        <source>Nothing imported: %1</source>
        <translation>未导入任何短语:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="118"/>
        <source>Imported %1 phrases.</source>
        <translation>已导入 %1 条短语。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/phrase_edits.py" line="124"/>
        <source>Exported %1 phrases.</source>
        <translation>已导出 %1 条短语。</translation>
    </message>
</context>
</TS>
