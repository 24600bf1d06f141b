//! Table 1, the heart of the window: rows of mechanisms grouped under the five
//! agglomeration advantages, columns of the four technological efforts, only
//! the 32 cells the paper has. Each cell shows its strength (or, in the
//! difference view, the plan's change to it) as a shade and in words; hover
//! explains it, a click keeps the explanation in the detail pane. A row
//! summary counts active cells; the effort row shows what the cells add up to.

use super::{State, about, access, band_word, explain, foot, theme};
use crate::app::action::{Action, MatrixView, ViewAction};
use crate::evaluation::Changes;
use crate::mechanism::{Advantage, Effort, Mechanism, Step, cell_index, neighbour};
use crate::text::{fill, num, texts};
use crate::words::{cell_name, change_words, limit_line, signed};
use egui::{Align2, Color32, FontId, Painter, Rect, Sense, Stroke, StrokeKind, Ui, Visuals, vec2};

/// Row heights grow with the window (a projector wants big cells) within
/// these bounds.
const ROW_HEIGHT_MIN: f32 = 21.0;
const ROW_HEIGHT_MAX: f32 = 40.0;
const GROUP_HEIGHT: f32 = 15.0;
const HEADER_HEIGHT: f32 = 24.0;
const GAP: f32 = 2.0;
const SUMMARY_WIDTH: f32 = 54.0;

/// What one cell shows: its shade, its text, whether the plan raises it.
struct CellLook {
    fill: Color32,
    /// The cell's text, longest first: the first that fits is drawn.
    texts: Vec<String>,
    /// The word and number a listener hears.
    spoken: String,
    raised: bool,
}

/// The plan's changes, when the matrix shows them (the difference view with
/// a plan active).
fn changes<'a>(s: &'a State) -> Option<&'a Changes> {
    s.differences()
        .filter(|_| s.matrix_view() == MatrixView::Difference)
}

fn look(s: &State, index: usize, visuals: &Visuals) -> CellLook {
    let t = texts();
    // "I.a cost savings × Hiring: none, 0.06": the id kept, the words added.
    let name = cell_name(s.model, s.shown().cells[index].cell);
    let spoken = |text: &str| fill(t.cell_spoken, &[("name", &name), ("text", text)]);
    match changes(s) {
        Some(changes) => {
            let d = changes.cells[index];
            let text = change_words(&d);
            let mut texts = vec![text.clone()];
            if d.from != d.to {
                // Where "none to weak" does not fit, the band it reaches.
                texts.push(fill(
                    t.cell_change_short,
                    &[("delta", &signed(d.delta)), ("to", band_word(d.to))],
                ));
            }
            texts.push(signed(d.delta));
            CellLook {
                fill: theme::strength_fill(d.delta.abs(), visuals),
                spoken: spoken(&fill(t.cell_change_spoken, &[("change", &text)])),
                texts,
                raised: false,
            }
        }
        None => {
            let c = &s.shown().cells[index];
            let text = format!("{} {}", band_word(c.band), num(c.strength));
            CellLook {
                fill: theme::strength_fill(c.strength, visuals),
                spoken: spoken(&fill(
                    t.cell_value_spoken,
                    &[("band", band_word(c.band)), ("value", &num(c.strength))],
                )),
                texts: vec![text, band_word(c.band).to_owned()],
                raised: s.raised_from(index).is_some(),
            }
        }
    }
}

/// The matrix's scroll area, for its sign at the foot.
pub const AREA: foot::Area = foot::Area("matrix");

/// A sign at the foot of the matrix while rows go on below the dock's edge
/// (at 1280×800 the chart keeps its least height and the matrix scrolls).
pub fn more_below(ui: &mut Ui, pane: &egui::scroll_area::ScrollAreaOutput<()>) {
    if foot::hides_below(pane) {
        let t = texts();
        let step = pane.inner_rect.height() - foot::height(ui);
        let text = t.matrix_more_below.to_owned();
        foot::sign(ui, pane, AREA, text, t.more_below_hint, step);
    }
}

/// Draws the matrix with its heading and view switch, in about `height` points.
pub fn panel(ui: &mut Ui, s: &State, height: f32, out: &mut Vec<Action>) {
    let top = ui.cursor().top();
    header(ui, s, out);
    let height = height - (ui.cursor().top() - top);
    table(ui, s, height, out);
}

/// The matrix's heading, its view switch and, in the Difference view, how
/// to read it: drawn above the scrolling table in the window, so the switch
/// stays in reach however far the table is scrolled.
pub fn header(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    ui.horizontal(|ui| {
        let heading = super::heading(ui, t.matrix_heading);
        about::hover_with_terms(heading, s.model, t.matrix_hint, t.matrix_heading);
        if s.active().is_some() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // Right to left: the last choice is drawn first.
                for (view, label) in super::matrix_views().into_iter().rev() {
                    if ui
                        .selectable_label(s.matrix_view() == view, label)
                        .clicked()
                    {
                        out.push(ViewAction::SetMatrixView(view).into());
                    }
                }
            });
        }
    });
    if s.matrix_view() == MatrixView::Difference {
        ui.label(egui::RichText::new(t.difference_hint).small().weak());
    }
    column_heads(ui, s);
}

/// The efforts' column heads, over the columns the table draws below: part
/// of the header, so they stay in sight however far the table scrolls.
fn column_heads(ui: &mut Ui, s: &State) {
    let probe = columns(ui.available_width(), ROW_HEIGHT_MIN, widest_label(ui, s));
    let (outer, _) = ui.allocate_exact_size(
        vec2(probe.summary_x() + SUMMARY_WIDTH, HEADER_HEIGHT),
        Sense::hover(),
    );
    let l = Layout {
        origin: outer.min,
        ..probe
    };
    headers(ui, s, &ui.painter_at(outer), &l);
}

/// Table 1's rows in about `height` points: rows keep a readable height
/// and the table scrolls where they do not fit.
pub fn table(ui: &mut Ui, s: &State, height: f32, out: &mut Vec<Action>) {
    let fixed = Advantage::ALL.len() as f32 * GROUP_HEIGHT + 16.0;
    let row_height = ((height - fixed) / (Mechanism::ALL.len() as f32 + 1.0) - GAP)
        .clamp(ROW_HEIGHT_MIN, ROW_HEIGHT_MAX);
    grid(ui, s, row_height, out);
}

/// Where everything lies in the grid.
struct Layout {
    origin: egui::Pos2,
    label_w: f32,
    cell_w: f32,
    row_h: f32,
    body: FontId,
    /// The row labels' font: the body's, or the size the label column was
    /// measured at where the body's would run into the cells.
    label: FontId,
    small: FontId,
}

impl Layout {
    fn col_x(&self, j: usize) -> f32 {
        self.label_w + j as f32 * (self.cell_w + GAP)
    }

    fn summary_x(&self) -> f32 {
        self.col_x(Effort::ALL.len())
    }

    fn rect(&self, x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(self.origin + vec2(x, y), vec2(w, h))
    }

    fn cell(&self, j: usize, y: f32) -> Rect {
        self.rect(self.col_x(j), y, self.cell_w, self.row_h)
    }
}

/// The width the longest row label needs ("IV.a  apprentissage par la
/// pratique"): French and Spanish labels run longer than English ones.
/// Room a row label needs beside its text: drawn 8 in from its column,
/// which ends 6 short of the cells, and a little air.
const LABEL_PADDING: f32 = 24.0;

/// Measured once per set of labels (they change with the language), not
/// every frame.
fn widest_label(ui: &Ui, s: &State) -> f32 {
    let labels = Mechanism::ALL.map(|m| s.model.mechanism_info(m).label.as_str());
    let id = egui::Id::unique(("matrix-widest-label", labels));
    if let Some(width) = ui.data(|d| d.get_temp::<f32>(id)) {
        return width;
    }
    let painter = ui.painter();
    let width = Mechanism::ALL
        .iter()
        .zip(labels)
        .map(|(m, label)| {
            let text = format!("{}  {label}", m.id());
            painter
                .layout_no_wrap(text, FontId::default(), egui::Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    ui.data_mut(|d| d.insert_temp(id, width));
    width
}

/// The columns of a table `width` points wide, with rows `row_h` tall, its
/// longest label `label` wide; the column heads and the rows under them
/// share it, so they line up. The labels take what they need, up to 40 %
/// of the width; the cells keep the rest.
fn columns(width: f32, row_h: f32, label: f32) -> Layout {
    let width = width.max(560.0);
    let label_w = (width * 0.27)
        .clamp(150.0, 230.0)
        .max(label + LABEL_PADDING)
        .min(width * 0.4);
    Layout {
        origin: egui::Pos2::ZERO,
        label_w,
        cell_w: ((width - label_w - SUMMARY_WIDTH) / 4.0 - GAP).max(78.0),
        row_h,
        body: FontId::default(),
        label: FontId::default(),
        small: FontId::proportional(theme::size::SMALL),
    }
}

fn grid(ui: &mut Ui, s: &State, row_h: f32, out: &mut Vec<Action>) {
    let widest = widest_label(ui, s);
    let probe = columns(ui.available_width(), row_h, widest);
    let cell_w = probe.cell_w;
    let rows =
        Mechanism::ALL.len() as f32 * (row_h + GAP) + Advantage::ALL.len() as f32 * GROUP_HEIGHT;
    let height = rows + row_h + 2.0 * GAP + 6.0;
    let (outer, _) = ui.allocate_exact_size(
        vec2(probe.summary_x() + SUMMARY_WIDTH, height),
        Sense::hover(),
    );
    let size = if cell_w >= 96.0 {
        theme::size::CELL
    } else {
        theme::size::CELL_NARROW
    };
    let body = FontId::proportional(size * (row_h / ROW_HEIGHT_MIN).min(1.25));
    // Tall rows write larger; labels that would then run into the cells
    // keep the size their column was measured at, all alike.
    let grown = widest * body.size / FontId::default().size;
    let label = if grown + LABEL_PADDING > probe.label_w {
        FontId::default()
    } else {
        body.clone()
    };
    let l = Layout {
        origin: outer.min,
        body,
        label,
        small: FontId::proportional(theme::size::SMALL),
        ..probe
    };
    let painter = ui.painter_at(outer);
    let mut y = 0.0;
    let mut last_group = None;
    for m in Mechanism::ALL {
        if last_group != Some(m.advantage()) {
            last_group = Some(m.advantage());
            group_row(ui, s, &painter, &l, m.advantage(), y);
            y += GROUP_HEIGHT;
        }
        mechanism_row(ui, s, &painter, &l, m, y, out);
        y += row_h + GAP;
    }
    effort_row(ui, s, &painter, &l, y + GAP + 4.0);
}

/// The column headers and the head of the summary column.
fn headers(ui: &Ui, s: &State, painter: &Painter, l: &Layout) {
    let t = texts();
    let visuals = ui.visuals();
    for e in Effort::ALL {
        let info = s.model.effort_info(e);
        let rect = l.rect(l.col_x(e.index()), 0.0, l.cell_w, HEADER_HEIGHT);
        let text = format!("{} · {}", e.id(), info.name);
        let ink = visuals.strong_text_color();
        // A longer name ("C · Recrutement") steps down a size rather than
        // run into the next column's head.
        let mut font = FontId::proportional(theme::size::COLUMN_HEAD);
        let width = |font: &FontId| {
            painter
                .layout_no_wrap(text.clone(), font.clone(), ink)
                .size()
                .x
        };
        if width(&font) > rect.width() - 6.0 {
            font = l.small.clone();
        }
        painter.text(rect.center(), Align2::CENTER_CENTER, &text, font, ink);
        ui.interact(
            rect,
            ui.scope_id().with(("effort-head", e.index())),
            Sense::hover(),
        )
        .on_hover_text(format!(
            "{}\n\n{}",
            crate::words::labelled(e.id(), &info.title),
            info.description
        ));
    }
    let head = l.rect(l.summary_x(), 0.0, SUMMARY_WIDTH, HEADER_HEIGHT);
    painter.text(
        head.center(),
        Align2::CENTER_CENTER,
        t.active_head,
        l.small.clone(),
        visuals.weak_text_color(),
    );
    ui.interact(head, ui.scope_id().with("active-head"), Sense::hover())
        .on_hover_text(t.active_head_hint);
}

fn group_row(ui: &Ui, s: &State, painter: &Painter, l: &Layout, adv: Advantage, y: f32) {
    let visuals = ui.visuals();
    let info = s.model.advantage_info(adv);
    let rect = l.rect(0.0, y, l.summary_x() + SUMMARY_WIDTH, GROUP_HEIGHT);
    painter.hline(
        rect.x_range(),
        rect.top() + 1.0,
        Stroke::new(
            theme::stroke::RULE,
            visuals.widgets.noninteractive.bg_stroke.color,
        ),
    );
    painter.text(
        rect.left_center() + vec2(2.0, 1.0),
        Align2::LEFT_CENTER,
        format!("{}  {}", adv.id(), info.name),
        l.small.clone(),
        visuals.weak_text_color(),
    );
    // The row groups' names are the paper's terms: hovering explains them.
    let group = ui.interact(
        rect,
        ui.scope_id().with(("group", adv.index())),
        Sense::hover(),
    );
    about::hover_with_terms(group, s.model, "", &info.name);
}

fn mechanism_row(
    ui: &mut Ui,
    s: &State,
    painter: &Painter,
    l: &Layout,
    m: Mechanism,
    y: f32,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let visuals = ui.visuals().clone();
    let info = s.model.mechanism_info(m);
    let label_rect = l.rect(0.0, y, l.label_w - 6.0, l.row_h);
    painter.text(
        label_rect.left_center() + vec2(8.0, 0.0),
        Align2::LEFT_CENTER,
        format!("{}  {}", m.id(), info.label),
        l.label.clone(),
        visuals.text_color(),
    );
    let kind = s.model.kind_info(m.kind()).name.as_str();
    let row = ui.interact(
        label_rect,
        ui.scope_id().with(("row", m.index())),
        Sense::hover(),
    );
    about::hover_with_terms(
        row,
        s.model,
        &format!(
            "{} — {}\n\n{}\n\n{}",
            m.id(),
            info.label,
            info.description,
            crate::words::labelled(t.kind_label, kind),
        ),
        &format!("{} {} {kind}", m.id(), info.label),
    );
    for e in Effort::ALL {
        let rect = l.cell(e.index(), y);
        match cell_index(m, e) {
            Some(i) => cell(ui, s, painter, l, rect, i, out),
            // Blank, not zero: the paper lists no direct effect here.
            None => {
                ui.interact(
                    rect,
                    ui.scope_id().with(("no-cell", m.index(), e.index())),
                    Sense::hover(),
                )
                .on_hover_text(t.no_cell);
            }
        }
    }
    let active = s.shown().active_per_row[m.index()];
    let summary = l.rect(l.summary_x(), y, SUMMARY_WIDTH, l.row_h);
    painter.text(
        summary.center(),
        Align2::CENTER_CENTER,
        format!("{active}/{}", m.efforts().len()),
        l.small.clone(),
        if active > 0 {
            visuals.text_color()
        } else {
            visuals.weak_text_color()
        },
    );
}

fn cell(
    ui: &mut Ui,
    s: &State,
    painter: &Painter,
    l: &Layout,
    rect: Rect,
    i: usize,
    out: &mut Vec<Action>,
) {
    let visuals = ui.visuals().clone();
    let look = look(s, i, &visuals);
    let ink = theme::text_on(look.fill);
    painter.rect_filled(rect, 3.0, look.fill);
    let room = rect.width() - 8.0;
    let fits = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), l.body.clone(), ink)
            .size()
            .x
            <= room
    };
    let text = look
        .texts
        .iter()
        .find(|text| fits(text))
        .or(look.texts.last())
        .map_or("", String::as_str);
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        l.body.clone(),
        ink,
    );
    if look.raised {
        // A corner mark where the plan raises the cell.
        let tip = rect.right_top() + vec2(-4.0, 4.0);
        painter.add(egui::Shape::convex_polygon(
            vec![tip, tip + vec2(-7.0, 0.0), tip + vec2(0.0, 7.0)],
            ink,
            Stroke::NONE,
        ));
    }
    let response = ui.interact(rect, cell_id(ui, i), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &look.spoken));
    access::name(ui.ctx(), response.id, &look.spoken, || {
        cell_description(s, i)
    });
    if response.has_focus() {
        // The arrows are the matrix's own: egui would otherwise also move
        // the focus to whatever lies nearest that way.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        step_focus(ui, i);
    }
    let selected = s.view.selected == Some(i);
    if selected {
        painter.rect_stroke(
            rect,
            3.0,
            Stroke::new(theme::stroke::SELECTED, visuals.selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    if response.has_focus() {
        // The keyboard's place, seen from the back of a room: thick, in the
        // highlight colour, inside the cell (its neighbours are 2 points
        // away and would paint over an outline), within a selection's.
        theme::focus_ring(
            painter,
            if selected { rect.shrink(3.0) } else { rect },
            &visuals,
        );
    } else if response.hovered() && !selected {
        painter.rect_stroke(
            rect,
            3.0,
            Stroke::new(theme::stroke::HOVER, visuals.text_color()),
            StrokeKind::Inside,
        );
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        explain::cell_ui(ui, s, i);
    });
    if response.gained_focus() {
        response.scroll_to_me(None);
    }
    if response.clicked() {
        // A click on the selected cell lets it go; Enter from the keyboard
        // always keeps the explanation.
        let by_key =
            ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space));
        let again = s.view.selected == Some(i) && !by_key;
        out.push(ViewAction::SelectCell(if again { None } else { Some(i) }).into());
    }
}

/// The id of cell `index`'s widget (all cells are drawn in one ui).
fn cell_id(ui: &Ui, index: usize) -> egui::Id {
    ui.scope_id().with(("cell", index))
}

/// The arrow keys on a focused cell move the focus to the next cell that
/// way, over the places Table 1 leaves empty.
fn step_focus(ui: &Ui, index: usize) {
    let none = egui::Modifiers::NONE;
    let step = ui.input_mut(|i| {
        [
            (egui::Key::ArrowUp, Step::Up),
            (egui::Key::ArrowDown, Step::Down),
            (egui::Key::ArrowLeft, Step::Left),
            (egui::Key::ArrowRight, Step::Right),
        ]
        .into_iter()
        .find(|(key, _)| i.consume_key(none, *key))
        .map(|(_, step)| step)
    });
    if let Some(target) = step {
        // egui moves the focus by the arrows too when the lock on this cell
        // is not yet in force (the frame the cell got the focus): that
        // move is cancelled, the table's own is made.
        ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        if let Some(target) = neighbour(index, target) {
            ui.memory_mut(|m| m.request_focus(cell_id(ui, target)));
        }
    }
}

/// What a listener hears after a cell's name: what limits it, its driver
/// and the strength it gives, and, where the plan raises it, from what.
fn cell_description(s: &State, index: usize) -> String {
    let t = texts();
    let shown = s.shown();
    let c = &shown.cells[index];
    let mut text = fill(
        t.cell_description,
        &[
            ("limit", &limit_line(s.model, c, &shown.attributes)),
            ("expression", s.model.driver_words(index)),
            ("strength", &num(c.strength)),
            (
                "demand",
                &num(shown.attributes[crate::attribute::Attribute::DemandForImprovement]),
            ),
            ("driver", &num(c.driver)),
        ],
    );
    if let Some(b) = s.raised_from(index) {
        text.push_str(&fill(
            t.cell_raised_spoken,
            &[("band", band_word(b.band)), ("value", &num(b.strength))],
        ));
    }
    text
}

/// The effort row: what the shown cells add up to, per column (in the
/// difference view, how the plan changes it).
fn effort_row(ui: &Ui, s: &State, painter: &Painter, l: &Layout, y: f32) {
    let t = texts();
    let visuals = ui.visuals();
    let shown = s.shown();
    let changes = changes(s);
    let label_rect = l.rect(0.0, y, l.label_w - 6.0, l.row_h);
    painter.text(
        label_rect.left_center() + vec2(8.0, 0.0),
        Align2::LEFT_CENTER,
        t.effort_row,
        FontId::proportional(theme::size::ROW_NAME),
        visuals.strong_text_color(),
    );
    for e in Effort::ALL {
        let j = e.index();
        let effort = changes.map_or(shown.efforts[j], |c| c.efforts[j]);
        let rect = l.cell(j, y);
        painter.rect_stroke(
            rect,
            3.0,
            Stroke::new(theme::stroke::OUTLINE, visuals.weak_text_color()),
            StrokeKind::Inside,
        );
        let bar = Rect::from_min_size(
            rect.min,
            vec2(rect.width() * effort.abs().min(1.0) as f32, rect.height()),
        );
        painter.rect_filled(bar, 3.0, theme::strength_fill(effort.abs(), visuals));
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            if changes.is_some() {
                signed(effort)
            } else {
                num(effort)
            },
            l.body.clone(),
            visuals.text_color(),
        );
        let cells = crate::mechanism::cells()
            .iter()
            .filter(|c| c.effort == e)
            .count();
        let hint = fill(
            t.effort_row_hint,
            &[
                ("effort", s.model.effort_info(e).title.as_str()),
                ("active", &shown.active_per_column[j].to_string()),
                ("cells", &cells.to_string()),
            ],
        );
        let r = ui.interact(rect, ui.scope_id().with(("effort", j)), Sense::hover());
        about::hover_with_terms(r, s.model, &hint, t.effort_row_hint);
    }
}
