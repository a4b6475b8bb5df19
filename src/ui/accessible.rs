//! Accessible names for controls that have no visible label of their own,
//! so screen readers (and the kittest tests) can find them.

use egui::Response;

/// Names the widget for screen readers; `name` runs only while the
/// accessibility tree is being built (not on every frame without a reader).
pub fn name_widget<S: Into<String>>(response: &Response, name: impl FnOnce() -> S) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name().into()));
}
