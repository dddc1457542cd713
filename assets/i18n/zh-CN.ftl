# Broadsheet 的简体中文界面。每条消息在 en.ftl 中都有对应；任何一边缺少，测试都会报错。
# 用语依照报社排版习惯（方正飞腾、InDesign 中文版）：版、栏、框、串接、转版、预检。

## 通用
ok = 确定
cancel = 取消
close = 关闭
save = 保存
dont-save = 不保存
open = 打开
import = 导入
export = 导出
create = 创建
recover = 恢复
discard = 丢弃
none = （无）
default = 默认
untitled = 未命名
page-label = 第{ $page }版

## 菜单与工具
menu-file = 文件
menu-edit = 编辑
menu-pages = 版面
menu-view = 视图
menu-open-recent = 最近打开
menu-no-recent = 没有最近打开的文件
menu-language = 界面语言
menu-language-system = 跟随系统（{ $language }）
tool-select = 选择
tool-text = 文字框
tool-headline = 标题框
tool-photo = 图片框
tool-preview = 预览

## 命令：名称与说明
cmd-new = 新建报纸…
cmd-new-tip = 从版式模板新建一期报纸
cmd-open = 打开…
cmd-open-tip = 打开版面文件（.ron）
cmd-save = 保存
cmd-save-tip = 把这期报纸保存到它的文件
cmd-save-as = 另存为…
cmd-save-as-tip = 把这期报纸保存为新文件
cmd-import-articles = 导入稿件…
cmd-import-articles-tip = 从文本或 Markdown 文件读入稿件
cmd-import-photos = 导入图片…
cmd-import-photos-tip = 把图片文件加入这期报纸
cmd-export-pdf = 导出 PDF…
cmd-export-pdf-tip = 把每一版输出为印刷用 PDF
cmd-export-data = 导出 PDF 数据…
cmd-export-data-tip = 把定位好的显示列表输出为 JSON
cmd-quit = 退出
cmd-quit-tip = 关闭编辑器
cmd-undo = 撤销
cmd-undo-tip = 撤销上一步修改
cmd-redo = 重做
cmd-redo-tip = 重做刚撤销的修改
cmd-delete-frame = 删除框
cmd-delete-frame-tip = 删除选中的框
cmd-link-frame = 串接到下一个框…
cmd-link-frame-tip = 让选中框的稿件接排到你接着点击的文字框
cmd-unlink-frame = 断开串接
cmd-unlink-frame-tip = 把选中的框从稿件的串接中移出
cmd-tool-select = 选择工具
cmd-tool-select-tip = 选择、移动和缩放框
cmd-tool-text-frame = 画文字框
cmd-tool-text-frame-tip = 在版面上拖动画出文字框
cmd-tool-headline-frame = 画标题框
cmd-tool-headline-frame-tip = 在版面上拖动画出标题框
cmd-tool-photo-frame = 画图片框
cmd-tool-photo-frame-tip = 在版面上拖动画出图片框
cmd-next-page = 下一版
cmd-next-page-tip = 显示下一版（预览时为下一个对页）
cmd-previous-page = 上一版
cmd-previous-page-tip = 显示上一版（预览时为上一个对页）
cmd-add-page = 添加版面
cmd-add-page-tip = 在本版之后添加一版
cmd-delete-page = 删除版面
cmd-delete-page-tip = 删除本版
cmd-move-page-earlier = 版面前移
cmd-move-page-earlier-tip = 把本版往前移一位，转版提示随之更新
cmd-move-page-later = 版面后移
cmd-move-page-later-tip = 把本版往后移一位，转版提示随之更新
cmd-zoom-in = 放大
cmd-zoom-in-tip = 放大版面
cmd-zoom-out = 缩小
cmd-zoom-out-tip = 缩小版面
cmd-fit-page = 整版显示
cmd-fit-page-tip = 显示整个版面
cmd-fit-width = 适合宽度
cmd-fit-width-tip = 让版面宽度适合窗口
cmd-actual-size = 实际大小（100%）
cmd-actual-size-tip = 按印刷尺寸显示版面
cmd-toggle-guides = 参考线
cmd-toggle-guides-tip = 显示版心、分栏、模块和基线网格
cmd-toggle-preview = 预览
cmd-toggle-preview-tip = 编辑预览：对页显示，不显示参考线、框线和控制点
cmd-toggle-preflight = 预检面板
cmd-toggle-preflight-tip = 列出版面的错误和警告
cmd-toggle-frame-time = 帧时间
cmd-toggle-frame-time-tip = 显示每一帧的绘制时间
cmd-command-palette = 命令面板…
cmd-command-palette-tip = 按名称查找并执行任何命令

## 命令面板
palette-title = 命令
palette-search = 搜索
palette-hint = 输入命令名称、拼音首字母或英文名…

## 撤销步骤的名称
undo-add-page = 添加版面
undo-body-style = 更改正文样式
undo-caption-story = 更改图片说明
undo-crop = 裁切图片
undo-delete-frame = 删除框
undo-delete-page = 删除版面
undo-draw-frame = 画框
undo-frame-geometry = 更改框的位置和大小
undo-import-articles = 导入稿件
undo-import-photos = 导入图片
undo-link = 串接框
undo-move-frame = 移动框
undo-move-page = 移动版面
undo-page-title = 版名
undo-photo-fit = 图片适合方式
undo-place-photo = 放置图片
undo-place-story = 放置稿件
undo-resize-frame = 缩放框
undo-text-frame = 更改文字框
undo-typing = 输入文字
undo-unlink = 断开串接

## 状态栏
status-undid = 已撤销：{ $what }
status-redid = 已重做：{ $what }
status-nothing-to-undo = 没有可撤销的修改
status-nothing-to-redo = 没有可重做的修改
status-select-to-delete = 请先选中要删除的框
status-click-to-link = 点击稿件接排的文字框（Esc 取消）
status-select-to-link = 请先选中一个有稿件的文字框
status-linked = 已串接
status-recovered = 已恢复未保存的修改
status-new-edition = 已新建报纸
status-opened = 已打开 { $path }
status-saved = 已保存 { $path }
status-exported-pdf = 已把 { $pages } 个版面导出到 { $path }（{ $kb } KB，{ $ms } 毫秒）
status-exported-data = 已把 { $pages } 个版面的显示列表导出到 { $path }
status-imported-articles = 已导入 { $count } 篇稿件。画一个文字框（T）放置选中的稿件。
status-imported-photos = 已导入 { $count } 张图片。画一个图片框（F）放置图片。
status-pointer = 第{ $page }版 x { $x } 毫米，y { $y } 毫米
status-findings = { $errors } 个错误 · { $warnings } 个警告
status-unsaved = ● 未保存
task-opening = 正在打开
task-saving = 正在保存
task-importing = 正在导入

## 错误与拒绝
error-undo = 无法撤销：{ $reason }
error-redo = 无法重做：{ $reason }
error-recovery-unreadable = 无法读取恢复文件：{ $reason }
error-drop-kinds = 请拖入 .ron 版面文件、.txt/.md 稿件或 .jpg/.png 图片。
error-photos-unreadable = 有些图片无法读取：
    { $list }
refused-no-frame = 请先选中一个框。
refused-not-threaded = 框 { $frame } 不在任何稿件的串接中。
refused-not-text-frame = 稿件只能接排到文字框中。
refused-last-page = 一期报纸至少要有一个版面。
refused-no-page = 没有第 { $page } 个版面。
refused-no-story = 请先导入或选中一篇稿件。
refused-no-photo = 请先导入图片（Ctrl+D，或把文件拖到窗口上）。

## 对话框
dialog-error = 出错了
dialog-unsaved = 有未保存的修改
dialog-unsaved-question = 先保存对 { $name } 的修改吗？
dialog-recover = 恢复未保存的工作？
dialog-recover-unsaved-edition = 一期未保存的报纸
dialog-recover-text = Broadsheet 上次没有正常关闭。{ $minutes } 分钟前对 { $what } 的修改已保留下来。
dialog-load-failed = 无法打开 { $path }
dialog-load-failed-recovery = 打开恢复副本
dialog-load-failed-backup = 打开备份 { $path }
dialog-load-failed-other = 打开其他文件…
dialog-load-failed-new = 新建一期报纸
dialog-new-edition = 新建报纸
dialog-page-template = 版式模板

## 文件选择
pick-open = 打开版面文件
pick-save-as = 版面另存为
pick-import-articles = 导入稿件
pick-import-photos = 导入图片
pick-export-pdf = 导出 PDF
pick-export-data = 导出 PDF 数据
chooser-up = 上一级
chooser-up-tip = 上一级文件夹
chooser-folder = 文件夹
chooser-file-name = 文件名
chooser-empty = 这里没有符合的文件。
chooser-many = 按住 Ctrl 点击可选多个文件。

## 版面画布
canvas-no-page = 没有可显示的版面。
canvas-drop-hint = 拖入版面文件、稿件或图片
a11y-frame = 框 { $id }
a11y-handle = 缩放控制点 { $x } { $y }
a11y-sheet = 第{ $page }版版面
a11y-page = 第{ $page }版

## 版面面板
pages-section = 分版
undo-page-section = 版面分版
pages-title = 版名
pages-stories = { $count } 篇稿件
pages-unplaced = { $headline }（未上版）

## 属性面板
props-nothing-selected = 点击选中一个框，或画一个新框（T、H、F、R、B）。
frame-kind-text = 文字框
frame-kind-headline = 标题框
frame-kind-photo = 图片框
frame-kind-rule = 线条
frame-kind-folio = 报眉
geom-x = X
geom-y = Y
geom-w = 宽
geom-h = 高
props-columns = 栏数
props-own-gutter = 自定栏间距
props-gutter = 栏间距
props-balance = 各栏平衡
props-story = 稿件
props-thread-place = 第 { $n } 框，共 { $of } 框，稿件“{ $headline }”
props-photo = 图片
props-caption-from = 说明取自
props-fill = 填满框
props-fit = 完整显示
props-crop-reset = 显示整张图片
props-crop-tip = 也可双击图片。按住 Ctrl 拖动可在框内移动图片，Alt+滚轮可缩放图片。
props-fit-width = 适合宽度
props-crop = 裁切（裁去图片的百分比）
side-left = 左
side-top = 上
side-right = 右
side-bottom = 下
props-story-chars = { $id } · { $count } 字
props-jumps = 转版提示：{ $lines }
props-body-style = 正文样式
props-default-style = 默认（{ $style }）
field-kicker = 引题
field-headline = 主题
field-deck = 副题
field-byline = 署名
field-body = 正文
field-caption = 图片说明
field-credit = 摄影署名

props-type = 字体样式
props-paragraph-style = 第 { $n } 段的样式
undo-part-style = 更改稿件样式
undo-paragraph-style = 段落样式

fit-fits = 正好
fit-over = 超 { $lines } 行
fit-under = 空 { $lines } 行

## 预检
preflight-title = 预检
preflight-count = { $count } 项
preflight-none = 没有发现问题。
diag-overset = 多出 { $lines } 行排不下（不会删字：请放大框、串接新框或删减文字）
diag-underset = 还空 { $lines } 行：框内有余
diag-unplaced = 稿件还没有放进任何文字框
diag-missing-glyph = 没有字体含 { $chars }，印出来是方框（首处在{ $part ->
        [body] 第 { $paragraph } 段
        [kicker] 引题
        [headline] 主题
        [deck] 副题
        [byline] 署名
        [caption] 图片说明
        [credit] 摄影署名
        [folio] 报眉
       *[other] { $part }
    }第 { $char } 字，共 { $count } 处）
diag-missing-font = 缺少字体“{ $family }”（本版字体文件夹、字体文件夹和系统里都没有），暂用 { $fallback } 排版{ $pages ->
        [none] {""}
       *[other] ，涉及第 { $pages } 版
    }
diag-fallback-font = { $chars } 用了本机的“{ $family }”，没有样式指定它：别的电脑没装这款字体就会印成方框；把它设为样式的备用字体即可记录下来
diag-font-changed = 字体“{ $family }”现在取自 { $file }，不是排版时用的文件（{ $was }）：换行可能不同
diag-font-embedding = 字体“{ $family }”的授权（OS/2 fsType：{ $ban }）不允许嵌入 PDF，请为第 { $pages } 版的文字换一种字体
diag-overlap = 框“{ $frame }”与“{ $other }”重叠
diag-outside-trim = 框超出了版面裁切线
diag-headline-overset = 标题需要 { $needed } 点高，框只有 { $height } 点
diag-low-resolution = 图片“{ $photo }”的印刷分辨率只有 { $ppi } PPI（低于 200），可能发虚
diag-missing-photo = 图片“{ $photo }”：找不到 { $path }，该处印占位框
diag-unreadable-photo = 图片“{ $photo }”：无法读取 { $path }，该处印占位框
diag-corrupt-photo = 图片“{ $photo }”：{ $path } 已损坏，该处印占位框
diag-photo-too-large = 图片“{ $photo }”：{ $path } 过大，无法读取，该处印占位框
diag-unknown-font = 没有字体“{ $family }”，暂用 { $fallback } 排版
diag-narrow-wrap = 图文互斥只给框“{ $frame }”第 { $column } 栏留下 { $chars } 字宽，那里的行空着
diag-caption-overset = 图片说明需要 { $needed } 点高，图框只留了 { $height } 点

## 文字与样式
tab-properties = 属性
tab-styles = 样式
cmd-headline-bigger = 标题字号加大
cmd-headline-bigger-tip = 把选中稿件的标题加大一个字号（五号 → 小四 …）
cmd-headline-smaller = 标题字号减小
cmd-headline-smaller-tip = 把选中稿件的标题减小一个字号
props-size-step = 字号增减
props-headline-type = 标题字体（样式 { $style }）
status-headline-size = 标题字号：{ $size }
undo-headline-type = 标题字体
undo-style = 修改样式
undo-new-style = 新建样式
undo-delete-style = 删除样式
undo-rename-style = 重命名样式
styles-title = 段落样式
styles-new = 新建
styles-duplicate = 复制
styles-rename = 重命名
styles-delete = 删除
styles-new-name = 样式
styles-new-name-label = 新名称
styles-name-empty = 样式需要一个名称。
styles-name-taken = 已经有名为 { $name } 的样式。
styles-in-use = 样式 { $style } 仍在使用：{ $users }。请先把它们改用其他样式。
styles-used-by = 有 { $count } 处使用
styles-family = 字体
styles-fallback = 备用字体
styles-fallback-add = 添加备用字体
styles-fallback-remove = 从备用字体中移除 { $family }
styles-family-search = 搜索字体…
styles-family-search-label = 搜索
styles-family-choose = 选择字体…
fonts-replace-label = 把 { $family } 替换为
font-place-edition = 本版字体
font-place-folder = 字体文件夹
font-place-system = 系统字体
font-place-bundled = 内置
styles-weight = 字重
weight-regular = 常规
weight-bold = 粗体
styles-italic = 斜体
styles-size = 字号
styles-size-unreadable = “{ $text }”不是字号：请输入字号名称（如 小初、五号）或点数（如 36）
styles-font-unknown = 这里没有字体“{ $family }”。
styles-leading = 行距
styles-scale = 长扁（水平缩放）
styles-tracking = 字距
styles-indent = 首行缩进
styles-align = 对齐
align-justify = 两端
align-left = 居左
align-center = 居中
align-right = 居右
styles-space-before = 段前
styles-space-after = 段后
styles-color = 颜色（CMYK）
styles-prohibition = 禁则
prohibition-none = 无（仅 Unicode）
prohibition-basic = 基本（clreq）
prohibition-gb = GB/T 15834
prohibition-strict = 严格
styles-han-latin = 中西文间距
styles-han-latin-on = 汉字与西文之间加 ¼ 字

## 报纸设置
cmd-edition-settings = 报纸设置…
cmd-edition-settings-tip = 报名、出版日期、期号、语言和分版
remove = 删除
undo-edition-settings = 报纸设置
cmd-fit-story = 稿件适配
cmd-fit-story-tip = 在版式规定的范围内（字距、末框高度）做最小的调整，让稿件正好排满最后一个框；绝不改动文字
undo-fit-story = 稿件适配
props-fit-story = 适配
props-copyfit = 适配调整：字距 { $pct }%
fit-tracking = 字距 { $pct }%
fit-frame = 末框 { $lines } 行
list-sep = ，
status-fit-already = 稿件 { $story } 已经排满
status-fitted = 已适配 { $story }：{ $what }
status-fit-closer = { $story }：{ $what }；还差 { $lines } 行（正数请删行，负数是空行）
status-fit-cannot = { $story } 在允许范围内无法适配：差 { $lines } 行（正数请删行，负数是空行）
cmd-fonts = 字体…
cmd-fonts-tip = 本期用到的字体：各自的来源、缺少或变了的字体、替换字体、字体文件夹
undo-replace-font = 替换字体
fonts-title = 字体
fonts-intro = 查找字体的顺序：本版字体文件夹、你的字体文件夹、系统字体，最后是 Broadsheet 内置字体。
fonts-family = 字体
fonts-file = 文件
fonts-state = 状态
fonts-users = 样式
fonts-replace-with = 替换为
fonts-replace = 替换
fonts-state-ok = 已找到
fonts-state-missing = 缺少：暂用 { $fallback }
fonts-state-changed = 与保存时的文件不同
fonts-state-forbidden = 不能嵌入 PDF：{ $reason }
fonts-folders = 字体文件夹
fonts-edition-folder = 本版字体：{ $folder }
fonts-edition-folder-unsaved = 本版字体：保存后，文件旁的“fonts”文件夹
fonts-folder-remove = 移除
fonts-folder-hint = 字体所在的文件夹，例如 /home/me/fonts/方正
fonts-folder-add = 添加文件夹
fonts-folder-bad = { $folder } 不是文件夹
fonts-reload = 重新读取字体
status-fonts-reloaded = 已重新读取字体
edition-title = 报纸设置
edition-paper = 报名
edition-date = 出版日期
edition-date-prints = 报眉印为：{ $date }
edition-date-none = 没有日期：报眉不印日期
edition-date-bad = { $reason }
edition-issue = 期号
edition-total = 总期号
edition-lang = 语言
edition-sections = 分版与版号
edition-section-name = 分版名称
edition-section-prefix = 版号前缀
edition-add-section = 添加分版
edition-number-bad = { $what }必须是整数，不能是“{ $text }”

## 版式设置
cmd-page-setup = 版式设置…
cmd-page-setup-tip = 本版所用版式的开本、页边距、分栏、栏间距、模块、基线网格和报眉
undo-page-setup = 版式设置
template-title = 版式设置：{ $name }
template-preset = 从预设开始：
template-apply-to = 应用于：
template-scope-all = 使用此版式的所有版面（{ $count } 个）
template-scope-page = 仅本版
template-name = 名称
template-width = 版面宽度
template-height = 版面高度
template-margin-top = 上边距
template-margin-bottom = 下边距
template-margin-inside = 内边距
template-margin-outside = 外边距
template-columns = 栏数
template-by-chars = 栏宽
template-by-chars-on = 按整字数定栏宽，栏间距随之而定
template-chars = 每栏字数
template-chars-size = 字号
template-gutter = 栏间距
template-modules = 模块数
template-baseline = 基线网格
template-folio = 报眉
template-folio-on = 印报眉
template-folio-height = 报眉高度
template-folio-rule = 眉线
template-folio-rule-on = 报眉下加线
template-folio-left = 报眉左侧
template-folio-right = 报眉右侧
template-folio-placeholders = 可用占位符：{ $list }
template-summary = { $columns } 栏，每栏 { $width } 毫米（{ $size } { $chars } 字），栏间距 { $gutter } 毫米

## 选择、剪贴板、排列
menu-arrange = 排列
cmd-copy = 复制
cmd-copy-tip = 复制选中的框（也以文字形式放入剪贴板，可粘贴到另一个窗口）
cmd-cut = 剪切
cmd-cut-tip = 复制选中的框并删除
cmd-paste = 粘贴
cmd-paste-tip = 把框粘贴到本版（粘贴的文字框是空的；标题框和图片框显示同一篇稿件和图片）
cmd-paste-in-place = 原位粘贴
cmd-paste-in-place-tip = 把框粘贴到本版的相同位置
cmd-duplicate = 直接复制
cmd-duplicate-tip = 在旁边复制一份选中的框
cmd-select-all = 全选框
cmd-select-all-tip = 选中本版所有的框
cmd-next-frame = 下一个框
cmd-next-frame-tip = 选中本版的下一个框
cmd-previous-frame = 上一个框
cmd-previous-frame-tip = 选中本版的上一个框
cmd-lock-frames = 锁定 / 解锁
cmd-lock-frames-tip = 锁定的框不能移动、缩放或删除
cmd-align-left = 左对齐
cmd-align-left-tip = 把选中的框移到最左边的左边线
cmd-align-h-center = 水平居中对齐
cmd-align-h-center-tip = 让选中的框以选区的竖中线对齐
cmd-align-right = 右对齐
cmd-align-right-tip = 把选中的框移到最右边的右边线
cmd-align-top = 顶对齐
cmd-align-top-tip = 把选中的框移到最高的上边线
cmd-align-v-center = 垂直居中对齐
cmd-align-v-center-tip = 让选中的框以选区的横中线对齐
cmd-align-bottom = 底对齐
cmd-align-bottom-tip = 把选中的框移到最低的下边线
cmd-distribute-horizontally = 水平等距分布
cmd-distribute-horizontally-tip = 让选中的框从左到右间距相等
cmd-distribute-vertically = 垂直等距分布
cmd-distribute-vertically-tip = 让选中的框从上到下间距相等
status-select-to-copy = 请先选中要复制的框
status-copied = 已复制 { $count } 个框
status-nothing-to-paste = 剪贴板里没有框
status-select-to-lock = 请先选中要锁定的框
status-select-two = 至少选中两个框才能对齐
status-select-three = 至少选中三个框才能分布
status-locked-kept = { $count } 个锁定的框未删除
undo-duplicate = 直接复制
undo-paste = 粘贴
undo-paste-in-place = 原位粘贴
undo-lock = 锁定
undo-unlock = 解锁
undo-align = 对齐
undo-distribute = 分布
undo-nudge = 微移
props-selected-count = 已选中 { $count } 个框
props-locked = 锁定

## 线条、方框、底纹、绕排、图片
tool-rule = 线条
tool-box = 方框
cmd-tool-rule-frame = 画线条
cmd-tool-rule-frame-tip = 在版面上拖动画一条线（沿较长的一边）
cmd-tool-box-frame = 画方框
cmd-tool-box-frame-tip = 在版面上拖动画一个方框：底纹和（或）边框
frame-kind-box = 方框
decor-fill = 填充
decor-on = 开
decor-border = 边框
decor-border-on = 开
decor-tint = 底纹
decor-inset = 文字内缩
decor-weight = 粗细
decor-style = 线型
rule-solid = 实线
rule-dashed = 虚线
rule-dotted = 点线
rule-thick-thin = 文武线（上粗下细）
rule-thin-thick = 文武线（上细下粗）
decor-wrap = 图文互斥（文字绕排）
decor-wrap-offset = 距离
undo-decor = 修改线条或方框
undo-wrap = 文字绕排

## 样式的使用处
use-role = 全报{ $part }默认样式
use-story-part = 稿件 { $story } 的{ $part }
use-paragraph = 稿件 { $story } 第 { $n } 段
use-template-folio = 版式 { $template } 的报眉
use-page-folio = 第{ $page }版的报眉框
part-kicker = 引题
part-headline = 主题
part-deck = 副题
part-byline = 署名
part-body = 正文
part-caption = 图片说明
part-credit = 摄影署名
part-jump = 转版提示
part-folio = 报眉

## 不可用的数值
problem-range = { $field }必须{ $low }、不超过 { $max }{ $unit }，不能是 { $value }
range-more-than = 大于 { $n }
range-at-least = 至少为 { $n }
problem-other = { $field }：{ $reason }
problem-empty-family = 字体名称是空的
problem-scale = 长扁（水平缩放）必须在 50% 到 200% 之间，不能是 { $value }
problem-no-type-width = 内外边距加起来和页面一样宽，没有留下版心
problem-no-type-height = 上下边距加起来和页面一样高，没有留下版心
problem-count = { $field }必须是 1 到 { $max }，不能是 { $value }
problem-gutter-too-wide = 栏间距太宽：{ $gutters } 个 { $gutter } pt 的栏间距占满了 { $area } pt 宽的版心，排不下各栏
problem-chars-too-wide = { $columns } 栏、每栏 { $chars } 字、字号 { $size } pt 共需 { $need } pt，超过版心宽度 { $area } pt
problem-folio-too-tall = 报眉高度（{ $folio }）必须放得进上边距（{ $top }）
field-name-size = 字号
field-name-leading = 行距
field-name-scale = 长扁
field-name-tracking_em = 字距
field-name-indent_em = 首行缩进
field-name-space_before = 段前
field-name-space_after = 段后
field-name-family = 字体
field-name-width = 版面宽度
field-name-height = 版面高度
field-name-bleed = 出血
field-name-top = 上边距
field-name-bottom = 下边距
field-name-inside = 内边距
field-name-outside = 外边距
field-name-columns = 栏数
field-name-modules = 模块数
field-name-gutter = 栏间距
field-name-baseline = 基线网格
field-name-chars = 每栏字数
