//! Number fields shared by the plan editor and the unit costs, and the one
//! rule for turning a field's change into an edit: a drag is one undo step,
//! typed numbers take effect when the field is left or Enter is pressed (not
//! on every key, which would pass through values the user never meant, such
//! as a horizon of 1 on the way to 12).

use super::money;
use crate::app::action::{Action, DocAction};
use crate::edit::Edit;
use egui::{DragValue, Response};

/// A field for an amount of money: shown with thousands separators, typed
/// with or without them.
pub fn money_field(value: &mut f64) -> DragValue<'_> {
    DragValue::new(value)
        .range(0.0..=1.0e12)
        .speed(1000.0)
        .custom_formatter(|v, _| money(v))
        .custom_parser(crate::text::parse_number)
        .update_while_editing(false)
}

/// A field for a value with `decimals` places, shown and typed as the
/// language writes numbers (`0,25` in French and Spanish).
pub fn decimal_field(value: &mut f64, decimals: usize) -> DragValue<'_> {
    DragValue::new(value)
        .custom_formatter(move |v, _| crate::text::number(v, decimals))
        .custom_parser(crate::text::parse_number)
        .update_while_editing(false)
}

/// A field for a whole number of years up to `max`.
pub fn years_field(value: &mut u32, min: u32, max: u32) -> DragValue<'_> {
    DragValue::new(value)
        .range(min..=max)
        .update_while_editing(false)
}

/// Pushes the edit a field's change stands for: while the field is dragged
/// its edits join one undo step, which ends when the drag stops.
pub fn edit_from(r: &Response, edit: Edit, out: &mut Vec<Action>) {
    if r.drag_started() {
        out.push(DocAction::EndGesture.into());
    }
    out.push(Action::Document(DocAction::Edit {
        edit,
        merge: r.dragged(),
    }));
    if r.drag_stopped() {
        out.push(DocAction::EndGesture.into());
    }
}

/// Ends the gesture of a field whose drag stopped without a change.
pub fn end_of_drag(r: &Response, out: &mut Vec<Action>) {
    if r.drag_stopped() {
        out.push(DocAction::EndGesture.into());
    }
}
