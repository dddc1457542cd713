//! The pages panel: page thumbnails (click to show, drag to reorder), the page title, and
//! the stories with their copyfit.

use std::collections::{HashMap, HashSet};

use egui::{Color32, Sense, vec2};

use crate::app::history::Merge;
use crate::app::i18n::t;
use crate::app::newsroom::Ask;
use crate::app::{Command, Intent, intent::Intents};
use crate::layout::EditionLayout;
use crate::model::{Edit, Edition, Page, PageStatus, StoryId};
use crate::store::Role;
use crate::store::live::Room;

/// A page being dragged in the pages panel.
struct PageDrag(usize);

/// Page thumbnails (click to show, drag to reorder), then the stories with their copyfit.
// What the panel shows comes from five places; a struct for them would only rename them.
#[allow(clippy::too_many_arguments)]
pub fn pages_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    current: usize,
    selected_story: Option<&StoryId>,
    thumbnail: &mut crate::app::PageImage<'_>,
    newsroom: Option<&Newsroom<'_>>,
    actions: &mut Intents,
) {
    // The masthead facts; a click opens the edition settings.
    let c = Command::EditionSettings;
    let masthead = ui
        .add(egui::Label::new(egui::RichText::new(&edition.paper).heading()).sense(Sense::click()))
        | ui.add(egui::Label::new(edition.date_text()).sense(Sense::click()));
    if masthead
        .on_hover_text(format!("{} ({})", c.text(), c.shortcut_text(ui.ctx())))
        .clicked()
    {
        actions.push(Intent::Run(c));
    }
    ui.horizontal(|ui| {
        for c in [
            Command::AddPage,
            Command::DeletePage,
            Command::MovePageEarlier,
            Command::MovePageLater,
        ] {
            let enabled = c != Command::DeletePage || edition.pages.len() > 1;
            let icon = match c {
                Command::AddPage => "＋",
                Command::DeletePage => "－",
                Command::MovePageEarlier => "↑",
                _ => "↓",
            };
            let b = ui
                .add_enabled(enabled, egui::Button::new(icon))
                .on_hover_text(format!("{} ({})", c.text(), c.shortcut_text(ui.ctx())));
            let name = c.text();
            b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
            if b.clicked() {
                actions.push(Intent::Run(c));
            }
        }
    });
    // The current page's section title, printed in its folio.
    if let Some(page) = edition.pages.get(current) {
        let mut title = page.title.clone();
        ui.horizontal(|ui| {
            let l = ui.label(t!("pages-title"));
            let r = ui
                .add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            if title != page.title {
                actions.push(Intent::Edit {
                    edits: vec![Edit::SetPageTitle {
                        page: page.id.clone(),
                        title,
                    }],
                    label: "undo-page-title",
                    merge: Some(Merge::PageTitle(page.id.clone())),
                });
            }
            if r.lost_focus() {
                actions.push(Intent::Commit);
            }
        });
        if !edition.sections.is_empty() {
            section_ui(ui, edition, page, actions);
        }
        if let Some(n) = newsroom {
            page_newsroom_ui(ui, page, n, actions);
        }
    }
    ui.separator();
    let width = 120.0;
    egui::ScrollArea::vertical()
        .id_salt("pages")
        .max_height(ui.available_height() * 0.55)
        .show(ui, |ui| {
            for (i, page) in edition.pages.iter().enumerate() {
                let Some(t) = edition.template(&page.template) else {
                    continue;
                };
                let size = vec2(width, width * t.height.pt().0 / t.width.pt().0);
                let px = width * ui.ctx().pixels_per_point();
                let label = format!(
                    "{} {}",
                    t!("page-label", page = edition.page_label(i)),
                    page.title
                );
                ui.vertical_centered(|ui| {
                    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
                    let name = t!("a11y-page", page = edition.page_label(i));
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, i == current, &name)
                    });
                    let painter = ui.painter();
                    painter.rect_filled(rect, 0.0, Color32::WHITE);
                    if let Some((texture, _)) = thumbnail(i, px, None) {
                        let uv =
                            egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
                        painter.image(texture, rect, uv, Color32::WHITE);
                    }
                    let stroke = if i == current {
                        egui::Stroke::new(3.0, ui.visuals().selection.bg_fill)
                    } else {
                        egui::Stroke::new(1.0, Color32::GRAY)
                    };
                    painter.rect_stroke(rect, 0.0, stroke, egui::StrokeKind::Outside);
                    status_badge(painter, rect, &page.status);
                    if response.clicked() {
                        actions.push(Intent::ShowPage(i));
                    }
                    response.dnd_set_drag_payload(PageDrag(i));
                    if let Some(from) = response.dnd_hover_payload::<PageDrag>()
                        && from.0 != i
                    {
                        // Where the dragged page would land.
                        let y = if from.0 < i {
                            rect.bottom() + 3.0
                        } else {
                            rect.top() - 3.0
                        };
                        painter.hline(
                            rect.x_range(),
                            y,
                            egui::Stroke::new(3.0, Color32::from_rgb(0, 140, 255)),
                        );
                    }
                    if let Some(from) = response.dnd_release_payload::<PageDrag>()
                        && from.0 != i
                    {
                        actions.push(Intent::Edit {
                            edits: vec![Edit::MovePage {
                                page: edition.pages[from.0].id.clone(),
                                to: i,
                            }],
                            label: "undo-move-page",
                            merge: None,
                        });
                        actions.push(Intent::ShowPage(i));
                    }
                    // The hold on the thumbnail itself, so it shows without scrolling.
                    if let Some(hold) = newsroom.and_then(|n| n.room.hold(page.id.as_str())) {
                        let bar = egui::Rect::from_min_max(
                            egui::pos2(rect.left(), rect.bottom() - 20.0),
                            rect.right_bottom(),
                        );
                        ui.painter()
                            .rect_filled(bar, 0.0, Color32::from_black_alpha(190));
                        ui.put(
                            bar,
                            egui::Label::new(
                                egui::RichText::new(crate::app::newsroom::hold_text(hold))
                                    .small()
                                    .color(Color32::WHITE),
                            )
                            .truncate(),
                        );
                    }
                    ui.label(format!("{label} · {}", status_text(&page.status)));
                });
                ui.add_space(6.0);
            }
        });
    ui.separator();
    ui.label(t!("pages-stories", count = edition.stories.len()));
    egui::ScrollArea::vertical()
        .id_salt("stories")
        .show(ui, |ui| {
            // Looked up once per frame, not once per story.
            let fits: HashMap<&StoryId, &crate::layout::StoryFit> = layout
                .map(|l| l.fits.iter().map(|f| (&f.story, f)).collect())
                .unwrap_or_default();
            let shown: HashSet<&StoryId> = edition
                .pages
                .iter()
                .flat_map(|p| &p.frames)
                .filter_map(|f| f.kind.shown_story())
                .collect();
            for story in &edition.stories {
                let fit = fits.get(&story.id);
                let badge = fit
                    .map(|f| crate::app::diagnostics::badge(f))
                    .unwrap_or_default();
                let color = match fit.map_or(0, |f| f.lines_over) {
                    n if n > 0 => Color32::from_rgb(220, 60, 50),
                    n if n < 0 => Color32::from_rgb(200, 150, 40),
                    _ => ui.visuals().weak_text_color(),
                };
                ui.horizontal(|ui| {
                    let placed = !story.thread.is_empty() || shown.contains(&story.id);
                    let text = if placed {
                        story.headline.clone()
                    } else {
                        t!("pages-unplaced", headline = story.headline.as_str())
                    };
                    let r = ui.selectable_label(selected_story == Some(&story.id), text);
                    if r.clicked() {
                        actions.push(Intent::SelectStory(story.id.clone()));
                    }
                    ui.colored_label(color, badge);
                });
            }
        });
}

/// Which section the current page is in; its label follows (A1, A2 …).
fn section_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    page: &crate::model::Page,
    actions: &mut Intents,
) {
    let name = |id: Option<&crate::model::SectionId>| {
        id.and_then(|id| edition.section(id)).map_or_else(
            || t!("none"),
            |s| {
                if s.prefix.is_empty() {
                    s.name.clone()
                } else {
                    format!("{} ({})", s.name, s.prefix)
                }
            },
        )
    };
    let mut picked = page.section.clone();
    ui.horizontal(|ui| {
        let l = ui.label(t!("pages-section"));
        egui::ComboBox::from_id_salt("page section")
            .selected_text(name(page.section.as_ref()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut picked, None, t!("none"));
                for s in &edition.sections {
                    ui.selectable_value(&mut picked, Some(s.id.clone()), name(Some(&s.id)));
                }
            })
            .response
            .labelled_by(l.id);
    });
    if picked != page.section {
        actions.push(Intent::Edit {
            edits: vec![Edit::SetPageSection {
                page: page.id.clone(),
                section: picked,
            }],
            label: "undo-page-section",
            merge: None,
        });
    }
}

/// The page's status in words: 编辑中, 待审, 已签发（李编辑）.
pub fn status_text(status: &PageStatus) -> String {
    match status {
        PageStatus::Editing => t!("page-status-editing"),
        PageStatus::Review => t!("page-status-review"),
        PageStatus::SignedOff { by } => t!("page-status-signed-off", name = by.as_str()),
    }
}

/// A coloured corner on the thumbnail, so the status shows at a glance down the panel: none
/// while the page is being edited, amber waiting for review, green signed off.
fn status_badge(painter: &egui::Painter, rect: egui::Rect, status: &PageStatus) {
    let color = match status {
        PageStatus::Editing => return,
        PageStatus::Review => Color32::from_rgb(230, 150, 0),
        PageStatus::SignedOff { .. } => Color32::from_rgb(20, 140, 60),
    };
    let corner = rect.right_top();
    let size = 18.0;
    painter.add(egui::Shape::convex_polygon(
        vec![corner, corner + vec2(0.0, size), corner + vec2(-size, 0.0)],
        color,
        egui::Stroke::NONE,
    ));
}

/// What the pages panel shows of a server edition: who this window is and the page holds.
pub struct Newsroom<'a> {
    pub user: &'a str,
    pub role: Role,
    pub room: &'a Room,
}

/// The current page's hold and status buttons on a server edition: hold or release it (or take
/// over someone else's stale hold), send it for review, sign it off, reopen it.
fn page_newsroom_ui(ui: &mut egui::Ui, page: &Page, n: &Newsroom<'_>, actions: &mut Intents) {
    let id = page.id.as_str().to_owned();
    let mine = n.room.hold(&id).is_some_and(|h| h.holder == n.user);
    let theirs = n.room.hold(&id).filter(|h| h.holder != n.user);
    let ask = |actions: &mut Intents, ask: Ask| actions.push(Intent::Newsroom(ask));
    ui.horizontal_wrapped(|ui| {
        if mine {
            if ui.button(t!("page-release")).clicked() {
                ask(actions, Ask::Release(id.clone()));
            }
        } else if let Some(h) = theirs {
            let stale = h
                .since
                .elapsed()
                .is_ok_and(|d| d >= crate::store::roles::STALE_AFTER);
            if stale || n.role == Role::Chief {
                // Taking someone's page is confirmed first: the button asks, a second one does.
                let asking = ui.scope_id().with(("take over", id.as_str()));
                let confirming = ui.data(|d| d.get_temp::<bool>(asking)).unwrap_or(false);
                if !confirming {
                    if ui
                        .button(t!("page-take-over", name = h.holder.as_str()))
                        .clicked()
                    {
                        ui.data_mut(|d| d.insert_temp(asking, true));
                    }
                } else {
                    ui.label(t!("page-take-over-sure", name = h.holder.as_str()));
                    if ui.button(t!("page-take-over-yes")).clicked() {
                        ui.data_mut(|d| d.remove::<bool>(asking));
                        ask(
                            actions,
                            Ask::Hold {
                                page: id.clone(),
                                take_over: true,
                            },
                        );
                    }
                    if ui.button(t!("cancel")).clicked() {
                        ui.data_mut(|d| d.remove::<bool>(asking));
                    }
                }
            }
        } else if ui.button(t!("page-hold")).clicked() {
            ask(
                actions,
                Ask::Hold {
                    page: id.clone(),
                    take_over: false,
                },
            );
        }
        let status = |status| Ask::Status {
            page: page.id.clone(),
            status,
        };
        // Designers send pages for review; editors and the chief sign them off.
        let signs = n.role != Role::Designer;
        match &page.status {
            PageStatus::Editing => {
                if ui.button(t!("page-send-review")).clicked() {
                    ask(actions, status(PageStatus::Review));
                }
                if signs && ui.button(t!("page-sign-off")).clicked() {
                    ask(
                        actions,
                        status(PageStatus::SignedOff {
                            by: n.user.to_owned(),
                        }),
                    );
                }
            }
            PageStatus::Review => {
                if signs && ui.button(t!("page-sign-off")).clicked() {
                    ask(
                        actions,
                        status(PageStatus::SignedOff {
                            by: n.user.to_owned(),
                        }),
                    );
                }
                if ui.button(t!("page-back-to-editing")).clicked() {
                    ask(actions, status(PageStatus::Editing));
                }
            }
            PageStatus::SignedOff { .. } => {
                if ui.button(t!("page-reopen")).clicked() {
                    ask(actions, status(PageStatus::Editing));
                }
            }
        }
    });
}
