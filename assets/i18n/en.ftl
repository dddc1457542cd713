# Broadsheet's interface in English. Every message here has its twin in zh-CN.ftl; a test
# refuses a message missing from either file, and one the source uses that neither defines.

## Words used everywhere
ok = OK
cancel = Cancel
close = Close
save = Save
dont-save = Don't save
open = Open
import = Import
export = Export
create = Create
recover = Recover
discard = Discard
none = (none)
default = default
untitled = Untitled
page-label = Page { $page }

## Menus and tools
menu-file = File
menu-edit = Edit
menu-pages = Pages
menu-view = View
menu-open-recent = Open Recent
menu-no-recent = No recent files
menu-language = Language
menu-language-system = Follow the system ({ $language })
tool-select = Select
tool-text = Text frame
tool-headline = Headline frame
tool-photo = Photo frame
tool-preview = Preview

## Commands: the name, then what it does
cmd-new = New edition…
cmd-new-tip = Start a new edition from a page template preset
cmd-open = Open…
cmd-open-tip = Open a layout file (.ron)
cmd-save = Save
cmd-save-tip = Save the edition to its file
cmd-save-as = Save As…
cmd-save-as-tip = Save the edition to a new file
cmd-import-articles = Import articles…
cmd-import-articles-tip = Read articles from text or Markdown files into new stories
cmd-import-photos = Import photos…
cmd-import-photos-tip = Add photo files to the edition
cmd-export-pdf = Export PDF…
cmd-export-pdf-tip = Write every page as a print-ready PDF
cmd-export-data = Export PDF-ready data…
cmd-export-data-tip = Write the positioned display list as JSON
cmd-quit = Quit
cmd-quit-tip = Close the editor
cmd-undo = Undo
cmd-undo-tip = Undo the last change
cmd-redo = Redo
cmd-redo-tip = Redo the last undone change
cmd-delete-frame = Delete frame
cmd-delete-frame-tip = Delete the selected frame
cmd-link-frame = Link to next frame…
cmd-link-frame-tip = Continue the selected frame's story in the next frame you click
cmd-unlink-frame = Unlink frame
cmd-unlink-frame-tip = Take the selected frame out of its story's thread
cmd-tool-select = Select tool
cmd-tool-select-tip = Select, move and resize frames
cmd-tool-text-frame = Draw text frame
cmd-tool-text-frame-tip = Drag on the page to draw a text frame
cmd-tool-headline-frame = Draw headline frame
cmd-tool-headline-frame-tip = Drag on the page to draw a headline frame
cmd-tool-photo-frame = Draw photo frame
cmd-tool-photo-frame-tip = Drag on the page to draw a photo frame
cmd-next-page = Next page
cmd-next-page-tip = Show the next page (or spread in preview)
cmd-previous-page = Previous page
cmd-previous-page-tip = Show the previous page (or spread in preview)
cmd-add-page = Add page
cmd-add-page-tip = Add a page after this one
cmd-delete-page = Delete page
cmd-delete-page-tip = Delete this page
cmd-move-page-earlier = Move page earlier
cmd-move-page-earlier-tip = Move this page one place forward; jump lines follow
cmd-move-page-later = Move page later
cmd-move-page-later-tip = Move this page one place back; jump lines follow
cmd-zoom-in = Zoom in
cmd-zoom-in-tip = Magnify the page
cmd-zoom-out = Zoom out
cmd-zoom-out-tip = Shrink the page
cmd-fit-page = Fit page
cmd-fit-page-tip = Show the whole page
cmd-fit-width = Fit width
cmd-fit-width-tip = Fit the page's width to the window
cmd-actual-size = Actual size (100%)
cmd-actual-size-tip = Show the page at its printed size
cmd-toggle-guides = Guides
cmd-toggle-guides-tip = Show margins, columns, modules and the baseline grid
cmd-toggle-preview = Preview
cmd-toggle-preview-tip = Editors' preview: facing pages, no guides, frame edges or handles
cmd-toggle-preflight = Preflight panel
cmd-toggle-preflight-tip = List the layout's errors and warnings
cmd-toggle-frame-time = Frame time overlay
cmd-toggle-frame-time-tip = Show how long each frame takes to draw
cmd-command-palette = Command palette…
cmd-command-palette-tip = Find and run any command by name

## The command palette
palette-title = Commands
palette-search = Search
palette-hint = Type a command, its pinyin initials or its English name…

## Undo steps, as "Undid …" names them
undo-add-page = Add page
undo-body-style = Change body style
undo-caption-story = Change caption
undo-crop = Crop photo
undo-delete-frame = Delete frame
undo-delete-page = Delete page
undo-draw-frame = Draw frame
undo-frame-geometry = Change frame geometry
undo-import-articles = Import articles
undo-import-photos = Import photos
undo-link = Link frames
undo-move-frame = Move frame
undo-move-page = Move page
undo-page-title = Page title
undo-photo-fit = Photo fit
undo-place-photo = Place photo
undo-place-story = Place story
undo-resize-frame = Resize frame
undo-text-frame = Change text frame
undo-typing = Typing
undo-unlink = Unlink frame

## Status bar
status-undid = Undid { $what }
status-redid = Redid { $what }
status-nothing-to-undo = Nothing to undo
status-nothing-to-redo = Nothing to redo
status-select-to-delete = Select a frame to delete
status-click-to-link = Click the text frame the story continues in (Esc cancels)
status-select-to-link = Select a threaded text frame to link from
status-linked = Linked
status-recovered = Recovered unsaved changes
status-new-edition = New edition
status-opened = Opened { $path }
status-saved = Saved { $path }
status-exported-pdf = Exported { $pages } pages to { $path } ({ $kb } KB, { $ms } ms)
status-exported-data = Exported the display list of { $pages } pages to { $path }
status-imported-articles = Imported { $count } articles. Draw a text frame (T) to place the selected one.
status-imported-photos = Imported { $count } photos. Draw a photo frame (F) to place one.
status-pointer = Page { $page } x { $x } mm, y { $y } mm
status-findings = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } · { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
status-unsaved = ● unsaved
task-opening = Opening
task-saving = Saving
task-importing = Importing

## Errors and refusals
error-undo = Cannot undo: { $reason }
error-redo = Cannot redo: { $reason }
error-recovery-unreadable = The recovery file cannot be read: { $reason }
error-drop-kinds = Drop .ron layouts, .txt/.md articles or .jpg/.png photos.
error-photos-unreadable = Some photos could not be read:
    { $list }
refused-no-frame = Select a frame first.
refused-not-threaded = Frame { $frame } is not in a story's thread.
refused-not-text-frame = A story can only continue in a text frame.
refused-last-page = An edition keeps at least one page.
refused-no-page = There is no page { $page }.
refused-no-story = Import or select a story first.
refused-no-photo = Import a photo first (Ctrl+D, or drop a file on the window).

## Dialogs
dialog-error = Something went wrong
dialog-unsaved = Unsaved changes
dialog-unsaved-question = Save the changes to { $name } first?
dialog-recover = Recover unsaved work?
dialog-recover-unsaved-edition = an unsaved edition
dialog-recover-text = Broadsheet did not close cleanly. Changes to { $what } from { $minutes } minutes ago were kept.
dialog-load-failed = { $path } cannot be opened
dialog-load-failed-recovery = Open the recovery copy
dialog-load-failed-backup = Open the backup { $path }
dialog-load-failed-other = Open another file…
dialog-load-failed-new = Start a new edition
dialog-new-edition = New edition
dialog-page-template = Page template

## File chooser
pick-open = Open layout
pick-save-as = Save layout as
pick-import-articles = Import articles
pick-import-photos = Import photos
pick-export-pdf = Export PDF
pick-export-data = Export PDF-ready data
chooser-up = Up
chooser-up-tip = The folder above
chooser-folder = Folder
chooser-file-name = File name
chooser-empty = No matching files here.
chooser-many = Ctrl+click picks several files.

## Canvas
canvas-no-page = No page to show.
canvas-drop-hint = Drop layouts, articles or photos
a11y-frame = Frame { $id }
a11y-handle = Resize handle { $x } { $y }
a11y-sheet = Sheet of page { $page }
a11y-page = Page { $page }

## Pages panel
pages-section = Section
undo-page-section = Page section
pages-title = Page title
pages-stories = { $count } stories
pages-unplaced = { $headline } (unplaced)

## Properties panel
props-nothing-selected = Click a frame to select it, or draw one (T, H, F, R, B).
frame-kind-text = Text frame
frame-kind-headline = Headline frame
frame-kind-photo = Photo frame
frame-kind-rule = Rule
frame-kind-folio = Folio
geom-x = X
geom-y = Y
geom-w = W
geom-h = H
props-columns = Columns
props-own-gutter = Own gutter
props-gutter = Gutter
props-balance = Balance columns
props-story = Story
props-thread-place = Frame { $n } of { $of } in the thread of “{ $headline }”
props-photo = Photo
props-caption-from = Caption from
props-fill = Fill frame
props-fit = Fit inside
props-crop-reset = Show the whole photo
props-crop-tip = Also: double-click the photo. Ctrl-drag moves the photo in its frame, Alt+wheel scales it.
props-fit-width = Fit width
props-crop = Crop (% of the photo cut off)
side-left = Left
side-top = Top
side-right = Right
side-bottom = Bottom
props-story-chars = { $id } · { $count } characters
props-jumps = Jump lines: { $lines }
props-body-style = Body style
props-default-style = default ({ $style })
field-kicker = Kicker (引题)
field-headline = Headline (主题)
field-deck = Deck (副题)
field-byline = Byline
field-body = Body text
field-caption = Caption
field-credit = Credit

props-type = Type
props-paragraph-style = Style of paragraph { $n }
undo-part-style = Change story type
undo-paragraph-style = Paragraph style

fit-fits = fits
fit-over = +{ $lines } lines
fit-under = −{ $lines } lines

## Preflight
preflight-title = Preflight
preflight-count = { $count } findings
preflight-none = No problems found.
diag-overset = +{ $lines } lines do not fit the story's frames (nothing is cut: enlarge a frame, add one to the thread, or cut the text)
diag-underset = −{ $lines } lines: the frames have room to spare
diag-unplaced = The story is in no text frame yet
diag-missing-glyph = No font has { $chars }; they print as boxes (first in { $part ->
        [body] paragraph { $paragraph }
        [kicker] the kicker
        [headline] the headline
        [deck] the deck
        [byline] the byline
        [caption] the caption
        [credit] the credit
        [folio] the folio
       *[other] the { $part }
    }, character { $char }; { $count } in all)
diag-missing-font = Font “{ $family }” is missing (not in the edition's fonts folder, a font folder or the system): set in { $fallback } meanwhile{ $pages ->
        [none] {""}
       *[other] , on page { $pages }
    }
diag-fallback-font = { $chars } set in “{ $family }”, a font of this machine that no style names: where it is not installed they print as boxes; name it as a style’s fallback to record it
diag-font-changed = Font “{ $family }” now comes from { $file }, not the file the edition was laid out with ({ $was }): lines may break differently
diag-font-embedding = Font “{ $family }” cannot go into the PDF: its licence (OS/2 fsType: { $ban }) forbids it; choose another font for page { $pages }
diag-overlap = Frames “{ $frame }” and “{ $other }” overlap
diag-outside-trim = The frame reaches outside the page's trim
diag-headline-overset = The headline stack needs { $needed } pt but the frame is { $height } pt high
diag-vertical-headline-overset = The vertical headline's columns need { $needed } pt across but the frame is { $width } pt wide
diag-mixed-orientation = Frame “{ $frame }” is set the way its story's thread starts (vertical or horizontal), not its own
diag-low-resolution = Photo “{ $photo }” prints at { $ppi } PPI (under 200): it may look soft
diag-missing-photo = Photo “{ $photo }”: { $path } is missing; a placeholder prints in its place
diag-unreadable-photo = Photo “{ $photo }”: { $path } cannot be read; a placeholder prints in its place
diag-corrupt-photo = Photo “{ $photo }”: { $path } is damaged; a placeholder prints in its place
diag-photo-too-large = Photo “{ $photo }”: { $path } is too large to read; a placeholder prints in its place
diag-unknown-font = No font family “{ $family }”; set in { $fallback } meanwhile
diag-narrow-wrap = A text wrap leaves only { $chars } characters of column { $column } of frame “{ $frame }”: its lines there stay empty
diag-caption-overset = The caption needs { $needed } pt but the photo frame leaves { $height } pt for it

## Type
tab-properties = Properties
tab-styles = Styles
cmd-headline-bigger = Headline size up
cmd-headline-bigger-tip = Step the selected story's headline one Chinese size up (五号 → 小四 …)
cmd-headline-smaller = Headline size down
cmd-headline-smaller-tip = Step the selected story's headline one Chinese size down
props-size-step = Step
props-headline-type = Headline type (style { $style })
status-headline-size = Headline size: { $size }
undo-headline-type = Headline type
undo-style = Change style
undo-new-style = New style
undo-delete-style = Delete style
undo-rename-style = Rename style
styles-title = Paragraph styles
styles-new = New
styles-duplicate = Duplicate
styles-rename = Rename
styles-delete = Delete
styles-new-name = style
styles-new-name-label = New name
styles-name-empty = A style needs a name.
styles-name-taken = There is already a style named { $name }.
styles-in-use = Style { $style } is still used by: { $users }. Set those to another style first.
styles-used-by = Used by { $count } places
styles-family = Font
styles-fallback = Fallback fonts
styles-fallback-add = Add a fallback font
styles-fallback-remove = Take { $family } out of the fallbacks
styles-family-search = Search families…
styles-family-search-label = Search
styles-family-choose = Choose a family…
fonts-replace-label = Replace { $family } with
font-place-edition = edition's fonts
font-place-folder = font folder
font-place-system = system
font-place-bundled = bundled
styles-weight = Weight
weight-regular = Regular
weight-bold = Bold
styles-italic = Italic
styles-size = Size
styles-size-unreadable = “{ $text }” is not a size: type a Chinese size name such as 小初 or 五号, or points such as 36
styles-font-unknown = There is no font family “{ $family }” here.
styles-leading = Leading
styles-scale = Horizontal scale
styles-tracking = Tracking
styles-indent = First-line indent
styles-align = Alignment
align-justify = Justify
align-left = Left
align-center = Center
align-right = Right
styles-space-before = Space before
styles-space-after = Space after
styles-color = Colour (CMYK)
styles-prohibition = Line-break rules
prohibition-none = None (Unicode only)
prohibition-basic = Basic (clreq)
prohibition-gb = GB/T 15834
prohibition-strict = Strict
styles-han-latin = Han–Latin space
styles-han-latin-on = ¼ em between Chinese and Latin
styles-punct = Punctuation
punct-full = Full width (全角式)
punct-kaiming = Kaiming: pauses half width (开明式)
punct-line-end-half = Half width at line ends (行末半角)
punct-all-half = All half width (全部半角)
styles-hanging = Hanging
styles-hanging-on = 、，。 may hang past the line end
styles-push = Adjust first
push-in-first = Squeeze in
push-out-first = Push out
styles-max-squeezed = Marks squeezed per line (most)
styles-max-spacing = Widest extra spacing

## Edition settings
cmd-edition-settings = Edition settings…
cmd-edition-settings-tip = Paper name, date, issue numbers, language and sections
remove = Remove
undo-edition-settings = Edition settings
cmd-fit-story = Fit story
cmd-fit-story-tip = The smallest change within the house limits (tracking, the last frame's height) that makes the story end on the last line of its last frame; the text is never touched
undo-fit-story = Fit story
props-fit-story = Fit
cut-mark = cut
props-caption-beside = Caption beside the photo
props-caption-beside-tip = Set the caption and credit in a column at the image's right (a photo-news layout) instead of under it
undo-caption-beside = Caption placement
status-cut-marked = {" "}— the { $lines } shortest paragraph endings are marked 删 on the page: cutting their few characters saves a line each
props-auto-fit = Auto-fit
props-auto-fit-tip = Fit this story again by tracking after every edit (its frames stay where you put them)
undo-auto-fit = Auto-fit
props-copyfit = Copyfit: tracking { $pct }%
fit-tracking = tracking { $pct }%
fit-frame = last frame { $lines } lines
fit-scale = width { $pct }%
fit-columns = { $columns } columns
list-sep = {", "}
status-fit-already = Story { $story } already fits
status-fitted = Fitted { $story }: { $what }
status-fit-closer = { $story }: { $what }; not exact: { $lines } lines (over when positive, empty when negative)
status-fit-cannot = { $story } cannot be fitted within the limits: { $lines } lines over (negative: empty)
cmd-copyfit-page = Copyfit page
cmd-copyfit-page-tip = Move the edges between the stories on this page (and photos, within the crop tolerance) on the grid so every story ends on the last line of its frames, then fit the rest by tracking; one undo step
undo-fit-page = Copyfit page
status-fit-page-stale = Page { $page } changed while it was being fitted: nothing was moved; fit it again
cmd-propose-page = Propose page…
cmd-propose-page-tip = Lay out the stories you choose for this page as modular pages on its grid, every story fitted, and pick one to edit
undo-propose-page = Propose page
propose-title = Propose page { $page }
propose-help = Tick the stories for the page and order them by priority, the lead first. Each proposal is fitted: no holes, no overset.
propose-run = Propose
propose-running = Laying out…
propose-failed = The proposals could not be made
propose-score = Proposal { $n }: score { $score } (lower is better)
propose-use = Use this one
propose-up = Higher priority
propose-down = Lower priority
fit-page-left = { $story } { $lines } lines
status-fit-page-already = Page { $page }: every story already fits
status-fit-page = Fitted page { $page }: { $fitted } stories end on their last line
status-fit-page-left = Fitted page { $page }: { $fitted } stories fit; still off (over when positive, empty when negative): { $left }
cmd-fonts = Fonts…
cmd-fonts-tip = The edition's fonts: where each comes from, missing or changed ones, replacing a family, font folders
undo-replace-font = Replace font
fonts-title = Fonts
fonts-intro = Fonts are looked for in the edition's fonts folder, then your font folders, the system's fonts, then Broadsheet's own.
fonts-family = Family
fonts-file = File
fonts-state = State
fonts-users = Styles
fonts-replace-with = Replace with
fonts-replace = Replace
fonts-state-ok = found
fonts-state-missing = missing: set in { $fallback }
fonts-state-changed = a different file than when saved
fonts-state-forbidden = not allowed in a PDF: { $reason }
fonts-folders = Font folders
fonts-edition-folder = The edition's own fonts: { $folder }
fonts-edition-folder-unsaved = The edition's own fonts: a “fonts” folder beside the file, once it is saved
fonts-folder-remove = Remove
fonts-folder-hint = A folder of fonts, e.g. /home/me/fonts/方正
fonts-folder-add = Add folder
fonts-folder-bad = { $folder } is not a folder
fonts-reload = Read fonts again
status-fonts-reloaded = Fonts read again
edition-title = Edition settings
edition-paper = Paper name
edition-date = Date
edition-date-prints = Prints as: { $date }
edition-date-none = No date: the folio prints none
edition-date-bad = { $reason }
edition-issue = Issue number
edition-total = Total issue number
edition-lang = Language
edition-sections = Sections and page labels
edition-section-name = Section name
edition-section-prefix = Prefix
edition-add-section = Add section
edition-number-bad = { $what } must be a whole number, not “{ $text }”

## Page setup
cmd-page-setup = Page setup…
cmd-page-setup-tip = Page size, margins, columns, gutter, modules, baseline grid and folio of this page's template
undo-page-setup = Page setup
template-title = Page setup: { $name }
template-preset = Start from:
template-apply-to = Apply to:
template-scope-all = every page on this template ({ $count })
template-scope-page = this page only
template-name = Name
template-width = Page width
template-height = Page height
template-margin-top = Top margin
template-margin-bottom = Bottom margin
template-margin-inside = Inside margin
template-margin-outside = Outside margin
template-columns = Columns
template-by-chars = Column width
template-by-chars-on = in whole characters (字), gutters follow
template-chars = Characters per column
template-chars-size = at size
template-gutter = Gutter
template-modules = Modules
template-baseline = Baseline grid
template-folio = Folio
template-folio-on = print a folio line
template-folio-height = Folio band height
template-folio-rule = Folio rule
template-folio-rule-on = rule under the folio
template-folio-left = Folio left
template-folio-right = Folio right
template-folio-placeholders = Placeholders: { $list }
template-summary = { $columns } columns of { $width } mm ({ $chars } characters at { $size }), gutters { $gutter } mm

## Selection, clipboard, arrange
menu-arrange = Arrange
cmd-copy = Copy
cmd-copy-tip = Copy the selected frames (also as text another window can paste)
cmd-cut = Cut
cmd-cut-tip = Copy the selected frames and delete them
cmd-paste = Paste
cmd-paste-tip = Paste frames on this page (a pasted text frame is empty; headline and photo frames show the same story and photo)
cmd-paste-in-place = Paste in place
cmd-paste-in-place-tip = Paste frames at the same position on this page
cmd-duplicate = Duplicate
cmd-duplicate-tip = Copy the selected frames next to themselves
cmd-select-all = Select all frames
cmd-select-all-tip = Select every frame of this page
cmd-next-frame = Next frame
cmd-next-frame-tip = Select the next frame of this page
cmd-previous-frame = Previous frame
cmd-previous-frame-tip = Select the previous frame of this page
cmd-lock-frames = Lock / unlock
cmd-lock-frames-tip = Locked frames cannot be moved, resized or deleted
cmd-align-left = Align left edges
cmd-align-left-tip = Move the selected frames to the leftmost left edge
cmd-align-h-center = Align horizontal centres
cmd-align-h-center-tip = Centre the selected frames on the selection's vertical centre line
cmd-align-right = Align right edges
cmd-align-right-tip = Move the selected frames to the rightmost right edge
cmd-align-top = Align top edges
cmd-align-top-tip = Move the selected frames to the highest top edge
cmd-align-v-center = Align vertical centres
cmd-align-v-center-tip = Centre the selected frames on the selection's horizontal centre line
cmd-align-bottom = Align bottom edges
cmd-align-bottom-tip = Move the selected frames to the lowest bottom edge
cmd-distribute-horizontally = Distribute horizontally
cmd-distribute-horizontally-tip = Equal gaps between the selected frames, left to right
cmd-distribute-vertically = Distribute vertically
cmd-distribute-vertically-tip = Equal gaps between the selected frames, top to bottom
status-select-to-copy = Select frames to copy
status-copied = Copied { $count } frames
status-nothing-to-paste = No frames on the clipboard
status-select-to-lock = Select frames to lock
status-select-two = Select two frames or more to align
status-select-three = Select three frames or more to distribute
status-locked-kept = { $count } locked frames were kept
undo-duplicate = Duplicate
undo-paste = Paste
undo-paste-in-place = Paste in place
undo-lock = Lock
undo-unlock = Unlock
undo-align = Align
undo-distribute = Distribute
undo-nudge = Nudge
props-selected-count = { $count } frames selected
props-locked = Locked
props-vertical = Vertical (竖排)
undo-vertical = Set vertically
undo-horizontal = Set horizontally

## Rules, boxes, tints, wrap, photos
tool-rule = Rule
tool-box = Box
cmd-tool-rule-frame = Draw rule
cmd-tool-rule-frame-tip = Drag on the page to draw a rule (along the longer side)
cmd-tool-box-frame = Draw box
cmd-tool-box-frame-tip = Drag on the page to draw a box: a tint (底纹) and/or a border
frame-kind-box = Box
decor-fill = Fill
decor-on = on
decor-border = Border
decor-border-on = on
decor-tint = Tint (底纹)
decor-inset = Text inset
decor-weight = Weight
decor-style = Style
rule-solid = Solid
rule-dashed = Dashed
rule-dotted = Dotted
rule-thick-thin = Thick–thin (文武线)
rule-thin-thick = Thin–thick
decor-wrap = Text wraps around it (图文互斥)
decor-wrap-offset = Offset
undo-decor = Change rule or box
undo-wrap = Text wrap

## Where a style is used
use-role = the edition's { $part } style
use-story-part = story { $story } ({ $part })
use-paragraph = story { $story }, paragraph { $n }
use-template-folio = the folio of template { $template }
use-page-folio = the folio frame on page { $page }
part-kicker = kicker
part-headline = headline
part-deck = deck
part-byline = byline
part-body = body
part-caption = caption
part-credit = credit
part-jump = jump lines
part-folio = folio

## Refused values
problem-range = { $field } must be { $low } and at most { $max }{ $unit }, not { $value }
range-more-than = more than { $n }
range-at-least = at least { $n }
problem-other = { $reason }
problem-empty-family = the font family is empty
problem-scale = the horizontal scale must be between 50% and 200%, not { $value }
problem-no-type-width = the inside and outside margins leave no type area: together they are as wide as the page
problem-no-type-height = the top and bottom margins leave no type area: together they are as tall as the page
problem-count = { $field } must be 1 to { $max }, not { $value }
problem-gutter-too-wide = the gutters are too wide: { $gutters } gutters of { $gutter } pt leave no room for the columns of a { $area } pt type area
problem-chars-too-wide = { $columns } columns of { $chars } 字 at { $size } pt need { $need } pt, more than the { $area } pt type area
problem-folio-too-tall = the folio band ({ $folio }) must fit in the top margin ({ $top })
field-name-size = size
field-name-leading = leading
field-name-scale = horizontal scale
field-name-tracking_em = tracking
field-name-indent_em = first-line indent
field-name-space_before = space before
field-name-space_after = space after
field-name-family = font
field-name-width = page width
field-name-height = page height
field-name-bleed = bleed
field-name-top = top margin
field-name-bottom = bottom margin
field-name-inside = inside margin
field-name-outside = outside margin
field-name-columns = columns
field-name-modules = modules
field-name-gutter = gutter
field-name-baseline = baseline grid
field-name-chars = characters per column
