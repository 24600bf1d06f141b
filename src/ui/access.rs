//! What a screen reader hears beyond a widget's own label: a name in words
//! and a description, set on the widget's AccessKit node (read through
//! AT-SPI on Linux, UI Automation on Windows, NSAccessibility on macOS).

/// Gives the widget `id` this accessible name and a description (the longer
/// explanation a screen reader offers after the name). The widget must have
/// reported its [`egui::WidgetInfo`] this pass. The description is made only
/// when a screen reader is listening (egui then builds the tree).
pub fn name(ctx: &egui::Context, id: egui::Id, label: &str, description: impl FnOnce() -> String) {
    ctx.accesskit_node_builder(id, |node| {
        node.set_label(label);
        // A text label is read by its value (AT-SPI names it so): the
        // spoken words go there too.
        if node.role() == egui::accesskit::Role::Label {
            node.set_value(label);
        }
        node.set_description(description());
    });
}
