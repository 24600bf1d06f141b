//! A sign at the foot of a scroll area while what it holds goes on below
//! what shows, and the scroll it asks for when clicked. At 1280×800 both the
//! warnings pane and Table 1 can go on below the window's edge; a first-time
//! user must see that there is more without guessing that a pane scrolls.

use egui::scroll_area::ScrollAreaOutput;
use egui::{Rect, RichText, ScrollArea, Ui};

/// Which scroll area a sign belongs to: the scroll it asks for is kept
/// under this name until that area is next drawn.
#[derive(Debug, Clone, Copy)]
pub struct Area(pub &'static str);

impl Area {
    fn wanted(self) -> egui::Id {
        egui::Id::unique(("scroll-wanted", self.0))
    }

    /// The scroll area, scrolled where its sign asked, once.
    pub fn scrolled_as_asked(self, area: ScrollArea, ui: &Ui) -> ScrollArea {
        match ui.data_mut(|d| d.remove_temp::<f32>(self.wanted())) {
            Some(offset) => area.vertical_scroll_offset(offset),
            None => area,
        }
    }
}

/// The height the sign takes at the foot of the area.
pub fn height(ui: &Ui) -> f32 {
    ui.spacing().interact_size.y + 6.0
}

/// Whether the area hides some of what it holds below what shows.
pub fn hides_below<R>(pane: &ScrollAreaOutput<R>) -> bool {
    let offset = pane.state.clamped_offset().y;
    offset + pane.inner_rect.height() < pane.content_size.y - 1.0
}

/// Draws the sign saying `text` over the foot of the area; a click asks
/// `area` to scroll `step` points further down at its next frame.
pub fn sign<R>(
    ui: &mut Ui,
    pane: &ScrollAreaOutput<R>,
    area: Area,
    text: String,
    hint: &str,
    step: f32,
) {
    let view = pane.inner_rect;
    let place = Rect::from_min_max(
        egui::pos2(view.left(), view.bottom() - height(ui)),
        view.right_bottom(),
    );
    let button = egui::Button::new(RichText::new(text).strong()).fill(ui.visuals().panel_fill);
    if ui.put(place, button).on_hover_text(hint).clicked() {
        let offset = pane.state.clamped_offset().y;
        ui.data_mut(|d| d.insert_temp(area.wanted(), offset + step));
    }
}
