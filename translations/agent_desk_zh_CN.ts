<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatTabs</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="31" />
        <source>(%1 new)</source>
        <translation>(%1 条新消息)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="33" />
        <source>[closed]</source>
        <translation>[已结束]</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="35" />
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="32" />
        <source>waiting %1 s</source>
        <translation>已等待 %1 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="33" />
        <source>waiting %1 min %2 s</source>
        <translation>已等待 %1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="80" />
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="82" />
        <source>Waiting time</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="84" />
        <source>Typing indicator</source>
        <translation>输入状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="86" />
        <source>Chat state</source>
        <translation>会话状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="100" />
        <source>Messages with %1</source>
        <translation>与 %1 的消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="105" />
        <source>Reply to %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="106" />
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>回车发送,Shift+回车换行</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="107" />
        <source>Type a reply. Enter sends, Shift+Enter adds a line.</source>
        <translation>输入回复。回车发送,Shift+回车换行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="111" />
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="112" />
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="137" />
        <source>Earlier chats with this shop</source>
        <translation>该顾客在本店的历史会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="139" />
        <source>Earlier chats with this customer</source>
        <translation>该顾客的历史会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="152" />
        <source>customer is typing…</source>
        <translation>顾客正在输入…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="155" />
        <source>Closed (read-only)</source>
        <translation>已结束(只读)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="157" />
        <source>No longer yours (read-only)</source>
        <translation>已转给他人(只读)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="167" />
        <source>No earlier chats</source>
        <translation>没有历史会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="170" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/chat_view.py" line="171" />
        <source>, rated %1 of 5</source>
        <translation>,评分 %1/5</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="100" />
        <source>Not connected: try again when the connection is back.</source>
        <translation>未连接:请在连接恢复后重试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="144" />
        <source>New chat from %1</source>
        <translation>%1 发起了新会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="177" />
        <source>%1 says: %2</source>
        <translation>%1 说:%2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="180" />
        <source>%1 left the chat</source>
        <translation>%1 已离开会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="189" />
        <source>The chat with %1 moved to another agent</source>
        <translation>与 %1 的会话已转给其他客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="196" />
        <source>Connection lost. Reconnecting… Your unsent messages are kept.</source>
        <translation>连接已断开,正在重连…未发出的消息已保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="200" />
        <source>Your session has ended: please log in again. (%1)</source>
        <translation>登录已失效,请重新登录。(%1)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="208" />
        <source>Reconnected. %1 messages arrived while you were away.</source>
        <translation>已重新连接。断线期间收到 %1 条消息。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="227" />
        <source>A message to %1 was not sent: %2</source>
        <translation>发给 %1 的消息未发出:%2</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/desk.py" line="240" />
        <source>No customer is waiting for an answer</source>
        <translation>没有等待回复的顾客</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../agent_desk/ui/app.py" line="138" />
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器:%1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/app.py" line="144" />
        <source>No usable system keyring was found, so your session is kept in memory only: you will need to log in again next time. Your password is never stored.</source>
        <translation>没有找到可用的系统钥匙串,登录会话只保存在内存中:下次需要重新登录。密码从不保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/app.py" line="192" />
        <source>Language saved. Restart the desk to translate every open window.</source>
        <translation>语言已保存。重启工作台后所有窗口都会切换。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="25" />
        <location filename="../agent_desk/ui/history_dialog.py" line="28" />
        <source>Closed chats</source>
        <translation>已结束的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="26" />
        <source>&amp;Closed chats, newest first (Enter opens one):</source>
        <translation>已结束的会话,最新的在前(回车打开)(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="32" />
        <source> · rated %1 of 5</source>
        <translation> · 评分 %1/5</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/history_dialog.py" line="36" />
        <source>No closed chats yet</source>
        <translation>还没有已结束的会话</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="30" />
        <source>Log in to AgentDesk</source>
        <translation>登录 AgentDesk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="32" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="34" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="37" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="40" />
        <source>&amp;Remember me on this computer</source>
        <translation>在这台电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="42" />
        <source>Keeps your session in the system keyring, never your password</source>
        <translation>只在系统钥匙串中保存登录会话,从不保存密码</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="45" />
        <source>Login message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="48" />
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="49" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="50" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="53" />
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="65" />
        <source>Enter the server, your user name and your password.</source>
        <translation>请输入服务器、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/login_dialog.py" line="73" />
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="62" />
        <source>AgentDesk — %1</source>
        <translation>AgentDesk — %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="73" />
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="78" />
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="83" />
        <source>My status</source>
        <translation>我的状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="85" />
        <source>Available</source>
        <translation>在线接待</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="86" />
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="87" />
        <source>Paused (no new chats)</source>
        <translation>暂停(不接新会话)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="90" />
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="95" />
        <source>My concurrent chat limit</source>
        <translation>我的同时接待上限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="96" />
        <source>&amp;Chat limit:</source>
        <translation>接待上限(&amp;C):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="99" />
        <source>Chats I hold</source>
        <translation>当前接待数</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="109" />
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="112" />
        <source>No chats yet. New chats open here as tabs.</source>
        <translation>暂无会话。新会话会以标签页打开。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="125" />
        <source>&amp;Chats</source>
        <translation>会话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="126" />
        <source>Go to the most &amp;urgent chat</source>
        <translation>转到最紧急的会话(&amp;U)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="128" />
        <source>&amp;Close chat…</source>
        <translation>结束会话(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="130" />
        <source>Closed chats (&amp;history)…</source>
        <translation>历史会话(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="134" />
        <source>Go to chat %1</source>
        <translation>转到第 %1 个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="137" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="210" />
        <source>%1 of %2 chats</source>
        <translation>%1/%2 个会话</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="37" />
        <source>Customer joined the queue</source>
        <translation>顾客进入排队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="39" />
        <source>Chat assigned to %1</source>
        <translation>会话已分配给 %1</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="41" />
        <source>Chat moved back to the queue</source>
        <translation>会话已退回排队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="45" />
        <source>The customer left the chat</source>
        <translation>顾客已离开会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="47" />
        <source>Chat closed (%1)</source>
        <translation>会话已结束(%1)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="49" />
        <source>Chat closed</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="52" />
        <source>Customer rated the chat %1 of 5</source>
        <translation>顾客评分 %1/5</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="60" />
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="62" />
        <source>not sent: %1. Press R to retry or Delete to cancel.</source>
        <translation>未发出:%1。按 R 重试,按 Delete 取消。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/message_model.py" line="64" />
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="34" />
        <source>Play &amp;sounds</source>
        <translation>播放提示音(&amp;S)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="35" />
        <source>&amp;Taskbar alerts</source>
        <translation>任务栏提醒(&amp;T)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="38" />
        <source>Screen-reader &amp;announcements</source>
        <translation>读屏播报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="42" />
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_menu.py" line="44" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>WrapUp</name>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="14" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="15" />
        <source>Order or delivery status</source>
        <translation>订单或物流查询</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="16" />
        <source>Size or product advice</source>
        <translation>尺码或商品咨询</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="17" />
        <source>Return or refund</source>
        <translation>退换货或退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="18" />
        <source>Promotion or coupon question</source>
        <translation>活动或优惠券咨询</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="19" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="20" />
        <source>Customer stopped replying</source>
        <translation>顾客未再回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="21" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="28" />
        <source>Close chat with %1</source>
        <translation>结束与 %1 的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="29" />
        <source>&amp;Wrap-up code:</source>
        <translation>小结类型(&amp;W):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="31" />
        <source>Wrap-up code</source>
        <translation>小结类型</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/wrap_up_dialog.py" line="39" />
        <source>&amp;Close chat</source>
        <translation>结束会话(&amp;C)</translation>
    </message>
</context>
</TS>